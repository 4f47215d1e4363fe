import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/run.js';
import { formatHtml } from '../../src/report/html.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (which downloads
 * no browser of its own). Skipped, with a message, where /usr/bin/chromium is not installed
 * (`apt-get install -y chromium`).
 */
const CHROMIUM = process.env.PHI_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html.browser.test.ts: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the screenshot is kept for people to look at; a temporary directory unless set. */
const screenshotDir = process.env.PHI_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'phi-scan-screenshots');

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { report, texts } = scan({ cwd: repoRoot, paths: ['fixtures/node-api'], tool: { name: 'phi-scan', version: '0.0.0-test' } });
    dir = mkdtempSync(path.join(os.tmpdir(), 'phi-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, formatHtml(report, { texts, generatedAt: '2026-01-01T00:00:00.000Z' }));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visible = async (): Promise<number> => page.locator('#finding-list > li:visible').count();

  it('renders without console errors and loads nothing but itself', async () => {
    await expect(page.title()).resolves.toBe(`PHI scan: ${path.basename(repoRoot)}`);
    expect(await page.locator('#data-map table tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('#counts table').count()).toBe(2);
    expect(await visible()).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });

  it('filters by rule, vendor and file', async () => {
    const total = await visible();
    await page.selectOption('#filter-rule', 'phi/no-unencrypted-storage');
    const byRule = await visible();
    expect(byRule).toBeGreaterThan(0);
    expect(byRule).toBeLessThan(total);
    for (const rule of await page.locator('#finding-list > li:visible').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')))) {
      expect(rule).toBe('phi/no-unencrypted-storage');
    }
    await page.selectOption('#filter-vendor', 'Redis');
    const byVendor = await visible();
    expect(byVendor).toBeGreaterThan(0);
    expect(byVendor).toBeLessThanOrEqual(byRule);
    await expect(page.locator('#shown-count').textContent()).resolves.toBe(String(byVendor));
    await page.click('#reset-filters');
    expect(await visible()).toBe(total);

    const file = await page.locator('#filter-file option').nth(1).getAttribute('value');
    await page.selectOption('#filter-file', file!);
    const files = await page.locator('#finding-list > li:visible').evaluateAll((items) => items.map((i) => i.getAttribute('data-file')));
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files)).toEqual(new Set([file]));
    await page.click('#reset-filters');
  });

  it('links each data-map count to its findings', async () => {
    const link = page.locator('#data-map a[data-vendor]').first();
    const [phi, vendor, count] = await Promise.all([link.getAttribute('data-phi'), link.getAttribute('data-vendor'), link.locator('b').textContent()]);
    await link.click();
    expect(await visible()).toBe(Number(count));
    await expect(page.locator('#filter-phi').inputValue()).resolves.toBe(phi);
    await expect(page.locator('#filter-vendor').inputValue()).resolves.toBe(vendor);
    await page.click('#reset-filters');
    expect(problems).toEqual([]);
  });

  it('keeps a screenshot of the page', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, 'html-report.png');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: file, fullPage: false });
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(900);
    expect(distinctBytes(png)).toBeGreaterThan(32); // not a blank page
    console.info(`html.browser.test.ts: screenshot in ${file}`);
  });
});

/** How many distinct byte values the PNG's image data holds: a blank page has very few. */
function distinctBytes(png: Buffer): number {
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return new Set(inflateSync(Buffer.concat(chunks))).size;
}
