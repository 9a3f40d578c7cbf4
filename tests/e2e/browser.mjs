// What the browser tests share: launching Debian's Chromium, the screenshot folder, a phone's
// screen, a watch on each page for script errors and failed sub-requests, and the check that a
// page fits the phone's width.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const SCREENS = path.join(process.env.AS_VAR || tmpdir(), 'screens');

/** A browser context's options for a customer's phone (390 x 844, touch). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Fails unless page fits the phone's width without scrolling sideways. */
export async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.viewport.width, `${what} is ${width}px wide on a ${PHONE.viewport.width}px screen`);
}

/** Headless Chromium as the workplace runs it (no sandbox as root, no background traffic). */
export async function launchBrowser() {
  mkdirSync(SCREENS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.AS_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
}

/** Collects script errors, CSP violations and failed sub-requests of page; returns the live list. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    // a failed load is reported (with its address) by the response handler below
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    // Chromium asks for /favicon.ico on its own; the pages do not link it.
    if (new URL(r.url()).pathname === '/favicon.ico') return;
    // expected statuses of the pages themselves are checked by the tests
    if (r.request().resourceType() !== 'document' && r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return problems;
}
