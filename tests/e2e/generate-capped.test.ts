import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src-main/knowledge/load';
import { planTemplateItems } from '../../src-main/generators/template-engine';
import { startStudio } from '../support/browser';
import { tempDir } from '../support/serve';

describe('Generate screen in headless Chromium: a count above what a kind holds says it was capped', () => {
  let studio: Awaited<ReturnType<typeof startStudio>>;
  beforeAll(async () => {
    studio = await startStudio(path.join(tempDir(), 'capped.sqlite'));
  }, 60_000);
  afterAll(async () => {
    await studio?.close();
  });

  it('shows the cap in the finished job line', async () => {
    const { page, served } = studio;
    const holds = planTemplateItems(loadKnowledge(), 'education', 100_000, 42).specs.length.toLocaleString('en-US');
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByLabel('education count').fill('100000');
    await page.getByRole('form', { name: 'Generate Education' }).getByRole('button', { name: 'Start' }).click();
    const line = page.getByRole('table', { name: 'Jobs' }).getByText(/^inserted /);
    await expect.poll(() => line.textContent(), { timeout: 60_000 }).toBe(
      `inserted ${holds}, 0 already in store, 0 need review; capped: education holds ${holds} distinct items, so ${holds} of the 100,000 asked for were planned`,
    );
  }, 90_000);
});
