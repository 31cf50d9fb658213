import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Rows of one SQL query against a store file, read-only (the expected numbers of the screen tests). */
export function storeQuery(dbPath: () => string) {
  return <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(dbPath(), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
}

/** The number in a cell's text ("1,234 / 5,000" -> the digits and dots of it). */
export const digits = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

/** Clicks a screen in the sidebar and waits for its heading. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
  await expect.poll(() => page.locator('main h1').first().textContent()).toBe(name);
}
