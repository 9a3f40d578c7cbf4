// The friction of the staff forms (issue #11): a refused form comes back with everything typed into
// it (and nothing of it in the other forms of the page), a warranty repair with costs needs a
// confirmation, errors are marked at their fields and summed up at the top, a done action says what
// it did on the next page, irreversible actions ask first, and an expired session returns to the page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, sql, RUN_ID, htmlUnescape, newRepair, fieldValue, checkedValue,
  repairAction, repairActionOk, alertText, errorSummary, clearPublicThrottles, request, Client, tryLogin, BASE_URL, assertRefused, insertReturn, returnAction,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
let tech;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `表单客服${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `表单主管${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `表单师傅${TAG}` });
  u.tech2 = await createUser(admin, { role: 'technician', display_name: `表单师傅二${TAG}` });
  agent = await login(u.agent.username, u.agent.password);
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  tech = await login(u.tech.username, u.tech.password);
});

const snapshot = (id) => sql(`SELECT status, version, labour_cost, parts_cost, warranty_repair FROM repairs WHERE id = ${id}`);
const refused = (client, id, action, fields, message) =>
  assertRefused(`${action} on repair ${id}`, () => repairAction(client, id, action, fields), () => snapshot(id), 422, message);

/** The HTML of the action form whose hidden action is code ('' when the page has none). */
function actionForm(html, code) {
  for (const m of html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g))
    if (m[0].includes(`name="action" value="${code}"`)) return m[0];
  return '';
}

async function inProgress() {
  const r = await newRepair();
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: String(u.tech.id) });
  await repairActionOk(tech, r.id, 'start');
  return r;
}

test('a refused repair form comes back with every value typed, only in that form', async () => {
  const r = await inProgress();
  const typed = { result: '更换电容', parts_used: '电容 x1', labour_cost: '八十', parts_cost: '12', warranty_repair: '0', confirm_warranty_charge: '1' };
  const res = await refused(tech, r.id, 'resolve', typed, '金额');
  const form = actionForm(res.text, 'resolve');
  for (const name of ['result', 'parts_used', 'labour_cost', 'parts_cost'])
    assert.equal(fieldValue(form, name), typed[name], `resolve lost ${name}`);
  assert.equal(checkedValue(form, 'warranty_repair'), '0', 'the warranty choice is not kept');
  assert.equal(checkedValue(form, 'confirm_warranty_charge'), '1', 'the confirmation box is not kept');

  // labour: the minutes and the note come back in the labour form, not in the internal-note form
  const labour = await refused(tech, r.id, 'labour', { minutes: '99999', note: `换了压缩机${TAG}` }, '1440');
  assert.equal(fieldValue(actionForm(labour.text, 'labour'), 'note'), `换了压缩机${TAG}`, 'the labour note is lost');
  assert.equal(fieldValue(actionForm(labour.text, 'labour'), 'minutes'), '99999');
  assert.equal(fieldValue(actionForm(labour.text, 'note'), 'note'), '', 'the labour note leaked into the internal-note form');
  assert.equal(fieldValue(actionForm(labour.text, 'wait_parts'), 'note'), '', 'the labour note leaked into the parts form');

  // an internal note too long comes back in its own form
  const long = 'x'.repeat(2001);
  const note = await refused(tech, r.id, 'note', { note: long }, '2000');
  assert.equal(fieldValue(actionForm(note.text, 'note'), 'note'), long, 'the internal note is lost');
});

test('assign and accept keep the chosen technician, priority and visit time', async () => {
  const r = await newRepair();
  const acc = await refused(agent, r.id, 'accept', { priority: 'nonsense' }, '优先级');
  assert.ok(actionForm(acc.text, 'accept'), 'the accept form is missing after a refusal');
  await repairActionOk(agent, r.id, 'accept', { priority: 'high' });
  const res = await refused(supervisor, r.id, 'assign', { assignee_id: String(u.tech2.id), visit_at: '2030-13-45T10:00' }, '上门时间');
  const form = actionForm(res.text, 'assign');
  assert.equal(checkedValue(form, 'assignee_id'), String(u.tech2.id), 'the chosen technician is not kept');
  assert.equal(fieldValue(form, 'visit_at'), '2030-13-45T10:00', 'the typed visit time is not kept');
});

test('cancel keeps the reason; return, complaint and callback forms keep theirs', async () => {
  const r = await newRepair();
  const c = await refused(agent, r.id, 'cancel', { reason: 'y'.repeat(501) }, '500');
  assert.equal(fieldValue(actionForm(c.text, 'cancel'), 'reason'), 'y'.repeat(501));

  const t = insertReturn();
  const note = `退货内部备注${TAG}`.padEnd(2001, '长');
  const rr = await returnAction(supervisor, t.id, 'note', { note });
  assert.equal(rr.status, 422);
  assert.equal(fieldValue(actionForm(rr.text, 'note'), 'note'), note, 'the return note form lost the text');
  assert.equal(fieldValue(actionForm(rr.text, 'cancel') || '<input name="reason" value="">', 'reason'), '', 'the note leaked');
});

test('a warranty repair with costs is refused until the charge is confirmed', async () => {
  const r = await inProgress();
  const res = await refused(tech, r.id, 'resolve', { result: '换主板', labour_cost: '80', warranty_repair: '1' }, '确认保修单收取费用');
  assert.match(alertText(res.text), /保修期内维修.*费用/);
  assert.equal(checkedValue(actionForm(res.text, 'resolve'), 'warranty_repair'), '1', 'the warranty choice is not kept');
  // free warranty work, or charged work, needs no confirmation
  await refused(tech, r.id, 'resolve', { result: '换主板', parts_cost: '0.01', warranty_repair: '1' }, '确认保修单收取费用');
  await repairActionOk(tech, r.id, 'resolve', { result: '换主板', labour_cost: '80', warranty_repair: '1', confirm_warranty_charge: '1' });
  assert.deepEqual(sql(`SELECT labour_cost, warranty_repair FROM repairs WHERE id = ${r.id}`)[0], ['80.00', '1']);
  const free = await inProgress();
  await repairActionOk(tech, free.id, 'resolve', { result: '免费换主板', labour_cost: '0', warranty_repair: '1' });
});

test('the customer callback form keeps its subject and note after a refusal', async () => {
  const r = await newRepair();
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0];
  const page = await supervisor.get(`/staff/customers/${customer}`);
  assert.equal(checkedValue(page.text, 'about'), 'repair', 'the callback is about the latest repair by default');
  const csrf = fieldValue(page.text, 'csrf');
  const res = await supervisor.post(`/staff/customers/${customer}/callback`, { csrf, about: 'customer', due: '', note: `回访备注${TAG}` });
  assert.equal(res.status, 422);
  assert.equal(checkedValue(res.text, 'about'), 'customer', 'the chosen subject is not kept');
  assert.equal(fieldValue(res.text, 'note'), `回访备注${TAG}`);
});

/** The opening tag of the element with this id ('' when none). */
const tagOf = (html, id) => (new RegExp(`<(input|select|textarea)[^>]*\\bid="${id}"[^>]*>`).exec(html) || [''])[0];
const invalid = (html, id) => /\saria-invalid="true"/.test(tagOf(html, id));

/** Fails unless the page has one error summary (role alert, focusable, focused by focus.js) linking to exactly ids. */
function assertSummary(html, ids, what) {
  const box = /<div class="error-summary"[^>]*>/.exec(html);
  assert.ok(box, `${what}: no error summary`);
  for (const attr of ['id="error-summary"', 'role="alert"', 'tabindex="-1"']) assert.ok(box[0].includes(attr), `${what}: the summary lacks ${attr}`);
  assert.deepEqual(errorSummary(html).map((e) => e.href), ids.map((id) => `#${id}`), `${what}: the summary's links`);
  for (const id of ids) {
    assert.ok(invalid(html, id), `${what}: #${id} is not aria-invalid`);
    const after = html.slice(html.indexOf(tagOf(html, id)));
    const msg = /<span class="err">([^<]*)<\/span>/.exec(after);
    assert.ok(msg && msg[1].trim(), `${what}: no message next to #${id}`);
  }
  const marked = [...html.matchAll(/<(?:input|select|textarea)[^>]*aria-invalid="true"[^>]*>/g)].map((m) => (/\bid="([^"]*)"/.exec(m[0]) || [])[1]);
  assert.deepEqual(marked.sort(), [...ids].sort(), `${what}: other fields are marked`);
}

test('form errors: the fields marked, a summary at the top linking to them, focused on load', async () => {
  // a plain form (form_validate): the customer record
  const r = await newRepair();
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0];
  const page = await agent.get(`/staff/customers/${customer}`);
  assert.equal(page.text.includes('class="error-summary"'), false, 'a summary on a page without errors');
  const bad = await agent.post(`/staff/customers/${customer}`, {
    csrf: fieldValue(page.text, 'csrf'), version: fieldValue(page.text, 'version'), name: '', phone: '123', email: 'x', address: '', notes: '',
  });
  assert.equal(bad.status, 422);
  assertSummary(bad.text, ['name', 'phone', 'email'], 'customer edit');

  // an action form (flow_post_run): the field refused in that form only, the plain message not repeated
  const job = await inProgress();
  const res = await repairAction(tech, job.id, 'resolve', { result: '修好了', labour_cost: '八十', warranty_repair: '0' });
  assert.equal(res.status, 422);
  assertSummary(res.text, ['labour_cost'], 'resolve');
  assert.match(errorSummary(res.text)[0].message, /人工费应为金额/);
  const note = await repairAction(tech, job.id, 'labour', { minutes: '30', note: 'n'.repeat(256) });
  assertSummary(note.text, ['labour_note'], 'labour');
  const internal = await repairAction(tech, job.id, 'note', { note: '' });
  assertSummary(internal.text, ['internal_note'], 'internal note');
  const t = insertReturn();
  const rej = await returnAction(supervisor, t.id, 'reject', { reason: '' });
  assertSummary(rej.text, ['reject_reason'], 'return reject');

  // red (the style sheet marks them) and focused: the summary's script is served from /static (CSP self)
  const css = await request('GET', '/static/style.css');
  assert.match(css.text, /\[aria-invalid="true"\][^{]*\{[^}]*border[^}]*var\(--bad\)/, 'invalid fields are not red');
  assert.match(bad.text, /<script src="\/static\/focus\.js" defer><\/script>/);
  const js = await request('GET', '/static/focus.js');
  assert.equal(js.status, 200);
  assert.match(js.text, /getElementById\('error-summary'\)[\s\S]*focus\(\)/);
});

/** The confirmation the page shows after an action's redirect ('' when none). */
const flashText = (html) => {
  const m = /<p class="notice flash" id="flash" role="status">([^<]*)<\/p>/.exec(html);
  return m ? htmlUnescape(m[1]) : '';
};

test('after an action the next page says what happened, once, from the session (not the address)', async () => {
  const r = await newRepair();
  const res = await repairAction(agent, r.id, 'accept', { priority: 'high' });
  assert.equal(res.status, 303);
  assert.equal(res.location, `/staff/repairs/${r.id}`, 'the message must not travel in the address');
  const due = sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM repairs WHERE id = ${r.id}`)[0][0];
  const shown = await agent.get(res.location);
  assert.match(flashText(shown.text), new RegExp(`「受理」已完成，状态：已受理。.*处理时限 ${due}`));
  assert.equal(flashText((await agent.get(res.location)).text), '', 'the confirmation is shown a second time');
  // another person's session does not see it; a refused action sets none
  assert.equal(flashText((await supervisor.get(res.location)).text), '');
  await repairAction(supervisor, r.id, 'assign', { assignee_id: 'x' });
  assert.equal(flashText((await supervisor.get(res.location)).text), '', 'a refused action left a confirmation');
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: String(u.tech.id) });
  assert.match(flashText((await supervisor.get(res.location)).text), new RegExp(`「派工」已完成，状态：已派工。派给 表单师傅${TAG}`));

  // the customer record: saved
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0];
  const page = await agent.get(`/staff/customers/${customer}`);
  const saved = await agent.post(`/staff/customers/${customer}`, {
    csrf: fieldValue(page.text, 'csrf'), version: fieldValue(page.text, 'version'), name: '改过的名字', phone: r.phone, email: '', address: '', notes: '',
  });
  assert.equal(saved.status, 303);
  assert.equal(flashText((await agent.get(saved.location)).text), '客户资料已保存');
});

/** The hidden fields of the confirmation page's form, as an object. */
function confirmFields(html) {
  const form = /<section class="panel confirm" id="confirm">[\s\S]*?<form method="post" action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  assert.ok(form, 'no confirmation form on the page');
  const fields = {};
  for (const m of form[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[htmlUnescape(m[1])] = htmlUnescape(m[2]);
  return { action: htmlUnescape(form[1]), fields };
}
const confirmText = (html) => htmlUnescape((/<p class="alert" role="alert" id="confirm-what">([^<]*)<\/p>/.exec(html) || ['', ''])[1]);

test('irreversible actions ask first, naming what will happen; nothing changes until confirmed', async () => {
  // repair cancel
  const r = await newRepair();
  const before = snapshot(r.id);
  const ask = await repairAction(agent, r.id, 'cancel', { reason: `客户自己修好了${TAG}` });
  assert.equal(ask.status, 200, `an unconfirmed cancel answered ${ask.status}`);
  assert.match(confirmText(ask.text), new RegExp(`工单 ${r.no} 将「取消工单」（原因：客户自己修好了${TAG}），客户查询进度时会看到“工单已取消”。此操作不能恢复`));
  assert.deepEqual(snapshot(r.id), before, 'an unconfirmed cancel changed the repair');
  assert.equal(sql(`SELECT COUNT(*) FROM events WHERE subject = 'repair' AND subject_id = ${r.id} AND action = 'cancel'`)[0][0], '0');
  const { action, fields } = confirmFields(ask.text);
  assert.equal(action, `/staff/repairs/${r.id}/action`);
  assert.equal(fields.confirm, '1');
  assert.equal(fields.reason, `客户自己修好了${TAG}`);
  assert.match(ask.text, new RegExp(`<a class="button" href="/staff/repairs/${r.id}">`), 'no way back without cancelling');
  const done = await agent.post(action, fields);
  assert.equal(done.status, 303);
  assert.equal(snapshot(r.id)[0][0], 'cancelled');

  // return cancel
  const t = insertReturn();
  const tAsk = await returnAction(supervisor, t.id, 'cancel', { reason: '客户撤回' });
  assert.equal(tAsk.status, 200);
  assert.match(confirmText(tAsk.text), new RegExp(`退换货申请 ${t.no} 将「取消申请」（原因：客户撤回）`));
  assert.equal(sql(`SELECT status FROM returns WHERE id = ${t.id}`)[0][0], 'requested');
  const tc = confirmFields(tAsk.text);
  assert.equal((await supervisor.post(tc.action, tc.fields)).status, 303);
  assert.equal(sql(`SELECT status FROM returns WHERE id = ${t.id}`)[0][0], 'cancelled');

  // customer merge, anonymise and delete
  const a = await newRepair();
  const b = await newRepair();
  const [keep, dup] = [a, b].map((x) => sql(`SELECT customer_id FROM repairs WHERE id = ${x.id}`)[0][0]);
  const row = (id) => sql(`SELECT name, phone, merged_into, anonymised FROM customers WHERE id = ${id}`);
  const post = async (id, suffix, fields) => {
    const page = await supervisor.get(`/staff/customers/${id}`);
    return supervisor.post(`/staff/customers/${id}${suffix}`, { csrf: fieldValue(page.text, 'csrf'), ...fields });
  };
  const beforeDup = row(dup);
  const m = await post(keep, '/merge', { other_id: dup });
  assert.equal(m.status, 200);
  assert.match(confirmText(m.text), new RegExp(`客户 #${dup} 的维修、退换货和回访记录将转到本记录（客户 #${keep}）.*不能撤销`));
  assert.deepEqual(row(dup), beforeDup, 'an unconfirmed merge changed the duplicate');
  const mc = confirmFields(m.text);
  assert.equal((await supervisor.post(mc.action, mc.fields)).status, 303);
  assert.equal(row(dup)[0][2], keep, 'the confirmed merge did not happen');

  const beforeKeep = row(keep);
  const an = await post(keep, '/anonymise', {});
  assert.equal(an.status, 200);
  assert.match(confirmText(an.text), /姓名、电话、邮箱、地址和备注将被清除.*不能恢复/);
  assert.deepEqual(row(keep), beforeKeep, 'an unconfirmed anonymisation changed the record');

  const lone = sql(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('删我${TAG}', '139${String(Date.now()).slice(-8)}', NOW(), NOW()); SELECT LAST_INSERT_ID()`)[0][0];
  const del = await post(lone, '/delete', {});
  assert.equal(del.status, 200);
  assert.match(confirmText(del.text), new RegExp(`客户 #${lone} 的资料.*永久删除`));
  assert.equal(sql(`SELECT COUNT(*) FROM customers WHERE id = ${lone}`)[0][0], '1', 'an unconfirmed delete deleted');
  const dc = confirmFields(del.text);
  const gone = await supervisor.post(dc.action, dc.fields);
  assert.equal(gone.status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM customers WHERE id = ${lone}`)[0][0], '0');
  assert.match(flashText((await supervisor.get(gone.location)).text), new RegExp(`客户 #${lone} 已删除`));
});

test('an expired session leads to sign-in and back to the same page of this site, never elsewhere', async () => {
  const r = await newRepair();
  const page = `/staff/repairs/${r.id}?tab=x&q=%E5%BC%A0`;
  const out = await request('GET', page);
  assert.equal(out.status, 303);
  assert.equal(out.location, `/login?next=${encodeURIComponent(page)}`);
  // the login form carries it, and signing in returns there
  const c = new Client();
  const form = await c.get(out.location);
  assert.equal(fieldValue(form.text, 'next'), page);
  const signed = await c.post('/login', { username: u.agent.username, password: u.agent.password, next: page });
  assert.equal(signed.status, 303);
  assert.equal(signed.location, page);
  // already signed in: /login?next= goes straight there
  assert.equal((await c.get(`/login?next=${encodeURIComponent(page)}`)).location, page);

  // a form posted after the session expired: back to the page the form was on (same-site Referer only)
  const origin = new URL(BASE_URL).origin;
  const post = await request('POST', `/staff/repairs/${r.id}/action`, {
    body: 'csrf=x&action=note&note=hi', headers: { referer: `${origin}/staff/repairs/${r.id}` },
  });
  assert.equal(post.location, `/login?next=${encodeURIComponent(`/staff/repairs/${r.id}`)}`);
  for (const referer of ['https://evil.example/staff/repairs/1', `${origin}.evil.example/staff`, 'javascript:alert(1)']) {
    const x = await request('POST', `/staff/repairs/${r.id}/action`, { body: 'csrf=x', headers: { referer } });
    assert.equal(x.location, '/login', `Referer ${referer} led to ${x.location}`);
  }

  // only paths of this site: anything else signs in to /staff
  for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', 'staff', '/staff/\u5f20', '/login?next=/x']) {
    const x = await tryLogin(u.agent.username, u.agent.password);
    const res = await x.client.post('/login', { username: u.agent.username, password: u.agent.password, next });
    assert.equal(res.location, '/staff', `next=${JSON.stringify(next)} led to ${res.location}`);
    assert.equal((await x.client.get(`/login?next=${encodeURIComponent(next)}`)).location, '/staff');
    const f = await new Client().get(`/login?next=${encodeURIComponent(next)}`);
    assert.equal(fieldValue(f.text, 'next'), null, `the login form carries next=${JSON.stringify(next)}`);
  }
});

test('detail pages leave out empty fields and empty tables', async () => {
  const r = await newRepair({ email: '', preferred_time: '', serial_no: '' });
  const dts = (html) => [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
  const fresh = (await supervisor.get(`/staff/repairs/${r.id}`)).text;
  for (const label of ['邮箱', '序列号', '期望上门', '维修人员', '上门时间', '维修结果', '使用配件', '人工费 / 配件费', '保修期内维修', '累计工时', '取消原因'])
    assert.ok(!dts(fresh).includes(label), `a new work order shows the empty field ${label}`);
  assert.ok(!fresh.includes('<h2>工时记录</h2>'), 'a work order without labour shows the labour table');
  for (const label of ['客户', '电话', '产品', '故障描述']) assert.ok(dts(fresh).includes(label), `the work order lacks ${label}`);

  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: String(u.tech.id), visit_at: '2030-01-07T10:00' });
  await repairActionOk(tech, r.id, 'start');
  await repairActionOk(tech, r.id, 'labour', { minutes: '45' });
  await repairActionOk(tech, r.id, 'resolve', { result: '换了保险丝', labour_cost: '30', warranty_repair: '0' });
  const done = (await supervisor.get(`/staff/repairs/${r.id}`)).text;
  for (const label of ['维修人员', '上门时间', '维修结果', '人工费 / 配件费', '保修期内维修', '累计工时'])
    assert.ok(dts(done).includes(label), `the resolved work order lacks ${label}`);
  assert.ok(done.includes('<h2>工时记录</h2>'));

  // the customer: no e-mail, address or notes rows when empty, no returns table without returns
  const customer = sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0];
  sql(`UPDATE customers SET email = '', address = '', notes = '' WHERE id = ${customer}`);
  const c = (await supervisor.get(`/staff/customers/${customer}`)).text;
  for (const label of ['电子邮箱', '地址', '备注']) assert.ok(!c.includes(`<th>${label}</th>`), `the customer shows the empty ${label}`);
  assert.ok(!c.includes('id="customer-returns"'), 'an empty returns table');
  assert.ok(c.includes('暂无退换货记录'));
  assert.ok(c.includes('id="customer-repairs"'));
});

test('phones: list cells carry their column names, whole phone numbers dial, addresses open a map', async () => {
  const address = `杭州市西湖区文三路 ${TAG} 号 & 3 单元`;
  const r = await newRepair({ address });
  const queue = (await supervisor.get(`/staff/repairs?q=${r.no}`)).text;
  const table = /<table class="list" id="repair-list">[\s\S]*?<\/table>/.exec(queue)[0];
  const heads = [...table.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
  const row = /<tr data-status[^>]*>([\s\S]*?)<\/tr>/.exec(table)[1];
  const labels = [...row.matchAll(/<td[^>]*\bdata-label="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(labels, heads, 'each cell of a queue row is labelled with its column');
  assert.equal([...row.matchAll(/<td\b/g)].length, heads.length);

  const page = (await supervisor.get(`/staff/repairs/${r.id}`)).text;
  assert.match(page, new RegExp(`<dd class="phone"><a href="tel:${r.phone}">${r.phone}</a></dd>`));
  const map = /<a class="map" href="([^"]*)"/.exec(page);
  assert.ok(map, 'no map link beside the address');
  assert.equal(htmlUnescape(map[1]), `https://uri.amap.com/search?keyword=${encodeURIComponent(address).replace(/%20/g, '+')}`);
  // a masked number (the queue shows 138****1234) is no link
  assert.match(row, /<td data-label="电话">\d{3}\*{4}\d{4}<\/td>/);
  assert.doesNotMatch(row, /tel:/, 'a masked phone is a tel: link');
});
