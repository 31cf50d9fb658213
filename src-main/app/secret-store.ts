/**
 * Where the LLM API key lives. Never SQLite, never logs: in Electron an implementation backed by
 * safeStorage (OS keychain); in the CLI/bridge the key comes from BIOTRAIN_LLM_API_KEY or stays in memory.
 */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  constructor(initial: Record<string, string | undefined> = {}) {
    for (const [k, v] of Object.entries(initial)) if (v) this.values.set(k, v);
  }
  get(name: string): string | undefined {
    return this.values.get(name);
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
}

export const LLM_API_KEY = 'llm_api_key';
