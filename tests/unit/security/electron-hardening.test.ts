import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../../src-main/bridge/server';
import { windowOptions } from '../../../src-main/window-options';
import { REPO } from '../../support/serve';

describe('Electron hardening', () => {
  it('opens the window with context isolation, sandbox and no node integration', () => {
    const w = windowOptions('/x/preload.cjs').webPreferences;
    expect(w).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses those options in the Electron entry, which is the only module importing electron', () => {
    const entry = fs.readFileSync(path.join(REPO, 'src-main/electron-main.ts'), 'utf8');
    expect(entry).toContain("new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs')))");
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /from 'electron'/.test(fs.readFileSync(p, 'utf8'))) importers.push(path.relative(REPO, p));
      }
    };
    walk(path.join(REPO, 'src-main'));
    walk(path.join(REPO, 'src-renderer'));
    expect(importers).toEqual(['src-main/electron-main.ts']);
  });

  it('has a strict CSP: no inline or eval scripts, no remote origins', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = fs.readFileSync(path.join(REPO, 'src-renderer/index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
