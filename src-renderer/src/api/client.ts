import {
  AppEventSchema,
  type AppEvent,
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

export class ApiCallError extends Error {}

function httpApi(): BiotrainApi {
  const token = bridgeToken();
  return {
    async invoke(channel, request) {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      });
      const body = (await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }))) as {
        ok: boolean;
        result?: unknown;
        error?: string;
      };
      if (!body.ok) throw new ApiCallError(body.error ?? `HTTP ${res.status}`);
      return body.result as never;
    },
    onEvent(listener) {
      const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      es.onmessage = (m) => listener(JSON.parse(m.data as string));
      return () => es.close();
    },
  };
}

const transport: BiotrainApi = window.api ?? httpApi();

/** Typed call of a contract channel; the response is validated against the contract. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const raw = await transport.invoke(channel, request);
  return contract[channel].response.parse(raw) as ResponseOf<C>;
}

export function onAppEvent(listener: (e: AppEvent) => void): () => void {
  return transport.onEvent((raw) => {
    const parsed = AppEventSchema.safeParse(raw);
    if (parsed.success) listener(parsed.data);
  });
}
