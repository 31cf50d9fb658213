import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createAppContext } from '../../src-main/app/context';
import { type Bridge, startBridge } from '../../src-main/bridge/server';
import { CHANNEL_NAMES } from '../../src-preload/contract';
import { tempDir } from '../support/serve';

const TOKEN = 'hostile-test-token-0123456789';

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const nl = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, nl), 16);
    if (!(size > 0)) return out;
    out += rest.slice(nl + 2, nl + 2 + size);
    rest = rest.slice(nl + 2 + size + 2);
  }
}

/**
 * One HTTP/1.1 exchange over a raw socket, so any byte sequence can be sent as the request target. The
 * socket is not half-closed: `Connection: close` makes the server close it after its answer.
 */
function raw(port: number, head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    sock.on('data', (d: Buffer) => chunks.push(d));
    sock.on('error', reject);
    sock.on('close', () => {
      const data = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (!m) return reject(new Error(`no HTTP answer to ${JSON.stringify(head.slice(0, 80))}: ${JSON.stringify(data.slice(0, 200))}`));
      const split = data.indexOf('\r\n\r\n');
      const headers = data.slice(0, split).toLowerCase();
      const payload = data.slice(split + 4);
      const text = headers.includes('transfer-encoding: chunked') ? unchunk(payload) : payload;
      resolve({ status: Number(m[1]), text: Buffer.from(text, 'latin1').toString('utf8') });
    });
    const bytes = Buffer.from(body, 'utf8');
    sock.write(Buffer.concat([Buffer.from(`${head}\r\nHost: 127.0.0.1\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`, 'latin1'), bytes]));
  });
}

describe('bridge under hostile requests', () => {
  let ctx: AppContext;
  let bridge: Bridge;
  const logged: string[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Biotrain</title>');
    ctx = createAppContext({ dbPath: path.join(dir, 'store.sqlite') });
    bridge = await startBridge({ ctx, token: TOKEN, staticDir, log: (l) => logged.push(l) });
  });
  afterAll(async () => {
    await bridge.close();
    ctx.close();
  });

  const stillAnswers = async () => {
    const r = await raw(bridge.port, `POST /api/app.info HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}`, '{}');
    expect(r.status).toBe(200);
  };

  it.each(['/%', '/%ZZ', '/%C0', '/%E0%A4%A', '/assets/%ff.js', '/api/%', '/api/app.info%'])('GET %s is a 400 with a message, and the server lives', async (p) => {
    const r = await raw(bridge.port, `GET ${p} HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}`);
    expect(r.status).toBe(p.startsWith('/api/') ? 405 : 400);
    if (!p.startsWith('/api/')) expect(JSON.parse(r.text).error).toBe('malformed percent-encoding in the request path');
    await stillAnswers();
  });

  it('POST to a malformed channel name is a 400, with the token', async () => {
    const r = await raw(bridge.port, `POST /api/%C0 HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}`, '{}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toBe('malformed percent-encoding in the request path');
  });

  it("a caller's error is a 4xx with the message, not a 500", async () => {
    const auth = `Authorization: Bearer ${TOKEN}`;
    const noItem = await raw(bridge.port, `POST /api/review.decide HTTP/1.1\r\n${auth}`, JSON.stringify({ id: 'no-such-item', action: 'accept' }));
    expect(noItem.status).toBe(404);
    expect(JSON.parse(noItem.text).error).toBe('no example with id no-such-item');
    const noJob = await raw(bridge.port, `POST /api/jobs.resume HTTP/1.1\r\n${auth}`, JSON.stringify({ id: 'no-such-job' }));
    expect(noJob.status).toBe(404);
    expect(JSON.parse(noJob.text).error).toBe('no job with id no-such-job');
    expect(logged).toEqual([]);
  });

  it('fuzzed paths, methods and bodies without the token: every answer is below 500, and the server keeps answering', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%', '%Z', '%ZZ', '%C0', '%C0%AF', '%2e%2e', '..', '%00', 'api', 'events', 'index.html', '%E2%82', '?', '#', '?token=x', '&'),
      fc.string({ unit: fc.constantFrom(...'abc%/.:;@!$()*+,=~-_0123456789ÿ'.split('')), maxLength: 12 }),
    );
    const target = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('')}`);
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH');
    const body = fc.oneof(fc.constant(''), fc.json(), fc.string({ maxLength: 200 }), fc.constant('{"a":'.repeat(2000)));
    await fc.assert(
      fc.asyncProperty(method, target, body, async (m, t, b) => {
        const r = await raw(bridge.port, `${m} ${t} HTTP/1.1`, b);
        expect(r.status).toBeGreaterThanOrEqual(200);
        expect(r.status).toBeLessThan(500);
        if (t.startsWith('/api/')) expect(r.status).toBe(401);
      }),
      { numRuns: 300, seed: 20 },
    );
    await stillAnswers();
    expect(logged).toEqual([]);
  });

  it('fuzzed bodies with the token on read-only channels: 2xx/4xx with a message, or a logged 5xx; never a crash', async () => {
    const readOnly = CHANNEL_NAMES.filter((c) => /\.(list|get|info|stats|next|item|diff|preview|summary|lint)$/.test(c));
    expect(readOnly.length).toBeGreaterThan(8);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...readOnly), fc.oneof(fc.json(), fc.string({ maxLength: 100 })), async (channel, b) => {
        const before = logged.length;
        const r = await raw(bridge.port, `POST /api/${channel} HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}`, b);
        const answer = JSON.parse(r.text) as { ok: boolean; error?: string };
        if (r.status >= 400) expect(answer.error).toMatch(/\S/);
        if (r.status >= 500) expect(logged.length).toBeGreaterThan(before);
      }),
      { numRuns: 200, seed: 20 },
    );
    await stillAnswers();
  });
});
