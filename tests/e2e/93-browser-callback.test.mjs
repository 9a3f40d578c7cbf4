// A real browser (Debian's Chromium through playwright-core): an agent on a desktop finds a callback
// in /staff/callbacks by its repair's number, takes it, sees the customer's whole phone, records that
// the customer was reached with a score per dimension, and the callback shows done with the scores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENS, launchBrowser, watch, staffLogin, openFromQueue, act, DESKTOP } from './browser.mjs';
import { RUN_ID, sql, loginAdmin, createUser, newRepair, insertCallback, maskPhone, clearPublicThrottles } from './lib.mjs';

let browser;
let agent;

before(async () => {
  clearPublicThrottles();
  const admin = await loginAdmin();
  agent = await createUser(admin, { role: 'agent', display_name: `回访客服${RUN_ID.slice(-4)}` });
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
});

const shot = (page, name) => page.screenshot({ path: path.join(SCREENS, `callback-${name}.png`), fullPage: true });

test('an agent takes a callback, sees the whole phone and records the customer\'s scores', async () => {
  const r = await newRepair({ product: '洗碗机', name: '钱先生' });
  const customerId = Number(sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0]);
  const c = insertCallback({ customerId, subject: 'repair', subjectId: r.id, reason: 'resolved', dueMinutes: -30 });
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await staffLogin(page, agent);
    await openFromQueue(page, '/staff/callbacks', 'callback-list', r.no, '去回访');
    assert.equal(new URL(page.url()).pathname, `/staff/callbacks/${c.id}`);
    assert.equal(await page.getAttribute('#callback', 'data-status'), 'due');
    assert.equal((await page.textContent('#phone')).trim(), maskPhone(r.phone), 'the phone is whole before taking');

    await act(page, 'take', null, /^\/staff\/callbacks\/\d+$/);
    assert.equal(await page.getAttribute('#callback', 'data-status'), 'taken');
    assert.equal((await page.textContent('#phone')).trim(), r.phone, 'the agent calling does not see the whole phone');
    assert.match(await page.textContent('#taker'), new RegExp(agent.display_name));
    await shot(page, 'taken-desktop');

    const scores = { attitude: '5', timeliness: '4', quality: '5', overall: '5' };
    await act(page, 'call', async (form) => {
      await form.getByLabel('已接通').check();
      for (const [dimension, score] of Object.entries(scores)) {
        await form.locator(`fieldset[data-dimension="${dimension}"]`).getByLabel(score, { exact: true }).check();
      }
      await form.getByLabel('已解决').check();
      await form.locator('textarea[name="comment"]').fill('上门准时，修得很好');
    }, /^\/staff\/callbacks\/\d+$/);
    assert.equal(await page.getAttribute('#callback', 'data-status'), 'done');
    for (const [dimension, score] of Object.entries(scores)) {
      assert.equal((await page.textContent(`#rating li[data-dimension="${dimension}"] .num`)).trim(), score);
    }
    assert.match(await page.textContent('#rating'), /上门准时/);
    assert.equal((await page.textContent('#phone')).trim(), maskPhone(r.phone), 'the phone stays whole after the call');
    await shot(page, 'done-desktop');
    assert.deepEqual(sql(`SELECT status, outcome FROM callbacks WHERE id = ${c.id}`), [['done', 'reached']]);
    assert.deepEqual(sql(`SELECT attitude, timeliness, quality, overall, solved FROM satisfaction WHERE callback_id = ${c.id}`),
      [['5', '4', '5', '5', '1']]);
    assert.deepEqual(problems, [], 'the browser reported problems');
  } finally {
    await context.close();
  }
});
