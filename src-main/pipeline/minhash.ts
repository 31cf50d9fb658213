/**
 * MinHash signatures over word shingles and banded LSH for near-duplicate detection. Seeded and
 * order-independent: the same texts and seed always give the same signatures and candidate pairs.
 */

export interface MinHashConfig {
  numPerm: number;
  shingle: number;
  seed: number;
}

export const DEFAULT_MINHASH: MinHashConfig = { numPerm: 64, shingle: 3, seed: 1 };

/** FNV-1a 32-bit of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: derives the permutation parameters from the seed. */
function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function shingles(text: string, size: number): Set<string> {
  const words = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const out = new Set<string>();
  if (words.length <= size) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

export class MinHasher {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  constructor(readonly config: MinHashConfig = DEFAULT_MINHASH) {
    this.a = new Uint32Array(config.numPerm);
    this.b = new Uint32Array(config.numPerm);
    for (let i = 0; i < config.numPerm; i++) {
      this.a[i] = mix(config.seed * 2654435761 + i * 2) | 1;
      this.b[i] = mix(config.seed * 2246822519 + i * 2 + 1);
    }
  }

  signature(text: string): Uint32Array {
    const sig = new Uint32Array(this.config.numPerm).fill(0xffffffff);
    for (const sh of shingles(text, this.config.shingle)) {
      const h = fnv1a(sh);
      for (let i = 0; i < sig.length; i++) {
        const v = (Math.imul(this.a[i]!, h) + this.b[i]!) >>> 0;
        if (v < sig[i]!) sig[i] = v;
      }
    }
    return sig;
  }
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Bands x rows for a threshold: the LSH S-curve's midpoint (1/b)^(1/r) closest to it. */
export function lshShape(numPerm: number, threshold: number): { bands: number; rows: number } {
  let best = { bands: numPerm, rows: 1, err: Number.POSITIVE_INFINITY };
  for (let rows = 1; rows <= numPerm; rows++) {
    if (numPerm % rows !== 0) continue;
    const bands = numPerm / rows;
    const err = Math.abs((1 / bands) ** (1 / rows) - threshold);
    if (err < best.err) best = { bands, rows, err };
  }
  return { bands: best.bands, rows: best.rows };
}

/**
 * LSH index: items are added with a dense integer id; candidates() yields each pair sharing a band once
 * (lower id first). Buckets store ids only, so memory stays proportional to items x bands.
 */
export class LshIndex {
  private readonly buckets: Map<string, number[]>[];
  constructor(
    private readonly bands: number,
    private readonly rows: number,
  ) {
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  private key(band: number, sig: Uint32Array): string {
    return Array.prototype.join.call(sig.subarray(band * this.rows, (band + 1) * this.rows), ',');
  }

  add(id: number, sig: Uint32Array): void {
    for (let b = 0; b < this.bands; b++) {
      const key = this.key(b, sig);
      const list = this.buckets[b]!.get(key);
      if (list) list.push(id);
      else this.buckets[b]!.set(key, [id]);
    }
  }

  /** The ids added that share a band with `sig` (each once, in the order found), without adding it. */
  *query(sig: Uint32Array): Generator<number> {
    const seen = new Set<number>();
    for (let b = 0; b < this.bands; b++)
      for (const id of this.buckets[b]!.get(this.key(b, sig)) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        yield id;
      }
  }

  *candidates(): Generator<[number, number]> {
    const seen = new Set<number>();
    for (const band of this.buckets)
      for (const ids of band.values()) {
        if (ids.length < 2) continue;
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++) {
            const lo = Math.min(ids[i]!, ids[j]!);
            const hi = Math.max(ids[i]!, ids[j]!);
            // pair key fits in a double exactly for up to 2^26 items
            const key = lo * 67_108_864 + hi;
            if (seen.has(key)) continue;
            seen.add(key);
            yield [lo, hi];
          }
      }
  }
}

/** Disjoint sets over dense ids; the representative is the smallest id, so clusters are canonical. */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}
