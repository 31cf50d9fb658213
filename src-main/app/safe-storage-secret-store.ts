import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from './secret-store';

/** The subset of Electron's safeStorage we use (injected so this module does not import electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Secrets encrypted with the OS keychain via Electron safeStorage, one file per secret, outside SQLite. */
export class SafeStorageSecretStore implements SecretStore {
  private readonly memory = new Map<string, string>();
  constructor(
    private readonly dir: string,
    private readonly safe: SafeStorageLike,
  ) {}

  get(name: string): string | undefined {
    if (this.memory.has(name)) return this.memory.get(name);
    const file = path.join(this.dir, `${name}.bin`);
    if (!fs.existsSync(file) || !this.safe.isEncryptionAvailable()) return undefined;
    return this.safe.decryptString(fs.readFileSync(file));
  }

  set(name: string, value: string): void {
    this.memory.set(name, value);
    if (!this.safe.isEncryptionAvailable()) return; // keep in memory only: never write plaintext
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(this.dir, `${name}.bin`), this.safe.encryptString(value), { mode: 0o600 });
  }
}
