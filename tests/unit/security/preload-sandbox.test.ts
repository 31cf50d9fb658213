import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../src-preload/contract';
import { API_IPC_CHANNEL, type ApiEnvelope, EVENT_IPC_CHANNEL } from '../../../src-preload/contract/envelope';
import { ipcApiHandler } from '../../../src-main/api/ipc-handler';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { REPO, tempDir } from '../../support/serve';

// What `require` reaches in a sandboxed Electron preload (electron docs, "Process Sandboxing"): electron's
// renderer modules and polyfills of events, timers and url (also with the node: prefix). Nothing else.
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);
const BUILT = path.join(REPO, 'out', 'preload');

interface LoadedPreload {
  required: string[];
  exposed: Map<string, unknown>;
  /** main's side: what ipcRenderer.invoke reaches */
  invoked: unknown[][];
  /** main pushes an event to the page */
  push(payload: unknown): void;
  listenerCount(): number;
}

/** Runs the built preload the way Electron's sandbox does: a fresh context, a require limited to the sandbox's modules. */
function loadPreload(file: string, handle: (channel: string, ...args: unknown[]) => Promise<unknown>): LoadedPreload {
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const rendererEvents = new EventEmitter();
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      // the IPC boundary structured-clones both ways
      return handle(channel, ...structuredClone(args)).then((r) => structuredClone(r));
    },
    on: (channel: string, fn: (...a: unknown[]) => void) => rendererEvents.on(channel, fn),
    off: (channel: string, fn: (...a: unknown[]) => void) => rendererEvents.off(channel, fn),
    removeListener: (channel: string, fn: (...a: unknown[]) => void) => rendererEvents.off(channel, fn),
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => {
      if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      exposed.set(key, value);
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (!SANDBOX_MODULES.has(name)) throw new Error(`module not found: ${name}`);
    if (name === 'electron') return { contextBridge, ipcRenderer, webFrame: {}, webUtils: {}, nativeImage: {}, crashReporter: {} };
    return {};
  };
  const module = { exports: {} };
  const context = vm.createContext({ setTimeout, clearTimeout, setImmediate, clearImmediate, Promise, Buffer, process: { platform: process.platform, env: {} } });
  const wrapped = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`, context, { filename: file });
  wrapped(module.exports, sandboxRequire, module, file, path.dirname(file));
  return {
    required,
    exposed,
    invoked,
    push: (payload) => rendererEvents.emit(EVENT_IPC_CHANNEL, { sender: 'ipc-event-object' }, payload),
    listenerCount: () => rendererEvents.listenerCount(EVENT_IPC_CHANNEL),
  };
}

interface WindowApi {
  invoke(channel: unknown, request: unknown): Promise<ApiEnvelope>;
  onEvent(listener: (e: unknown) => void): () => void;
}

describe('built preload in the Electron sandbox', () => {
  let ctx: AppContext;
  let preload: LoadedPreload;
  let api: WindowApi;

  beforeAll(() => {
    const files = fs.existsSync(BUILT) ? fs.readdirSync(BUILT).filter((f) => f.endsWith('.cjs')) : [];
    if (files.length === 0) throw new Error(`no built preload in ${BUILT}: run npm run build first`);
    expect(files).toEqual(['index.cjs']);
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'biotrain.sqlite') });
    const handler = ipcApiHandler(ctx);
    preload = loadPreload(path.join(BUILT, 'index.cjs'), (channel, name, request) => {
      if (channel !== API_IPC_CHANNEL) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return handler({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, name, request);
    });
    api = preload.exposed.get('api') as WindowApi;
  });
  afterAll(() => ctx?.close());

  it('requires nothing but electron and exposes exactly window.api = {invoke, onEvent}', () => {
    expect([...new Set(preload.required)]).toEqual(['electron']);
    expect([...preload.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('reaches every contract channel and gets its validation back as a 400 envelope', async () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(20);
    for (const name of CHANNEL_NAMES) {
      // a string is not a valid request for any channel: dispatch answers for that channel, status intact
      const reply = await api.invoke(name, 'not-a-request');
      expect(reply, name).toMatchObject({ ok: false, status: 400 });
      expect(!reply.ok && reply.error, name).toMatch(new RegExp(`^invalid request for ${name.replace('.', '\\.')}: `));
    }
    expect(preload.invoked.length).toBe(CHANNEL_NAMES.length);
    expect(preload.invoked.every((c) => c[0] === API_IPC_CHANNEL)).toBe(true);
  });

  it('returns results in the envelope, and 404 for a channel not in the contract', async () => {
    const info = await api.invoke('app.info', {});
    expect(info).toEqual({ ok: true, result: { version: expect.any(String), schemaVersion: expect.any(Number), dbPath: ctx.dbPath, mode: 'studio' } });
    expect(await api.invoke('examples.list', { filter: {}, offset: 0, limit: 5 })).toEqual({ ok: true, result: { total: 0, items: [] } });
    expect(await api.invoke('examples.get', { id: 'nope' })).toEqual({ ok: true, result: null });
    expect(await api.invoke('fs.readFile', { path: '/etc/passwd' })).toEqual({ ok: false, status: 404, error: "unknown channel 'fs.readFile'" });
    expect(await api.invoke(42, {})).toEqual({ ok: false, status: 400, error: 'channel must be a string' });
  });

  it('refuses IPC from a page that is not the app', async () => {
    const reply = await ipcApiHandler(ctx)({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {});
    expect(reply).toEqual({ ok: false, status: 403, error: 'IPC from an unexpected origin (https://evil.example/)' });
  });

  it('delivers pushed events without the IPC event object, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.onEvent((e) => got.push(e));
    preload.push({ type: 'data-changed', what: 'examples' });
    expect(got).toEqual([{ type: 'data-changed', what: 'examples' }]);
    expect(preload.listenerCount()).toBe(1);
    off();
    expect(preload.listenerCount()).toBe(0);
  });
});
