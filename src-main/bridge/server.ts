import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { AppEvent } from '../../src-preload/contract';
import type { AppContext } from '../app/context';
import { ApiError, failureOf, isServerFault } from '../api/api-error';
import { dispatchEnvelope } from '../api/dispatch';

export interface BridgeOptions {
  ctx: AppContext;
  port?: number;
  /** folder with the built renderer (index.html); omitted -> API only */
  staticDir?: string;
  token?: string;
  /** log lines (never containing the token) */
  log?: (line: string) => void;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Every refusal is the API's failure envelope too, so a client reads one shape. */
function sendFailure(res: http.ServerResponse, status: number, error: string): void {
  sendJson(res, status, { ok: false, status, error });
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, `request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'request body is not valid JSON');
  }
}

/** Decodes a URL path; malformed percent-encoding (`/%`, `/%ZZ`, `/%C0`) is the client's error. */
function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    throw new ApiError(400, 'malformed percent-encoding in the request path');
  }
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse, log?: (line: string) => void): void {
  const rel = decodePath(urlPath).replace(/^\/+/, '') || 'index.html';
  if (rel.includes('\0')) throw new ApiError(400, 'NUL in the request path');
  const root = path.resolve(staticDir);
  const file = path.resolve(root, rel);
  const inside = file.startsWith(root + path.sep);
  let target = path.join(root, 'index.html');
  try {
    if (inside && fs.statSync(file).isFile()) target = file;
  } catch {
    // not there: the app's own router answers (index.html)
  }
  const headers = {
    'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
  res.writeHead(200, headers);
  pipeline(fs.createReadStream(target), res, (err) => {
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') log?.(`error serving ${urlPath}: ${err.message}`);
  });
}

/**
 * The loopback bridge: the same handlers as IPC over HTTP on 127.0.0.1, a per-run token on every API
 * call (Authorization: Bearer, or ?token= for EventSource), events over SSE, and the built renderer.
 */
export function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const { ctx } = opts;
  const sseClients = new Set<http.ServerResponse>();
  const onEvent = (e: AppEvent) => {
    const line = `data: ${JSON.stringify(e)}\n\n`;
    for (const c of sseClients) c.write(line);
  };
  ctx.events.on('event', onEvent);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const remote = req.socket.remoteAddress ?? '';
    if (!LOOPBACK.has(remote)) return sendFailure(res, 403, 'only loopback clients are allowed');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return sendFailure(res, 403, 'bad Host header');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return sendFailure(res, 400, 'malformed request target');
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' || !opts.staticDir) return sendFailure(res, 404, 'not found');
      return serveStatic(opts.staticDir, url.pathname, res, opts.log);
    }
    const auth = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? url.searchParams.get('token');
    if (!tokenMatches(token, auth)) return sendFailure(res, 401, 'missing or wrong token');

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'POST') return sendFailure(res, 405, 'use POST /api/<channel>');
    const name = decodePath(url.pathname.slice('/api/'.length));
    let body: unknown;
    try {
      body = await readBody(req);
    } catch (err) {
      const failure = failureOf(err);
      return sendJson(res, failure.status, failure);
    }
    // the same envelope IPC returns; the HTTP status repeats the envelope's status
    const envelope = await dispatchEnvelope(ctx, name, body);
    if (envelope.ok) return sendJson(res, 200, envelope);
    if (isServerFault(envelope)) opts.log?.(`error on ${name}: ${envelope.error}`);
    sendJson(res, envelope.status, envelope);
  };

  // every request ends in an answer: a 4xx with its message, or a 5xx that is logged; never a crash
  const server = http.createServer((req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(req, res).catch((err: unknown) => {
      const failure = failureOf(err);
      if (isServerFault(failure)) opts.log?.(`error on ${req.method} ${req.url}: ${err instanceof Error && err.stack ? err.stack : failure.error}`);
      if (res.headersSent) return void res.destroy();
      try {
        sendJson(res, failure.status, failure);
      } catch {
        res.destroy();
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            ctx.events.off('event', onEvent);
            for (const c of sseClients) c.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
