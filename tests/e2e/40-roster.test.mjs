// The duty roster's shift types and month grid: shift types kept by supervisors (times across
// midnight, roles, colour, version), assigning and removing shifts with the month's version,
// refusals with their reason and nothing changed (overlap, rest, days in a row, inactive person,
// role), roles and CSRF, filling from a rotation (preview saves nothing), and what the grid, the
// one-person and the one-day views show. Every run uses months of a far year of its own.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, loginAdmin, login, createUser, sql, snippet, RUN_ID, alertText, htmlUnescape, assertErrorPage,
  assertRefused, createShiftType, rosterMonth, rosterPage, rosterCell, rosterAssign, sqlQuote,
} from './lib.mjs';

const TAG = RUN_ID.slice(-4);
const MONTH = rosterMonth(3);
const day = (d) => `${MONTH}-${String(d).padStart(2, '0')}`;
let admin, supervisor, agent, tech;
const u = {};
const type = {};

const shiftsOf = (id) => sql(`SELECT DATE_FORMAT(day, '%Y-%m-%d'), shift_type_id FROM roster WHERE user_id = ${Number(id)} ORDER BY day, shift_type_id`);
const audits = (action) => sql(`SELECT target, detail FROM audit_log WHERE action = ${sqlQuote(action)} AND target = 'roster ${MONTH}' ORDER BY id`);

before(async () => {
  admin = await loginAdmin();
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `排班主管${TAG}` });
  u.agent = await createUser(admin, { role: 'agent', display_name: `值班客服${TAG}` });
  u.agent2 = await createUser(admin, { role: 'agent', display_name: `值班客服乙${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `值班维修${TAG}` });
  supervisor = await login(u.supervisor.username, u.supervisor.password);
  agent = await login(u.agent.username, u.agent.password);
  tech = await login(u.tech.username, u.tech.password);
  type.early = await createShiftType(supervisor, { name: `早${TAG}`, start: '07:00', end: '15:00', roles: ['agent'], min_staff: 2, color: '#2e7d32' });
  type.late = await createShiftType(supervisor, { name: `中${TAG}`, start: '15:00', end: '23:30', roles: ['agent', 'technician'], min_staff: 1, color: '#f9a825' });
  type.night = await createShiftType(supervisor, { name: `夜${TAG}`, start: '22:00', end: '08:00', roles: ['agent'], min_staff: 1, duty: true, color: '#283593' });
});

test('shift types: a night shift shows 次日, fields are checked, updates carry the version, only supervisors edit', async () => {
  const list = await agent.get('/staff/shifts');
  assert.equal(list.status, 200);
  const row = new RegExp(`<tr data-shift="${type.night}">([\\s\\S]*?)</tr>`).exec(list.text)[1];
  assert.match(row, /22:00–次日 08:00/);
  assert.match(row, /总值班/);
  assert.match(row, /fill="#283593"/);
  assert.ok(!list.text.includes('id="shift-add"'), 'an agent sees no add form');

  for (const [fields, field] of [
    [{ start: '24:00' }, 'start'], [{ end: '8:00' }, 'end'], [{ color: 'red' }, 'color'], [{ color: '#12345g' }, 'color'],
    [{ min_staff: '-1' }, 'min_staff'], [{ end: '09:00', start: '09:00' }, 'end'], [{ name: '' }, 'name'],
  ]) {
    const before = sql('SELECT COUNT(*) FROM shift_types');
    const r = await supervisor.postForm('/staff/shifts', { name: `坏${TAG}`, start: '09:00', end: '17:00', min_staff: '1', color: '#000000', ...fields });
    assert.equal(r.status, 422, `${JSON.stringify(fields)} answered ${r.status}`);
    assert.match(r.text, new RegExp(`id="${field}"[^>]*>\\s*<span class="err">[^<]+<`), `no message under ${field} for ${JSON.stringify(fields)}`);
    assert.deepEqual(sql('SELECT COUNT(*) FROM shift_types'), before);
  }
  const dup = await supervisor.postForm('/staff/shifts', { name: `早${TAG}`, start: '09:00', end: '17:00', min_staff: '1', color: '#000000' });
  assert.equal(dup.status, 422);
  assert.match(htmlUnescape(dup.text), /已有同名班次/);

  const extra = await createShiftType(supervisor, { name: `临${TAG}`, start: '09:00', end: '17:00', color: '#aabbcc' });
  const version = sql(`SELECT version FROM shift_types WHERE id = ${extra}`)[0][0];
  const upd = { name: `临时${TAG}`, start: '09:30', end: '18:00', role_technician: '1', min_staff: '3', color: '#AABBCC', active: '0', version };
  assert.equal((await supervisor.postForm(`/staff/shifts/${extra}`, upd)).status, 303);
  assert.deepEqual(sql(`SELECT name, start_min, end_min, roles, min_staff, active, version FROM shift_types WHERE id = ${extra}`),
    [[`临时${TAG}`, '570', '1080', 'technician', '3', '0', String(Number(version) + 1)]]);
  assertErrorPage(await supervisor.postForm(`/staff/shifts/${extra}`, upd), 409);
  assert.equal(sql(`SELECT name FROM shift_types WHERE id = ${extra}`)[0][0], `临时${TAG}`);
  assert.ok(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'shift_type_update' AND target = ${sqlQuote(`临${TAG}`)}`)[0][0] === '1');
  assertErrorPage(await agent.postForm('/staff/shifts', { name: `客${TAG}`, start: '09:00', end: '17:00', min_staff: '1', color: '#000000' }), 403);
  assertErrorPage(await tech.postForm(`/staff/shifts/${extra}`, upd), 403);
  // an inactive type is refused when assigned
  await assertRefused('inactive type', () => rosterAssign(supervisor, MONTH, u.agent2.id, day(28), extra),
    () => shiftsOf(u.agent2.id), 422, '该班次不存在或已停用');
});

test('assign and remove: the cell shows the shift, each change is audited and bumps the month version', async () => {
  const { version } = await rosterPage(supervisor, MONTH);
  const r = await rosterAssign(supervisor, MONTH, u.agent.id, day(2), type.early, version);
  assert.equal(r.status, 303, alertText(r.text) || snippet(r.text));
  assert.equal(r.location, `/staff/roster?month=${MONTH}`);
  const page = await rosterPage(supervisor, MONTH);
  assert.equal(Number(page.version), Number(version) + 1);
  const cell = rosterCell(page.r.text, u.agent.id, day(2));
  assert.equal(cell.tags.length, 1);
  assert.equal(cell.tags[0].name, `早${TAG}`);
  assert.deepEqual(rosterCell(page.r.text, u.agent.id, day(3)).tags, []);
  assert.ok(audits('roster_assign').some(([, d]) => d.includes(u.agent.display_name) && d.includes(day(2)) && d.includes(`早${TAG}`)));

  // a stale month version: 409 and nothing changed
  await assertRefused('stale version', () => rosterAssign(supervisor, MONTH, u.agent.id, day(4), type.early, version),
    () => shiftsOf(u.agent.id), 409);
  await assertRefused('stale remove', () => supervisor.postForm('/staff/roster/remove', { roster_id: cell.tags[0].id, month: MONTH, version }),
    () => shiftsOf(u.agent.id), 409);

  const rm = await supervisor.postForm('/staff/roster/remove', { roster_id: cell.tags[0].id, month: MONTH, version: page.version });
  assert.equal(rm.status, 303);
  assert.deepEqual(shiftsOf(u.agent.id), []);
  assert.ok(audits('roster_remove').some(([, d]) => d.includes(day(2)) && d.includes(`早${TAG}`)));
  // admins edit too
  assert.equal((await rosterAssign(admin, MONTH, u.agent.id, day(2), type.early)).status, 303);
});

test('refusals name the reason and change nothing', async () => {
  const p = await createUser(admin, { role: 'agent', display_name: `规则客服${TAG}` });
  const state = () => shiftsOf(p.id);
  assert.equal((await rosterAssign(supervisor, MONTH, p.id, day(10), type.night)).status, 303);
  await assertRefused('overlap', () => rosterAssign(supervisor, MONTH, p.id, day(11), type.early), state, 422, '班次重叠');
  assert.equal((await rosterAssign(supervisor, MONTH, p.id, day(12), type.late)).status, 303);
  await assertRefused('rest', () => rosterAssign(supervisor, MONTH, p.id, day(13), type.early), state, 422, '休息不足');
  for (let d = 20; d < 26; d++) assert.equal((await rosterAssign(supervisor, MONTH, p.id, day(d), type.early)).status, 303, `day ${d}`);
  const r = await assertRefused('7 days in a row', () => rosterAssign(supervisor, MONTH, p.id, day(26), type.early), state, 422, '连续上班超过 6 天');
  assert.match(r.text, /id="roster-grid"/, 'the refusal shows the grid again');
  await assertRefused('role', () => rosterAssign(supervisor, MONTH, u.tech.id, day(5), type.early), () => shiftsOf(u.tech.id), 422, '需要的角色是 客服专员');
  await assertRefused('twice', () => rosterAssign(supervisor, MONTH, p.id, day(20), type.early), state, 422);
  await assertRefused('other month', () => rosterAssign(supervisor, MONTH, p.id, `${rosterMonth(4)}-01`, type.early), state, 422, `${MONTH} 月内`);

  const gone = await createUser(admin, { role: 'agent' });
  assert.equal((await rosterAssign(supervisor, MONTH, gone.id, day(3), type.early)).status, 303);
  assert.equal((await admin.postForm(`/admin/users/${gone.id}/active`, { active: '0' })).status, 303);
  await assertRefused('inactive person', () => rosterAssign(supervisor, MONTH, gone.id, day(5), type.early), () => shiftsOf(gone.id), 422, '已停用');
  // still in the grid with the shift, and it can be taken off
  const page = await rosterPage(supervisor, MONTH);
  const tag = rosterCell(page.r.text, gone.id, day(3)).tags[0];
  assert.equal((await supervisor.postForm('/staff/roster/remove', { roster_id: tag.id, month: MONTH, version: page.version })).status, 303);
  assert.deepEqual(shiftsOf(gone.id), []);
});

test('roles and CSRF: agents and technicians cannot edit; a POST without csrf is refused', async () => {
  const { version } = await rosterPage(agent, MONTH);
  const page = (await rosterPage(agent, MONTH)).r.text;
  assert.ok(!page.includes('id="assign"') && !page.includes('roster-remove'), 'an agent sees no edit forms');
  const state = () => shiftsOf(u.agent2.id);
  for (const c of [agent, tech]) {
    await assertRefused('assign by a non-supervisor', () => rosterAssign(c, MONTH, u.agent2.id, day(6), type.early, version), state, 403);
    await assertRefused('fill by a non-supervisor', () => c.postForm('/staff/roster/fill', { user_id: String(u.agent2.id), start: day(1), end: day(5), pattern: `早${TAG}`, preview: '1' }), state, 403);
    assertErrorPage(await c.get('/staff/roster/fill'), 403);
  }
  const sid = sql(`SELECT id FROM roster WHERE user_id = ${u.agent.id} LIMIT 1`)[0][0];
  await assertRefused('remove by an agent', () => agent.postForm('/staff/roster/remove', { roster_id: sid, month: MONTH, version }), () => shiftsOf(u.agent.id), 403);
  await assertRefused('no csrf', () => supervisor.post('/staff/roster/assign', { user_id: String(u.agent2.id), day: day(6), shift_type_id: String(type.early), month: MONTH, version }), state, 403);
  await assertRefused('no csrf (remove)', () => supervisor.post('/staff/roster/remove', { roster_id: sid, month: MONTH, version }), () => shiftsOf(u.agent.id), 403);
});

test('fill from a rotation: the preview saves nothing, save creates the pattern; stale and refused fills keep nothing', async () => {
  const p = await createUser(admin, { role: 'agent', display_name: `轮班客服${TAG}` });
  const month = rosterMonth(5);
  const pattern = `早${TAG}-早${TAG}-中${TAG}-中${TAG}-夜${TAG}-夜${TAG}-休-休`;
  const fields = { user_id: String(p.id), start: `${month}-03`, end: `${month}-12`, pattern };
  const form = await supervisor.get(`/staff/roster/fill?month=${month}`);
  assert.equal(form.status, 200);
  const preview = await supervisor.postForm('/staff/roster/fill', { ...fields, preview: '1' });
  assert.equal(preview.status, 200, alertText(preview.text));
  assert.match(preview.text, /将新增 8 个班次/);
  assert.deepEqual(shiftsOf(p.id), [], 'the preview saved nothing');
  const versions = /name="versions" value="([^"]*)"/.exec(preview.text)[1];
  assert.equal((await supervisor.postForm('/staff/roster/fill', { ...fields, versions, save: '1' })).status, 303);
  const want = ['早', '早', '中', '中', '夜', '夜', null, null, '早', '早'];
  const ids = { 早: type.early, 中: type.late, 夜: type.night };
  assert.deepEqual(shiftsOf(p.id), want.map((s, i) => s && [`${month}-${String(3 + i).padStart(2, '0')}`, String(ids[s])]).filter(Boolean));
  assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'roster_fill' AND target = 'roster ${month}' AND detail LIKE '%#${p.id} %'`)[0][0], '1');
  // the same save again: the month changed since that preview
  await assertRefused('stale fill', () => supervisor.postForm('/staff/roster/fill', { ...fields, versions, save: '1' }), () => shiftsOf(p.id), 409);
  // a fill that breaks a rule is refused at the preview, with the reason
  await assertRefused('fill against the rules', () => supervisor.postForm('/staff/roster/fill', { ...fields, start: `${month}-20`, end: `${month}-28`, pattern: `早${TAG}`, preview: '1' }),
    () => shiftsOf(p.id), 422, '连续上班超过 6 天');
  // a fill over days the person works already: refused on save, nothing kept
  const again = await supervisor.postForm('/staff/roster/fill', { ...fields, start: `${month}-11`, end: `${month}-11`, pattern: `早${TAG}`, preview: '1' });
  assert.equal(again.status, 422, 'the same shift on the same day overlaps itself');
  assert.deepEqual((await supervisor.postForm('/staff/roster/fill', { ...fields, pattern: `白${TAG}-休`, preview: '1' })).status, 422);
});

test('the grid: shifts in their cells, weekends, holidays, today, under-coverage and the month summary; one person and one day', async () => {
  const month = rosterMonth(7);
  const first = `${month}-01`;
  sql(`INSERT IGNORE INTO holidays (day, name) VALUES ('${month}-15', '测试节${TAG}')`);
  const a = u.agent2;
  assert.equal((await rosterAssign(supervisor, month, a.id, `${month}-08`, type.early)).status, 303);
  assert.equal((await rosterAssign(supervisor, month, u.agent.id, `${month}-08`, type.early)).status, 303);
  assert.equal((await rosterAssign(supervisor, month, a.id, `${month}-09`, type.early)).status, 303);
  const { r } = await rosterPage(agent, month);
  assert.equal(rosterCell(r.text, a.id, `${month}-08`).tags[0].name, `早${TAG}`);
  assert.deepEqual(rosterCell(r.text, a.id, `${month}-10`).tags, []);
  const dow = new Date(`${first}T00:00:00Z`).getUTCDay();
  const sunday = `${month}-${String(1 + ((7 - dow) % 7)).padStart(2, '0')}`;
  assert.ok(rosterCell(r.text, a.id, sunday).classes.includes('weekend'), `${sunday} is marked as a day off`);
  assert.ok(rosterCell(r.text, a.id, `${month}-15`).classes.includes('holiday'));
  assert.match(r.text, new RegExp(`<th class="[^"]*holiday[^"]*" data-day="${month}-15" title="测试节${TAG}"`));
  // 早 needs two agents: enough on the 8th, short on the 9th
  const warn = (d) => new RegExp(`<td(?: class="[^"]*")? data-day="${d}">((?:(?!</td>).)*)</td>`).exec(r.text.split('<tfoot>')[1])[1];
  assert.ok(!warn(`${month}-08`).includes(`data-shift="${type.early}"`), 'the 8th is covered');
  assert.match(warn(`${month}-09`), new RegExp(`data-shift="${type.early}"[^>]*>早${TAG} 1/2<`));
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
  assert.match(r.text, new RegExp(`<tr data-shift="${type.early}">[\\s\\S]*?class="covered">1/${days} `));
  assert.match(r.text, new RegExp(`href="/staff/roster\\?month=${month}&amp;user=${a.id}"`), 'the row header links to the person');
  assert.match(r.text, new RegExp(`href="/staff/roster\\?day=${month}-08"`), 'the column header links to the day');
  assert.match(r.text, /rel="prev"/);
  // today is marked in the current month
  const now = await agent.get('/staff/roster');
  const rows = (now.text.match(/<tr data-user="\d+">/g) || []).length;
  assert.ok(rows > 0);
  assert.equal((now.text.match(/<t[dh] class="[^"]*\btoday"/g) || []).length, rows + 2, 'today in the header, every row and the footer');

  const one = await agent.get(`/staff/roster?month=${month}&user=${a.id}`);
  assert.equal(one.status, 200);
  assert.match(one.text, new RegExp(`<h2 id="user-view" data-user="${a.id}">[^<]*本月 2 个班次`));
  assert.match(one.text, new RegExp(`<li(?: class="[^"]*")? data-day="${month}-09">[\\s\\S]*?早${TAG}`));
  assert.ok(!one.text.includes('id="roster-grid"'));
  const d = await agent.get(`/staff/roster?day=${month}-08`);
  const early = new RegExp(`<li data-shift="${type.early}">(.*?)</li>`).exec(d.text)[1];
  assert.ok(early.includes(`data-user="${a.id}"`) && early.includes(`data-user="${u.agent.id}"`), 'both people of the day under 早');
  assert.match((await agent.get(`/staff/roster?day=${month}-09`)).text, /人手不足 1\/2/);
  assertErrorPage(await agent.get('/staff/roster?month=2026-13'), 400);
  assertErrorPage(await agent.get('/staff/roster?day=2026-02-30'), 400);
  assertErrorPage(await agent.get(`/staff/roster?month=${month}&user=999999999`), 404);
});
