import {
  AppEventSchema,
  type AppEvent,
  type ApiEnvelope,
  type BiotrainApi,
  type ChannelName,
  contract,
  type RequestOf,
  type ResponseOf,
} from '../../../src-preload/contract';

declare global {
  interface Window {
    api?: BiotrainApi;
  }
}

const TOKEN_KEY = 'biotrain.token';

/** Token for the loopback bridge: taken from the URL fragment once, then kept for the tab's session. */
function bridgeToken(): string {
  const m = /token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** A failed API call, with the envelope's status (HTTP meaning) from either door. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly channel: string,
  ) {
    super(message);
  }
}

function isEnvelope(body: unknown): body is ApiEnvelope {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** The bridge transport: returns the same envelope the preload returns over IPC. */
function httpApi(): BiotrainApi {
  const token = bridgeToken();
  return {
    async invoke(channel, request) {
      let res: Response;
      try {
        res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(request),
        });
      } catch (err) {
        return { ok: false, status: 0, error: `cannot reach Biotrain (${(err as Error).message})` };
      }
      const body: unknown = await res.json().catch(() => null);
      return isEnvelope(body) ? body : { ok: false, status: res.status, error: `HTTP ${res.status}` };
    },
    onEvent(listener) {
      const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      es.onmessage = (m) => listener(JSON.parse(m.data as string));
      return () => es.close();
    },
  };
}

const transport: BiotrainApi = window.api ?? httpApi();

/**
 * Typed call of a contract channel: the one place the envelope is unwrapped (a failure throws
 * ApiCallError with its status) and the result is validated against the contract.
 */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const envelope = await transport.invoke(channel, request);
  if (!envelope.ok) throw new ApiCallError(envelope.status, envelope.error, channel);
  return contract[channel].response.parse(envelope.result) as ResponseOf<C>;
}

export function onAppEvent(listener: (e: AppEvent) => void): () => void {
  return transport.onEvent((raw) => {
    const parsed = AppEventSchema.safeParse(raw);
    if (parsed.success) listener(parsed.data);
  });
}
