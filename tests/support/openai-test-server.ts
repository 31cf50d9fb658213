import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}

/**
 * One scripted fault, consumed by one request. `status` answers with an error; `delayMs` holds the
 * response back; `content` replaces what `respond` would produce. Fields combine.
 */
export interface Fault {
  status?: 429 | 500;
  delayMs?: number;
  content?: string;
}

export interface OpenAiTestServerOptions {
  respond: (body: ChatRequestBody) => string;
  faults?: Fault[];
  /** a fault chosen from the request itself (e.g. per prompt and attempt), applied before the queued ones */
  faultFor?: (body: ChatRequestBody) => Fault | undefined;
  /** model ids GET /v1/models lists, in this order (default: one, 'test-model') */
  models?: string[];
}

/** Deterministic token counts so tests can assert exact usage: whitespace-separated words. */
export function countTokens(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

export function promptTokens(body: ChatRequestBody): number {
  return body.messages.reduce((n, m) => n + countTokens(m.content), 0);
}

/** A minimal OpenAI-compatible chat completions server on 127.0.0.1 with a fault script. */
export class OpenAiTestServer {
  readonly requests: ChatRequestBody[] = [];
  readonly faults: Fault[];
  inFlight = 0;
  maxInFlight = 0;
  private readonly server: http.Server;
  private readonly respond: (body: ChatRequestBody) => string;
  private readonly faultFor: ((body: ChatRequestBody) => Fault | undefined) | undefined;
  private nextId = 1;
  /** model ids GET /v1/models lists; tests may change it */
  models: string[];
  /** GET /v1/models requests seen, with their Authorization header */
  readonly modelRequests: { authorization: string | null }[] = [];
  /** when set, GET /v1/models answers this HTTP error status instead of the list */
  modelsStatus: number | null = null;

  constructor(opts: OpenAiTestServerOptions) {
    this.respond = opts.respond;
    this.faults = [...(opts.faults ?? [])];
    this.faultFor = opts.faultFor;
    this.models = [...(opts.models ?? ['test-model'])];
    this.server = http.createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  get count(): number {
    return this.requests.length;
  }

  /** Appends faults for the next requests (after any still queued). */
  script(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  start(): Promise<{ baseURL: string }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.address() as AddressInfo;
        resolve({ baseURL: `http://127.0.0.1:${port}/v1` });
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      // Requests held by a delay fault would otherwise keep close() waiting.
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/v1/models') {
      this.modelRequests.push({ authorization: req.headers.authorization ?? null });
      if (this.modelsStatus !== null) {
        sendJson(res, this.modelsStatus, { error: { message: `status ${this.modelsStatus}`, type: 'test_fault' } });
        return;
      }
      sendJson(res, 200, { object: 'list', data: this.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'biotrain-tests' })) });
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'not_found' } });
      return;
    }
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => {
      this.inFlight--;
    });

    let body: ChatRequestBody;
    try {
      body = JSON.parse(await readBody(req)) as ChatRequestBody;
    } catch {
      sendJson(res, 400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
      return;
    }
    this.requests.push(body);
    const fault = this.faultFor?.(body) ?? this.faults.shift() ?? {};

    if (fault.delayMs) await sleep(fault.delayMs);
    if (res.destroyed) return;

    if (fault.status === 429) {
      sendJson(res, 429, { error: { message: 'rate limited', type: 'rate_limit_error' } }, { 'retry-after-ms': '10' });
      return;
    }
    if (fault.status === 500) {
      sendJson(res, 500, { error: { message: 'internal error', type: 'server_error' } });
      return;
    }

    const content = fault.content ?? this.respond(body);
    const prompt = promptTokens(body);
    const completion = countTokens(content);
    sendJson(res, 200, {
      id: `chatcmpl-test-${this.nextId++}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    });
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
