import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}

describe('electron-builder.yml', () => {
  const cfg = parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

  it('names the app', () => {
    expect(cfg.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/i);
    expect(cfg.productName).toBe('Biotrain');
  });

  it('packages the build output and resources', () => {
    expect(cfg.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
    const from = cfg.extraResources.map((r) => r.from);
    expect(from).toEqual(expect.arrayContaining(['resources/knowledge', 'resources/prompts']));
    for (const f of from) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it('targets AppImage + deb, dmg and nsis', () => {
    expect(cfg.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(cfg.mac.target).toEqual(['dmg']);
    expect(cfg.win.target).toEqual(['nsis']);
  });
});
