// A real browser (Debian's Chromium through playwright-core) walks a return: a customer on a phone
// fills /return/new (once with a field missing, the form coming back as filled in), gets the T
// number and tracks it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  SCREENS, PHONE, launchBrowser, watch, noSidewaysScroll, clickThrough, assertHoneypotHidden, assertTappable, trackFromDone,
} from './browser.mjs';
import { BASE_URL, RUN_ID, uniquePhone, sql, sqlSafe, clearTrackThrottle, clearPublicThrottles } from './lib.mjs';

let browser;

before(async () => {
  clearPublicThrottles();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  clearTrackThrottle();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `return-${name}.png`), fullPage: true });

test('a customer on a phone files a return and tracks it', async () => {
  const phone = uniquePhone('7');
  const customer = await browser.newContext(PHONE);
  try {
    const page = await customer.newPage();
    const problems = watch(page);
    const res = await page.goto(`${BASE_URL}/return/new`);
    assert.equal(res.status(), 200);
    await noSidewaysScroll(page, 'the return form');
    await page.getByLabel('退货', { exact: true }).check();
    await page.fill('#name', '赵女士');
    await page.fill('#phone', `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    await page.fill('#order_no', `TB${RUN_ID}`.toUpperCase());
    await page.fill('#product', '扫地机器人');
    await page.getByLabel('无质量问题（无理由退换）').check();
    await page.fill('#purchase_date', '2025-08-15');
    await page.getByLabel('网上购买').check();
    await page.fill('#amount_paid', '¥1,299.00');
    await assertHoneypotHidden(page);
    const submit = page.getByRole('button', { name: '提交申请' });
    await assertTappable(submit, 'the submit button');
    await assertTappable(page.getByLabel('网上购买').locator('xpath=..'), 'a choice');

    // the reason forgotten: the form comes back with a message and everything as it was
    const bad = await clickThrough(page, submit);
    assert.equal(bad.status(), 422);
    assert.match(await page.textContent('.alert'), /请按提示修改/);
    assert.equal(await page.inputValue('#product'), '扫地机器人');
    assert.ok(await page.getByLabel('退货', { exact: true }).isChecked(), 'the kind was not kept');
    assert.ok(await page.getByLabel('无质量问题（无理由退换）').isChecked(), 'the fault choice was not kept');
    assert.ok(await page.getByLabel('网上购买').isChecked(), 'where it was bought was not kept');
    await noSidewaysScroll(page, 'the form with messages');
    await shot(page, 'form-422-phone');

    await page.fill('#reason', '七天无理由退货，包装完好。');
    const { no, text } = await trackFromDone(page, await clickThrough(page, submit), {
      done: '/return/done', numberRe: /^T\d{8}-\d{4,12}$/, phone, status: 'requested', shot: (name) => shot(page, name),
    });
    assert.deepEqual(sql(`SELECT kind, has_fault, bought_online, amount_paid FROM returns WHERE public_no = '${sqlSafe(no)}'`),
      [['return', '0', '1', '129900']]);
    assert.match(text, /待审核/);
    assert.match(text, /类型：退货/);
    assert.match(text, /已收到您的退换货申请/);

    // The supervisor's part goes here once /staff/returns/<id> exists: sign in on a desktop, find
    // the number in /staff/returns, approve it, and see the customer's tracking page say "approved".

    assert.deepEqual(problems, [], 'the customer\'s browser reported problems');
  } finally {
    await customer.close();
  }
});
