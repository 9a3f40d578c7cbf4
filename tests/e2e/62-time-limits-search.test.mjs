// Time limits from the first moment and finding records as people type them (issue #11): the
// first-response limit of a new repair (due at intake, overdue in the queue and on the home page,
// told to the customer on the confirmation and tracking pages), make-up working days (调休), the
// confirmation page only for the browser that submitted, search and tracking input as typed,
// assigning (prefilled, the visit kept, in working time or a confirmed exception) and customers
// with several phone numbers.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, request, loginAdmin, login, createUser, sql, appSql, appSetting, RUN_ID, newRepair, newReturn,
  repairRows, repairActionOk, track, clearPublicThrottles, parseLocal, fmtLocal, businessAdd, holidaySet,
  htmlUnescape, snippet, submitPublic, nextWorkday, repairAction, fieldValue, alertText,
  customerPost,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `客服时限${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `主管时限${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
});

const firstResponseHours = () => Number(appSetting('first_response_hours') || 4);
const normalHours = () => Number(appSetting('normal_hours') || 24);
const answerDue = (html) => {
  const m = /id="answer-due">[^]*?<strong>([^<]+)<\/strong>/.exec(html);
  return m ? m[1] : null;
};

async function overdueCount() {
  const home = await supervisor.get('/staff');
  const m = /id="overdue-count">(\d+)</.exec(home.text);
  assert.ok(m, 'no #overdue-count on the staff home');
  return Number(m[1]);
}

// ------------------------------------------------------------ first response --
test('a new repair is due for its first response at intake, and the customer is told when', async () => {
  const r = await newRepair();
  const [[created, due]] = sql(`SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE id = ${r.id}`);
  assert.ok(due && due !== 'NULL', 'a new repair has no due time');
  const want = fmtLocal(businessAdd(parseLocal(created), firstResponseHours() * 60, holidaySet()));
  assert.equal(due, want, 'the first-response limit is not [sla] first_response_hours of working time');
  // the work order shows it as the first response's limit
  const detail = await agent.get(`/staff/repairs/${r.id}`);
  assert.match(htmlUnescape(detail.text), new RegExp(`受理时限：${due}`), 'the work order does not show the first-response limit');
  // tracking names it while nobody has accepted
  const t = await track(r.no, r.phone);
  assert.equal(t.status, 200);
  assert.equal(answerDue(t.text), due.slice(0, 16), '/track does not say when to expect an answer');
  // accepting sets the resolution limit and the customer is no longer told about the first answer
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  const [[accepted, due2]] = appSql(`SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE id = ${r.id}`);
  const want2 = parseLocal(fmtLocal(businessAdd(parseLocal(accepted), normalHours() * 60, holidaySet())));
  assert.ok(Math.abs(parseLocal(due2) - want2) <= 5000, `after acceptance due ${due2}, expected about ${fmtLocal(want2)}`);
  const t2 = await track(r.no, r.phone);
  assert.equal(answerDue(t2.text), null, 'an accepted repair still shows the first-response time');
});

test('the confirmation page of the public form shows the first-response time', async () => {
  const c = new Client();
  const form = await c.get('/repair/new');
  const token = /name="token" value="([0-9a-f]{64})"/.exec(form.text)[1];
  const phone = `139${String(Date.now() % 1e8).padStart(8, '0')}`;
  const res = await c.post('/repair/new', {
    token, name: '张时限', phone, address: '北京市海淀区测试路 1 号', product: '空调', fault: '不制冷',
  });
  assert.equal(res.status, 303, snippet(res.text));
  const done = await c.get(res.location);
  assert.equal(done.status, 200);
  const no = /\?no=(R[\d-]+)/.exec(res.location)[1];
  const [[due]] = sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM repairs WHERE public_no = '${no}'`);
  assert.equal(answerDue(done.text), due, 'the confirmation page does not say when to expect an answer');
});

test('a return request tells the customer when to expect its answer too', async () => {
  const t = await newReturn();
  const [[due]] = sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM returns WHERE id = ${t.id}`);
  const r = await track(t.no, t.phone);
  assert.equal(r.status, 200);
  assert.equal(answerDue(r.text), due);
});

test('a new repair nobody accepts in time is overdue in the queue and on the home page', async () => {
  const r = await newRepair();
  const before = await overdueCount();
  let q = await supervisor.get(`/staff/repairs?overdue=1&q=${r.phone}`);
  assert.ok(!repairRows(q.text).some((x) => x.id === r.id), 'a fresh request is overdue');
  appSql(`UPDATE repairs SET due_at = NOW() - INTERVAL 1 HOUR WHERE id = ${r.id}`);
  q = await supervisor.get(`/staff/repairs?overdue=1&q=${r.phone}`);
  assert.ok(repairRows(q.text).some((x) => x.id === r.id), 'overdue=1 does not list an unaccepted request past its limit');
  assert.match(htmlUnescape(q.text), /已超时/);
  // the queue sorted by due time lists it among the open ones (open_due counts 'new')
  const [[openDue]] = sql(`SELECT open_due IS NOT NULL FROM repairs WHERE id = ${r.id}`);
  assert.equal(openDue, '1', 'open_due of a new repair is NULL');
  q = await supervisor.get(`/staff/repairs?sort=due&q=${r.phone}`);
  assert.ok(repairRows(q.text).some((x) => x.id === r.id), 'sort=due leaves out a new repair');
  assert.ok(await overdueCount() >= before + 1, 'the home page does not count it as overdue');
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  q = await supervisor.get(`/staff/repairs?overdue=1&q=${r.phone}`);
  assert.ok(!repairRows(q.text).some((x) => x.id === r.id), 'accepting did not give it a new limit');
});

// ------------------------------------------------------------ 调休 --
/** The first Saturday from two days on with nothing in the calendar, "YYYY-MM-DD". */
function freeSaturday() {
  const [[today]] = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')");
  for (let t = parseLocal(`${today} 00:00:00`) + 2 * 86400000; ; t += 86400000) {
    const day = fmtLocal(t).slice(0, 10);
    if (new Date(t).getUTCDay() === 6 && !sql(`SELECT 1 FROM holidays WHERE day = '${day}'`).length) return day;
  }
}

async function calendarPost(client, path, fields) {
  const page = await client.get('/staff/holidays');
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
  return client.post(path, { csrf, ...fields });
}

test('supervisors enter make-up working days (调休) on the holidays page, and time limits count them', async () => {
  const sat = freeSaturday();
  // an agent may look but not enter
  const refused = await calendarPost(agent, '/staff/holidays', { day: sat, kind: 'workday', name: `调休${TAG}` });
  assert.equal(refused.status, 403);
  // a make-up day on a day that works anyway is refused
  const monday = fmtLocal(parseLocal(`${sat} 00:00:00`) + 2 * 86400000).slice(0, 10);
  const bad = await calendarPost(supervisor, '/staff/holidays', { day: monday, kind: 'workday', name: `调休${TAG}` });
  assert.equal(bad.status, 422);
  assert.match(htmlUnescape(bad.text), /本来就是工作日/);
  const ok = await calendarPost(supervisor, '/staff/holidays', { day: sat, kind: 'workday', name: `调休${TAG}` });
  assert.equal(ok.status, 303, snippet(ok.text));
  try {
    assert.deepEqual(sql(`SELECT kind, name FROM holidays WHERE day = '${sat}'`), [['workday', `调休${TAG}`]]);
    const page = await agent.get('/staff/holidays');
    assert.match(page.text, new RegExp(`data-day="${sat}" data-kind="workday"`), 'the page does not list the make-up day');
    assert.match(page.text, /调休上班/);
    assert.ok(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'workday_add' AND target = '${sat}'`)[0][0] >= 1, 'not audited');
    // a low-priority limit (72 working hours, more than a week) runs through that Saturday
    const r = await newRepair();
    await repairActionOk(agent, r.id, 'accept', { priority: 'low' });
    const [[now, due]] = appSql(`SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(due_at, '%Y-%m-%d %H:%i:%s') FROM repairs WHERE id = ${r.id}`);
    const hours = Number(appSetting('low_hours') || 72);
    const cal = holidaySet();
    const withMakeup = businessAdd(parseLocal(now), hours * 60, cal);
    cal.makeup = new Set();
    const without = businessAdd(parseLocal(now), hours * 60, cal);
    assert.ok(withMakeup < without, 'the test limit does not run through the Saturday');
    assert.ok(Math.abs(parseLocal(due) - withMakeup) <= 5000, `due ${due}, with the make-up day ${fmtLocal(withMakeup)}, without ${fmtLocal(without)}`);
  } finally {
    const del = await calendarPost(supervisor, '/staff/holidays/delete', { day: sat });
    assert.equal(del.status, 303);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM holidays WHERE day = '${sat}'`)[0][0], '0');
  // a holiday posted without a kind is still a holiday (older forms)
  const sat2 = freeSaturday();
  const h = await calendarPost(supervisor, '/staff/holidays', { day: sat2, name: `节${TAG}` });
  assert.equal(h.status, 303);
  assert.deepEqual(sql(`SELECT kind FROM holidays WHERE day = '${sat2}'`), [['holiday']]);
  assert.equal((await calendarPost(supervisor, '/staff/holidays/delete', { day: sat2 })).status, 303);
});

// ------------------------------------------------------------ the confirmation page --
for (const [kind, path, newOne] of [['R', '/repair', newRepair], ['T', '/return', newReturn]]) {
  test(`${path}/done shows the confirmation only to the browser that submitted it`, async () => {
    const c = new Client();
    const mine = await newOne();  // another browser's request: its number exists
    const s = await submitPublic(kind, {}, { client: c });
    assert.equal(s.res.status, 303, snippet(s.res.text));
    const no = s.no;
    // the submitting browser sees the confirmation
    const done = await c.get(`${path}/done?no=${no}`);
    assert.equal(done.status, 200);
    assert.match(done.text, /id="public-no">[^<]*</);
    assert.ok(done.text.includes(no));
    assert.ok(!/id="done-elsewhere"/.test(done.text), 'the submitting browser got the neutral page');
    // another browser gets the neutral page pointing to /track, without the confirmation
    const other = await request('GET', `${path}/done?no=${no}`);
    assert.equal(other.status, 200);
    assert.match(other.text, /id="done-elsewhere"/);
    assert.match(other.text, /href="\/track\?no=/);
    assert.ok(!/已提交/.test(other.text), 'another browser sees the confirmation');
    // the submitting browser does not see another request's confirmation
    const notMine = await c.get(`${path}/done?no=${mine.no}`);
    assert.equal(notMine.status, 200);
    assert.match(notMine.text, /id="done-elsewhere"/);
    // a number that does not exist is 404
    const missing = await c.get(`${path}/done?no=${kind}99999999-9999`);
    assert.equal(missing.status, 404);
  });
}

// ------------------------------------------------------------ search and tracking as typed --
test('the queue search finds the last 4 digits of a phone, a product name and a lower-case number', async () => {
  const product = `测试牌空调${TAG}`;
  const r = await newRepair({ product });
  const other = await newRepair();
  const tail = r.phone.slice(-4);
  let q = await agent.get(`/staff/repairs?q=${tail}`);
  assert.equal(q.status, 200);
  assert.ok(repairRows(q.text).some((x) => x.id === r.id), 'the last 4 digits of the phone do not find the repair');
  assert.ok(!repairRows(q.text).some((x) => x.id === other.id && !other.phone.endsWith(tail)));
  q = await agent.get(`/staff/repairs?q=${encodeURIComponent(product)}`);
  assert.deepEqual(repairRows(q.text).map((x) => x.id), [r.id], 'the product name does not find the repair');
  q = await agent.get(`/staff/repairs?q=${encodeURIComponent(product.slice(0, -2))}`);
  assert.ok(repairRows(q.text).some((x) => x.id === r.id), 'the start of the product name does not find the repair');
  q = await agent.get(`/staff/repairs?q=${encodeURIComponent(` ${r.no.toLowerCase()} `)}`);
  assert.deepEqual(repairRows(q.text).map((x) => x.id), [r.id], 'a lower-case number with spaces does not find the repair');
  q = await agent.get(`/staff/repairs?q=${encodeURIComponent(`+86 ${r.phone.slice(0, 3)} ${r.phone.slice(3, 7)} ${r.phone.slice(7)}`)}`);
  assert.ok(repairRows(q.text).some((x) => x.id === r.id), '"+86 " before the phone does not find the repair');
});

test('/track takes a lower-case number, spaces around it and "+86"/"86"/spaces/dashes in the phone', async () => {
  clearPublicThrottles();
  const r = await newRepair();
  const p = r.phone;
  for (const [no, phone] of [
    [r.no.toLowerCase(), p],
    [`  ${r.no} `, ` ${p} `],
    [r.no, `+86 ${p}`],
    [r.no, `86${p}`],
    [r.no, `+86-${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`],
    [r.no.toLowerCase(), `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`],
  ]) {
    const t = await track(no, phone);
    assert.equal(t.status, 200, `/track no=${JSON.stringify(no)} phone=${JSON.stringify(phone)} answered ${t.status}`);
    assert.ok(t.text.includes(r.no));
  }
  clearPublicThrottles();
});

test('/track keeps the typed phone after a miss, and shows the result before the form', async () => {
  clearPublicThrottles();
  const r = await newRepair();
  const typed = `+86 ${r.phone.slice(0, 10)}9`;
  const miss = await track(r.no, typed === `+86 ${r.phone}` ? `+86 ${r.phone.slice(0, 10)}0` : typed);
  assert.equal(miss.status, 404);
  const phoneValue = /id="phone" name="phone" value="([^"]*)"/.exec(miss.text)?.[1];
  assert.ok(phoneValue && htmlUnescape(phoneValue).startsWith('+86 '), `the phone field is ${phoneValue} after a miss`);
  assert.equal(/id="no" name="no" value="([^"]*)"/.exec(miss.text)?.[1], r.no);
  const hit = await track(r.no, r.phone);
  assert.equal(hit.status, 200);
  const result = hit.text.indexOf('id="track-result"');
  const form = hit.text.indexOf('id="track-form"');
  assert.ok(result >= 0 && form >= 0 && result < form, 'the result does not come before the form');
  clearPublicThrottles();
});

// ------------------------------------------------------------ assigning --
test('the assign form is prefilled; reassigning keeps the visit; a visit is in the future and in working hours unless an exception is confirmed', async () => {
  const tech1 = await createUser(admin, { role: 'technician', display_name: `派工甲${TAG}` });
  const tech2 = await createUser(admin, { role: 'technician', display_name: `派工乙${TAG}` });
  const r = await newRepair();
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  const [[now]] = appSql("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')");
  const workday = nextWorkday(parseLocal(now));
  const visit = (r2) => sql(`SELECT DATE_FORMAT(visit_at, '%Y-%m-%d %H:%i'), assignee_id FROM repairs WHERE id = ${r2}`)[0];
  // in the past, at 03:00, on a Sunday: refused without the exception, nothing changes
  const sunday = (() => { let t = parseLocal(`${workday} 00:00:00`); while (new Date(t).getUTCDay() !== 0) t += 86400000; return fmtLocal(t).slice(0, 10); })();
  const cal = holidaySet();
  for (const [at, why] of [['2020-01-06T10:00', /已经过去/], [`${workday}T03:00`, /不在工作时间/], [`${sunday}T10:00`, /不在工作时间/], [`${workday}T18:00`, /不在工作时间/]]) {
    if (why.source.includes('工作时间') && cal.makeup.has(at.slice(0, 10))) continue;
    const x = await repairAction(supervisor, r.id, 'assign', { assignee_id: tech1.id, visit_at: at });
    assert.equal(x.status, 422, `a visit at ${at} answered ${x.status}`);
    assert.match(htmlUnescape(alertText(x.text) || x.text), why);
    assert.equal(fieldValue(x.text, 'visit_at'), at, 'the refused form lost the typed time');
    assert.deepEqual(visit(r.id), ['NULL', 'NULL']);
  }
  // a good visit
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: tech1.id, visit_at: `${workday}T10:30` });
  assert.deepEqual(visit(r.id), [`${workday} 10:30`, String(tech1.id)]);
  // the form comes prefilled with the technician and the time
  let page = await supervisor.get(`/staff/repairs/${r.id}`);
  assert.equal(fieldValue(page.text, 'visit_at'), `${workday}T10:30`, 'the assign form is not prefilled with the visit');
  assert.match(page.text, new RegExp(`<option value="${tech1.id}" selected>`), 'the assign form does not select the current technician');
  // reassigning without retyping the time (a form without the field) keeps it
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: tech2.id });
  assert.deepEqual(visit(r.id), [`${workday} 10:30`, String(tech2.id)], 'reassigning cleared the visit');
  // the exception: a Sunday visit confirmed by the supervisor, on the timeline
  const ok = await repairAction(supervisor, r.id, 'assign', { assignee_id: tech1.id, visit_at: `${sunday}T10:00`, visit_exception: '1' });
  assert.equal(ok.status, 303, snippet(alertText(ok.text) || ok.text));
  assert.deepEqual(visit(r.id), [`${sunday} 10:00`, String(tech1.id)]);
  page = await supervisor.get(`/staff/repairs/${r.id}`);
  assert.match(htmlUnescape(page.text), /主管确认例外/, 'the exception is not on the timeline');
});

// ------------------------------------------------------------ several phone numbers --
const customerOf = (repairId) => Number(sql(`SELECT customer_id FROM repairs WHERE id = ${repairId}`)[0][0]);
const phonesOf = (customerId) => sql(`SELECT phone, is_primary FROM customer_phones WHERE customer_id = ${customerId} ORDER BY is_primary DESC, phone`);

test('a customer has several phone numbers: listed and edited on the customer page, used by intake and search, kept by merging', async () => {
  const a = await newRepair({ name: `多号客户${TAG}` });
  const cust = customerOf(a.id);
  assert.deepEqual(phonesOf(cust), [[a.phone, '1']], 'a new customer has its number as the primary one');
  // add a second number (typed with +86)
  const second = `139${String((Date.now() + 7) % 1e8).padStart(8, '0')}`;
  let x = await customerPost(agent, cust, '/phones', { op: 'add', phone: `+86 ${second}` });
  assert.equal(x.status, 303, snippet(x.text));
  assert.deepEqual(phonesOf(cust), [[a.phone, '1'], [second, '0']]);
  let page = await agent.get(`/staff/customers/${cust}`);
  assert.match(page.text, new RegExp(`data-phone="${second}"`), 'the customer page does not list the second number');
  assert.match(page.text, /主号码/);
  // adding it twice, removing the primary: refused
  assert.equal((await customerPost(agent, cust, '/phones', { op: 'add', phone: second })).status, 422);
  assert.equal((await customerPost(agent, cust, '/phones', { op: 'remove', phone: a.phone })).status, 422);
  // intake by the second number finds the same customer
  const b = await newRepair({ phone: second, name: `多号客户${TAG}` });
  assert.equal(customerOf(b.id), cust, 'intake did not match the second number');
  // the queue and the customer search find the customer's repairs by either number
  let q = await agent.get(`/staff/repairs?q=${second}`);
  assert.ok(repairRows(q.text).some((r) => r.id === a.id), 'the queue does not find a repair by the second number');
  const t = await newReturn({ phone: a.phone });
  q = await agent.get(`/staff/returns?q=${second}`);
  assert.match(q.text, new RegExp(`href="/staff/returns/${t.id}"`), 'the returns queue does not find a return by the second number');
  q = await agent.get(`/staff/customers?q=${second}`);
  assert.match(q.text, new RegExp(`href="/staff/customers/${cust}"`), 'the customer search does not find the second number');
  // make the second the primary one: customers.phone follows
  x = await customerPost(agent, cust, '/phones', { op: 'primary', phone: second });
  assert.equal(x.status, 303);
  assert.deepEqual(phonesOf(cust), [[second, '1'], [a.phone, '0']]);
  assert.equal(sql(`SELECT phone FROM customers WHERE id = ${cust}`)[0][0], second);
  // merging another record keeps its numbers
  const other = await newRepair({ name: `多号客户${TAG}` });
  const otherCust = customerOf(other.id);
  assert.notEqual(otherCust, cust);
  x = await customerPost(supervisor, cust, '/merge', { other_id: String(otherCust), confirm: '1' });
  assert.equal(x.status, 303, snippet(x.text));
  assert.deepEqual(phonesOf(cust).map((p) => p[0]).sort(), [a.phone, second, other.phone].sort(), 'merging lost a number');
  assert.deepEqual(phonesOf(otherCust), []);
  const c = await newRepair({ phone: other.phone });
  assert.equal(customerOf(c.id), cust, 'intake by the merged record\'s number does not find the kept customer');
  // removing a further number
  x = await customerPost(agent, cust, '/phones', { op: 'remove', phone: a.phone });
  assert.equal(x.status, 303);
  assert.ok(!phonesOf(cust).some((p) => p[0] === a.phone));
  assert.ok(sql(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'customer_phone_%' AND target = '客户 #${cust}'`)[0][0] >= 3, 'phone changes are not audited');
});
