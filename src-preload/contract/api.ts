// What the preload exposes as window.api and what the HTTP transport mirrors. Types only (no zod), so the
// sandboxed preload can import it: the built preload may require nothing but `electron`.
import type { ApiEnvelope } from './envelope';

export interface BiotrainApi {
  /**
   * Calls a contract channel. Never rejects for an API failure: the reply is the envelope, which the
   * renderer client (src-renderer/src/api/client.ts) unwraps once.
   */
  invoke(channel: string, request: unknown): Promise<ApiEnvelope>;
  /** subscribe to pushed events; returns an unsubscribe function */
  onEvent(listener: (event: unknown) => void): () => void;
}
