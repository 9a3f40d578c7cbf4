// A real browser (Debian's Chromium through playwright-core): a supervisor on a desktop goes from
// the staff home to the daily reconciliation, follows a figure to its records and signs the day
// off; on a phone the daily page, the repair report and a technician's own KPIs fit the screen,
// their tables are labelled cards and their charts are drawn (and printed) with the figures beside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENS, launchBrowser, watch, staffLogin, clickThrough, noSidewaysScroll, DESKTOP, PHONE } from './browser.mjs';
import { BASE_URL, RUN_ID, loginAdmin, createUser, newRepair, sql } from './lib.mjs';

let browser;
let supervisor;
let technician;

before(async () => {
  const admin = await loginAdmin();
  supervisor = await createUser(admin, { role: 'supervisor', display_name: `报表主管${RUN_ID.slice(-4)}` });
  technician = await createUser(admin, { role: 'technician', display_name: `报表技师${RUN_ID.slice(-4)}` });
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `reports-${name}.png`), fullPage: true });

/** Fails unless the page has a chart with drawn marks and a figures table of as many rows as labels. */
async function assertChart(page, what) {
  const chart = page.locator('figure.chart').first();
  assert.equal(await chart.count(), 1, `${what}: no chart`);
  const box = await chart.locator('svg').boundingBox();
  assert.ok(box && box.width > 200 && box.height > 80, `${what}: the chart is ${JSON.stringify(box)}`);
  const marks = await chart.locator('svg rect.bar, svg polyline.line').count();
  assert.ok(marks > 0, `${what}: the chart draws nothing`);
  assert.ok(await chart.locator('.chart-figures tbody tr').count() > 0, `${what}: the chart has no figures beside it`);
}

test('a supervisor reconciles today: home -> 报表 -> 每日核对, a figure -> its records, then signs off', async () => {
  const r = await newRepair({ product: '报表测试冰箱' });
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await staffLogin(page, supervisor);
    await clickThrough(page, page.locator('nav a', { hasText: '报表' }));
    assert.equal(new URL(page.url()).pathname, '/staff/reports');
    await clickThrough(page, page.getByRole('link', { name: /每日核对/ }));
    assert.equal(new URL(page.url()).pathname, '/staff/reports/daily');
    const cell = page.locator('[data-kind="repair"] tr[data-row="web"] td[data-metric="taken_in"] a');
    const shown = Number((await cell.textContent()).trim());
    const today = await page.getAttribute('#report-daily', 'data-day'); // the site's day, not the test machine's
    const counted = Number(sql(`SELECT n FROM report_days WHERE kind = 'repair' AND channel = 'web' AND metric = 'taken_in' AND day = '${today}'`)[0][0]);
    assert.equal(shown, counted);
    await assertChart(page, 'daily (desktop)');
    await shot(page, 'daily-desktop');

    await clickThrough(page, cell);
    assert.equal(new URL(page.url()).pathname, '/staff/reports/daily/records');
    assert.equal(Number(await page.textContent('#record-count')), Math.min(shown, 500), 'the list counts otherwise than the figure');
    assert.equal(await page.locator('a', { hasText: r.no }).count(), 1, `the taken-in list does not show ${r.no}`);

    await page.goBack();
    const note = `核对完毕 ${RUN_ID}`;
    await page.fill('#signoff-form textarea[name="note"]', note);
    await clickThrough(page, page.locator('#signoff-form button[type="submit"]'));
    assert.equal(new URL(page.url()).pathname, '/staff/reports/daily');
    assert.equal((await page.textContent('#signoff .note')).trim(), note);
    assert.match(await page.textContent('#signoff .signer'), new RegExp(supervisor.display_name));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone the reports fit the screen, tables read as labelled cards, charts are drawn and print', async () => {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await staffLogin(page, supervisor);
    for (const [url, name] of [['/staff/reports/daily', 'daily'], ['/staff/reports/repairs', 'repairs'], ['/staff/reports/kpi', 'kpi']]) {
      const res = await page.goto(`${BASE_URL}${url}`);
      assert.equal(res.status(), 200, url);
      await noSidewaysScroll(page, url);
      await assertChart(page, `${name} (phone)`);
      const cell = page.locator('.report-table table.report tbody td[data-label]').first();
      assert.equal(await page.locator('.report-table table.report thead').first().isVisible(), false, `${url}: the header row shows on a phone`);
      const label = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
      assert.equal(label, JSON.stringify(await cell.getAttribute('data-label')), `${url}: a card's figure has no label`);
      await shot(page, `${name}-phone`);
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator('figure.chart svg').first().isVisible(), `${url}: the chart does not print`);
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a technician on a phone sees 员工考核 with only their own row', async () => {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await staffLogin(page, technician);
    const res = await page.goto(`${BASE_URL}/staff/reports/kpi`);
    assert.equal(res.status(), 200);
    await noSidewaysScroll(page, '/staff/reports/kpi (technician)');
    const rows = await page.locator('.report-table table.report tbody tr[data-row]').evaluateAll((trs) => trs.map((tr) => tr.dataset.row));
    const ids = [...new Set(rows.filter((id) => /^\d+$/.test(id)))];
    assert.deepEqual(ids, [String(technician.id)], `the technician sees rows of ${ids}`);
    assert.equal((await page.goto(`${BASE_URL}/staff/reports/daily`)).status(), 403);
  } finally {
    await context.close();
  }
});
