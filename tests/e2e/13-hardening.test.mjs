// Faults found by probing the stack from outside (issue #6): the day's first
// submissions deadlocking on the counter, a full daily counter, a public form
// rewriting a stranger's customer record, the Host header reaching printed
// links, and transactions that die of a deadlock reaching people as errors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  request, loginAdmin, createUser, login, sql, appSql, sqlSafe, snippet, uniquePhone,
  newRepair, submitAtOnce, assertAllNumbered, fieldValue, trackStatus, track, clearPublicThrottles, htmlUnescape, alertText, extractCsrf, rawRequest, BASE_URL,
} from './lib.mjs';

let agent;

before(async () => {
  clearPublicThrottles();
  const admin = await loginAdmin();
  const u = await createUser(admin, { role: 'agent' });
  agent = await login(u.username, u.password);
});

/** Today's date as the program numbers it (YYYYMMDD). */
function today() {
  return appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
}

test('50 simultaneous first submissions of a day, with no stored tokens, all succeed with distinct numbers', async () => {
  // The state of a fresh install or of a day's first requests: no committed token rows, so a
  // purge inside the numbering transaction used to wait on the others' uncommitted rows.
  for (let round = 0; round < 2; round++) {
    assertAllNumbered('R', await submitAtOnce('R', 50), `round ${round}:`);
  }
});

test('a full daily counter never stops intake: numbers grow past 4, 5 and 6 digits and stay trackable', async () => {
  const day = today();
  const counter = () => Number(appSql("SELECT last FROM daily_counters WHERE kind = 'R' AND day = CURDATE()")[0][0]);
  await newRepair(); // makes sure today's counter row exists
  const before = counter();
  try {
    for (const last of [9999, 99999, 999999, 4294967295]) {
      // An earlier run of this test today took the number: its test repair goes.
      const taken = `R${day}-${last + 1}`;
      sql(`DELETE e FROM events e JOIN repairs r ON e.subject = 'repair' AND e.subject_id = r.id WHERE r.public_no = '${taken}'`);
      sql(`DELETE FROM repairs WHERE public_no = '${taken}'`);
      appSql(`UPDATE daily_counters SET last = ${last} WHERE kind = 'R' AND day = CURDATE()`);
      const r = await newRepair();
      assert.equal(r.no, `R${day}-${last + 1}`, `after ${last} the next number is ${r.no}`);
      const done = await request('GET', `/repair/done?no=${r.no}`);
      assert.equal(done.status, 200, `/repair/done for ${r.no} answered ${done.status}`);
      assert.ok(done.text.includes(r.no));
      const t = await track(r.no, r.phone);
      assert.equal(t.status, 200, `/track for ${r.no} answered ${t.status}: ${snippet(t.text)}`);
      assert.equal(trackStatus(t.text), 'new');
    }
  } finally {
    // Later tests expect four-digit numbers; put the counter back where it was.
    appSql(`UPDATE daily_counters SET last = ${before + 1} WHERE kind = 'R' AND day = CURDATE()`);
  }
});

test('a public submission never changes an existing customer record; an agent takes the details over, audited', async () => {
  const phone = uniquePhone('7');
  const first = await newRepair({ phone, name: '原客户', email: '', address: '原地址 1 号' });
  const cid = sql(`SELECT customer_id FROM repairs WHERE id = ${first.id}`)[0][0];
  const record = () => sql(`SELECT name, email, address, version FROM customers WHERE id = ${sqlSafe(cid)}`)[0];
  const original = record();
  assert.deepEqual(original.slice(0, 3), ['原客户', '', '原地址 1 号']);

  // Someone else who knows the phone: the empty e-mail and the address used to be filled in.
  const second = await newRepair({ phone, name: '冒名者', email: 'attacker@example.com', address: '别处 99 号' });
  assert.deepEqual(record(), original, 'the public form changed the customer record');
  assert.equal(sql(`SELECT customer_id FROM repairs WHERE id = ${second.id}`)[0][0], cid, 'not matched to the customer by phone');
  // The request keeps what was typed.
  const typed = sql(`SELECT contact_name, contact_email, address FROM repairs WHERE id = ${second.id}`)[0];
  assert.deepEqual(typed, ['冒名者', 'attacker@example.com', '别处 99 号']);

  // The work order shows what differs and offers the take-over.
  const page = await agent.get(`/staff/repairs/${second.id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /id="contact-diff"/, 'no difference box on the work order');
  for (const f of ['name', 'email', 'address']) assert.match(page.text, new RegExp(`data-field="${f}"`), `${f} not listed as different`);
  const csrf = extractCsrf(page.text);
  const version = fieldValue(page.text, 'customer_version');
  assert.equal(version, original[3]);

  // Without CSRF: refused, nothing changes.
  const forged = await agent.post(`/staff/repairs/${second.id}/contact`, { customer_version: version, take_email: '1' });
  assert.equal(forged.status, 403);
  // Nothing ticked: 422, nothing changes.
  const none = await agent.post(`/staff/repairs/${second.id}/contact`, { csrf, customer_version: version });
  assert.equal(none.status, 422);
  assert.deepEqual(record(), original);
  // A technician may not do it.
  const admin = await loginAdmin();
  const t = await createUser(admin, { role: 'technician' });
  const tech = await login(t.username, t.password);
  const techTry = await tech.postForm(`/staff/repairs/${second.id}/contact`, { customer_version: version, take_email: '1' });
  assert.equal(techTry.status, 403);
  assert.deepEqual(record(), original);

  // The agent takes over the e-mail only.
  const ok = await agent.post(`/staff/repairs/${second.id}/contact`, { csrf, customer_version: version, take_email: '1' });
  assert.equal(ok.status, 303, snippet(ok.text));
  const now = record();
  assert.deepEqual(now.slice(0, 3), ['原客户', 'attacker@example.com', '原地址 1 号']);
  assert.equal(Number(now[3]), Number(original[3]) + 1);
  const audit = sql(`SELECT actor, action, target, detail FROM audit_log WHERE action = 'customer_update' AND target = '客户 #${sqlSafe(cid)}' ORDER BY id DESC LIMIT 1`);
  assert.equal(audit.length, 1, 'the take-over is not in the audit trail');
  assert.match(audit[0][3], new RegExp(`${second.no}.*邮箱`));
  const events = sql(`SELECT action FROM events WHERE subject = 'repair' AND subject_id = ${second.id} AND action = 'contact_adopt'`);
  assert.equal(events.length, 1, 'the take-over is not on the work order timeline');

  // The same form again carries a stale version: 409, nothing changes.
  const stale = await agent.post(`/staff/repairs/${second.id}/contact`, { csrf, customer_version: version, take_address: '1' });
  assert.equal(stale.status, 409, snippet(stale.text));
  assert.deepEqual(record(), now);
});

test('the printed work order links to the configured site, whatever Host the request carried', async () => {
  const r = await newRepair();
  // fetch() always sends the real Host; node:http sends the forged one.
  const p = await rawRequest('GET', `/staff/repairs/${r.id}/print`, { headers: { host: 'evil.example.com', cookie: agent.jar.header() } });
  assert.equal(p.status, 200, snippet(p.text));
  const text = htmlUnescape(p.text);
  assert.ok(!text.includes('evil.example.com'), 'the forged Host reached the printed page');
  assert.ok(text.includes(`${BASE_URL}/track?no=${r.no}`), 'the print does not link to the configured site');
});

test('a staff transaction that deadlocks is retried on the server: two agents acting at once both land', async () => {
  // Two agents accept and annotate different repairs at the same moment, many times: each
  // answer is a 303, never a 409 or 503 caused by the other one's locks.
  const admin = await loginAdmin();
  const u = await createUser(admin, { role: 'agent' });
  const agent2 = await login(u.username, u.password);
  const repairs = [];
  for (let i = 0; i < 10; i++) repairs.push(await newRepair());
  const results = await Promise.all(repairs.map(async (r, i) => {
    const who = i % 2 ? agent : agent2;
    const page = await who.get(`/staff/repairs/${r.id}`);
    return who.post(`/staff/repairs/${r.id}/action`, { csrf: extractCsrf(page.text), version: fieldValue(page.text, 'version'), action: 'accept', priority: 'normal' });
  }));
  for (const res of results) assert.equal(res.status, 303, `accept answered ${res.status}: ${alertText(res.text) || snippet(res.text)}`);
});
