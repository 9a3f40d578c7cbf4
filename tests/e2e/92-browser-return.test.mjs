// A real browser (Debian's Chromium through playwright-core) walks a return: a customer on a phone
// fills /return/new (once with a field missing, the form coming back as filled in), gets the T
// number and tracks it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENS, PHONE, launchBrowser, watch, noSidewaysScroll } from './browser.mjs';
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
    // the honeypot is out of sight so that people leave it empty
    const hp = await page.locator('#website').boundingBox();
    assert.ok(!hp || hp.x + hp.width <= 0 || hp.y + hp.height <= 0 || hp.width <= 1 || hp.height <= 1,
      `the honeypot field is on the screen at ${JSON.stringify(hp)}`);
    const submit = page.getByRole('button', { name: '提交申请' });
    const box = await submit.boundingBox();
    assert.ok(box && box.height >= 32, `the submit button is ${box && box.height}px high`);
    const choice = await page.getByLabel('网上购买').locator('xpath=..').boundingBox();
    assert.ok(choice && choice.height >= 32, `a choice is ${choice && choice.height}px high: too small to tap`);

    // the reason forgotten: the form comes back with a message and everything as it was
    const [bad] = await Promise.all([page.waitForNavigation(), submit.click()]);
    assert.equal(bad.status(), 422);
    assert.match(await page.textContent('.alert'), /请按提示修改/);
    assert.equal(await page.inputValue('#product'), '扫地机器人');
    assert.ok(await page.getByLabel('退货', { exact: true }).isChecked(), 'the kind was not kept');
    assert.ok(await page.getByLabel('无质量问题（无理由退换）').isChecked(), 'the fault choice was not kept');
    assert.ok(await page.getByLabel('网上购买').isChecked(), 'where it was bought was not kept');
    await noSidewaysScroll(page, 'the form with messages');
    await shot(page, 'form-422-phone');

    await page.fill('#reason', '七天无理由退货，包装完好。');
    const [done] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交申请' }).click()]);
    assert.equal(done.status(), 200, `after submitting: ${done.status()} ${await page.textContent('main')}`);
    assert.equal(new URL(page.url()).pathname, '/return/done');
    const no = (await page.textContent('#public-no')).trim();
    assert.match(no, /^T\d{8}-\d{4,12}$/);
    assert.deepEqual(sql(`SELECT kind, has_fault, bought_online, amount_paid FROM returns WHERE public_no = '${sqlSafe(no)}'`),
      [['return', '0', '1', '129900']]);
    await shot(page, 'done-phone');

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '查询进度' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/track');
    assert.equal(await page.inputValue('#no'), no, 'the tracking form does not carry the number');
    await page.fill('#phone', phone);
    const [found] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '查询' }).click()]);
    assert.equal(found.status(), 200);
    assert.equal(await page.getAttribute('#track-result [data-status]', 'data-status'), 'requested');
    const text = await page.textContent('#track-result');
    assert.match(text, /待审核/);
    assert.match(text, /类型：退货/);
    assert.match(text, /已收到您的退换货申请/);
    await noSidewaysScroll(page, 'the tracking page');
    await shot(page, 'track-phone');

    // The supervisor's part goes here once /staff/returns/<id> exists: sign in on a desktop, find
    // the number in /staff/returns, approve it, and see the customer's tracking page say "approved".

    assert.deepEqual(problems, [], 'the customer\'s browser reported problems');
  } finally {
    await customer.close();
  }
});
