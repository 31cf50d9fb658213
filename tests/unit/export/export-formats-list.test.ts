import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src-preload/schemas/export-formats';
import { PATHS } from '../../../src-main/export/layout';

/** Expands 'a/{x,y}.jsonl, b.json' into the concrete names it shows; a trailing '/' stands for a folder. */
function shown(files: string): string[] {
  return files.split(', ').flatMap((f) => {
    const m = /^(.*)\{([^}]+)\}(.*)$/.exec(f);
    return m ? m[2]!.split(',').map((x) => `${m[1]}${x}${m[3]}`) : [f];
  });
}

describe('the export formats list the renderer shows', () => {
  it('covers every file the export writes, and names nothing it does not write', () => {
    const written = Object.values(PATHS).flatMap((p) => (typeof p === 'function' ? (['train', 'val', 'test'] as const).map((s) => p(s)) : [p]));
    const listed = EXPORT_FORMATS.flatMap((f) => shown(f.files));
    const covers = (file: string) => listed.some((l) => (l.endsWith('/') ? file.startsWith(l) : file === l));
    expect(written.filter((w) => !covers(w))).toEqual([]);
    expect(listed.filter((l) => !written.some((w) => (l.endsWith('/') ? w.startsWith(l) : w === l)))).toEqual([]);
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
  });
});
