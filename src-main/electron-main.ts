// The only module that imports electron: opens the window, registers the one ipcMain handler of the
// contract, forwards events, and keeps the LLM key in safeStorage. Everything else is shared with the CLI.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, safeStorage, session } from 'electron';
import { API_IPC_CHANNEL, EVENT_IPC_CHANNEL } from '../src-preload/contract/envelope';
import { ipcApiHandler } from './api/ipc-handler';
import { openAppContext } from './app/compose';
import type { AppContext } from './app/context';
import { SafeStorageSecretStore } from './app/safe-storage-secret-store';
import { openReviewContext } from './bundle/reviewer';
import { CSP } from './bridge/server';
import { windowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));

function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

function reviewBundleArg(argv: string[]): string | undefined {
  return argValue(argv, '--review');
}

async function main(): Promise<void> {
  await app.whenReady();
  const dbPath = process.env.BIOTRAIN_DB ?? path.join(app.getPath('userData'), 'biotrain.sqlite');
  const reviewBundle = reviewBundleArg(process.argv);
  const secrets = new SafeStorageSecretStore(path.join(app.getPath('userData'), 'secrets'), safeStorage);
  // reviewer mode: the bundle's items go into a private reviewer store next to the decisions file
  // (<bundle>.<reviewer>.decisions.json); the studio store is not opened
  let ctx: AppContext;
  try {
    ctx = reviewBundle
      ? openReviewContext({ bundlePath: reviewBundle, reviewer: argValue(process.argv, '--reviewer'), decisionsPath: argValue(process.argv, '--decisions'), secrets })
      : openAppContext({ dbPath, mode: 'studio', secrets });
  } catch (err) {
    dialog.showErrorBox('Biotrain cannot start', (err as Error).message);
    app.quit();
    return;
  }

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  // one IPC channel for the whole contract, answering the bridge's envelope (dispatch validates the name)
  ipcMain.handle(API_IPC_CHANNEL, ipcApiHandler(ctx, { devRendererUrl: process.env.ELECTRON_RENDERER_URL, log: (line) => console.error(line) }));

  const win = new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs')));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  ctx.events.on('event', (e) => win.webContents.send(EVENT_IPC_CHANNEL, e));
  win.once('ready-to-show', () => win.show());
  if (process.env.ELECTRON_RENDERER_URL) await win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await win.loadFile(path.join(here, '../renderer/index.html'));

  app.on('window-all-closed', () => {
    ctx.close();
    app.quit();
  });
}

void main();
