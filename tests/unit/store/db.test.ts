import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NEW_STORE_PAGE_SIZE, openStore, schemaVersion, StoreOpenError } from '../../../src-main/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { tempDir } from '../../support/serve';

describe('openStore', () => {
  it('creates the schema with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const db = openStore(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['builds', 'examples', 'golden_queries', 'interactions', 'jobs', 'llm_cache', 'review_events', 'settings']));
    db.close();
    // reopening applies nothing new and keeps the version
    const again = openStore(file);
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('gives new stores 16 KiB pages and leaves the page size of an existing store alone', () => {
    const fresh = openStore(path.join(tempDir(), 'fresh.sqlite'));
    expect(fresh.pragma('page_size', { simple: true })).toBe(NEW_STORE_PAGE_SIZE);
    expect(NEW_STORE_PAGE_SIZE).toBe(16_384);
    fresh.close();
    // a schema-v1 store made with 4 KiB pages (as stores were before) opens, migrates and keeps them
    const file = path.join(tempDir(), 'old.sqlite');
    const raw = new Database(file);
    raw.pragma('page_size = 4096');
    raw.exec(MIGRATIONS[0]!.sql);
    raw.pragma(`user_version = ${MIGRATIONS[0]!.version}`);
    raw.close();
    const old = openStore(file);
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    expect(schemaVersion(old)).toBe(SCHEMA_VERSION);
    old.close();
  });

  it('refuses a file that is not SQLite, naming the file', () => {
    const file = path.join(tempDir(), 'corrupt.sqlite');
    fs.writeFileSync(file, 'this is not a database, just text '.repeat(200));
    expect(() => openStore(file)).toThrow(StoreOpenError);
    expect(() => openStore(file)).toThrow(`${file}: not a readable SQLite database`);
  });

  it('refuses a foreign SQLite database without touching it', () => {
    const file = path.join(tempDir(), 'foreign.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/a SQLite database from another application/);
    // byte for byte: not even switched to WAL
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});
