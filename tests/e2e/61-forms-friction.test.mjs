// The friction of the staff forms (issue #11): a refused form comes back with everything typed into
// it (and nothing of it in the other forms of the page), a warranty repair with costs needs a
// confirmation, errors are marked at their fields and summed up at the top, a done action says what
// it did on the next page, irreversible actions ask first, and an expired session returns to the page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, sql, RUN_ID, newRepair, fieldValue, checkedValue,
  repairAction, repairActionOk, alertText, clearPublicThrottles, assertRefused, insertReturn, returnAction,
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
