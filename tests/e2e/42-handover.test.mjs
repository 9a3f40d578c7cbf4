// Handovers (交接班) and the duty log (值班日志): the handover page lists what is open (an overdue
// repair made so here), saving keeps it as a snapshot; the next shift's person or a supervisor
// acknowledges it, anyone else is refused with the reason; the unacknowledged handover is flagged on
// the staff home of the next shift's person and of supervisors until then. The duty log of the day
// shows the handovers, the duty officer's notes (refused to others) and the intake of each shift.
// Shift types and roster rows are made in the database, spanning the present moment.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, appSql, sql, sqlSafe, newRepair, insertShiftType, insertRoster, alertText,
  snippet, fieldValue, timeline,
} from './lib.mjs';

const admin = await loginAdmin();
const people = {};
for (const [key, role] of [['writer', 'technician'], ['next', 'agent'], ['later', 'agent'], ['officer', 'agent'],
  ['sup', 'supervisor'], ['past', 'technician']]) {
  people[key] = await createUser(admin, { role, display_name: `交接${key}${Math.floor(Math.random() * 1000)}` });
}
const client = {};
for (const key of Object.keys(people)) client[key] = await login(people[key].username, people[key].password);

// A shift A that started two hours ago and ends in one; B and C start a minute and two after A and
// end after it (B is the next shift, the first to start), the duty officer's D starts with A.
const [[dayA, startA]] = appSql(`SELECT DATE_FORMAT(NOW() - INTERVAL 2 HOUR, '%Y-%m-%d'),
  HOUR(NOW() - INTERVAL 2 HOUR) * 60 + MINUTE(NOW() - INTERVAL 2 HOUR)`);
const dayPlus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const types = {};
const shiftAt = (key, userKey, offset, { dutyOfficer = 0, days = 0 } = {}) => {
  const m = Number(startA) + offset;
  types[key] ??= insertShiftType({ name: `交接${key}`, start: m % 1440, end: (m + 180) % 1440, dutyOfficer }).id;
  return insertRoster(people[userKey].id, dayPlus(dayA, Math.floor(m / 1440) + days), types[key]);
};
shiftAt('A', 'writer', 0);
shiftAt('B', 'next', 1);
shiftAt('C', 'later', 2);
shiftAt('D', 'officer', 0, { dutyOfficer: 1 });
shiftAt('A', 'past', 0, { days: -1 });

const repair = await newRepair();
sql(`UPDATE repairs SET status = 'accepted', due_at = '2001-01-01 00:00:00' WHERE id = ${repair.id}`);

after(() => {
  const ids = Object.values(types).join(',');
  sql(`UPDATE repairs SET status = 'cancelled' WHERE id = ${repair.id};
    DELETE FROM handovers WHERE shift_type_id IN (${ids}); DELETE FROM duty_notes WHERE shift_type_id IN (${ids})
      OR user_id IN (${Object.values(people).map((p) => p.id).join(',')});
    DELETE FROM roster WHERE shift_type_id IN (${ids}); DELETE FROM shift_types WHERE id IN (${ids})`);
});

const waitingIds = (html) => {
  const block = /<ul id="handovers-waiting">([\s\S]*?)<\/ul>/.exec(html);
  return block ? [...block[1].matchAll(/href="\/staff\/handover\/(\d+)"/g)].map((m) => Number(m[1])) : [];
};
const homeWaiting = async (key) => {
  const r = await client[key].get('/staff');
  assert.equal(r.status, 200);
  return waitingIds(r.text);
};
// (the mariadb client writes a newline in a value as \n)
const handoverRow = (id) => sql(`SELECT user_id, DATE_FORMAT(day, '%Y-%m-%d'), shift_type_id, open_items, notes,
  COALESCE(acknowledged_by, ''), version FROM handovers WHERE id = ${Number(id)}`)[0].map((v) => v.replace(/\\n/g, '\n'));

let handoverId;

test('the handover page lists what is open now for the shift being worked', async () => {
  const r = await client.writer.get('/staff/handover/new');
  assert.equal(r.status, 200, snippet(r.text));
  assert.match(r.text, new RegExp(`id="shift">交接班次：<strong>${dayA} `), 'the running shift is not the one handed over');
  const overdue = /<tr data-kind="repairs_overdue">([\s\S]*?)<\/tr>/.exec(r.text);
  assert.ok(overdue, 'no overdue repairs row');
  assert.ok(overdue[1].includes(`<a href="/staff/repairs/${repair.id}">${repair.no}</a>`), `the overdue repair is not listed: ${overdue[1]}`);
  for (const kind of ['returns_overdue', 'waiting_parts', 'callbacks_today', 'complaints_open']) {
    assert.match(r.text, new RegExp(`data-kind="${kind}"`), `no ${kind} row`);
  }
  // someone whose last shift ended a day ago chooses among the week's shifts
  const past = await client.past.get('/staff/handover/new');
  assert.match(past.text, /<select id="roster_id" name="roster_id"/);
  assert.ok(!past.text.includes('id="shift"'));
});

test('saving needs the csrf field, then keeps the list as it was shown, with the notes', async () => {
  const page = await client.writer.get('/staff/handover/new');
  const rosterId = fieldValue(page.text, 'roster_id');
  const before = sql(`SELECT COUNT(*) FROM handovers WHERE user_id = ${people.writer.id}`)[0][0];
  const bare = await client.writer.post('/staff/handover/new', { roster_id: rosterId, notes: '无令牌' });
  assert.equal(bare.status, 403);
  assert.equal(sql(`SELECT COUNT(*) FROM handovers WHERE user_id = ${people.writer.id}`)[0][0], before);

  const r = await client.writer.postForm('/staff/handover/new', { roster_id: rosterId, notes: '3 号客户下午回电，请跟进' });
  assert.equal(r.status, 303, alertText(r.text) || snippet(r.text));
  const m = /^\/staff\/handover\/(\d+)$/.exec(r.location);
  assert.ok(m, r.location);
  handoverId = Number(m[1]);
  const [userId, day, typeId, openItems, notes, acked] = handoverRow(handoverId);
  assert.deepEqual([Number(userId), day, Number(typeId), notes, acked], [people.writer.id, dayA, types.A, '3 号客户下午回电，请跟进', '']);
  assert.match(openItems, new RegExp(`^超时维修工单 \\d+：${repair.no}`, 'm'), openItems);
  for (const label of ['超时退换货', '等待配件的维修', '今日到期回访', '未结投诉']) assert.match(openItems, new RegExp(`^${label} `, 'm'));
  assert.deepEqual(sql(`SELECT action FROM events WHERE subject = 'handover' AND subject_id = ${handoverId}`), [['write']]);
  assert.deepEqual(sql(`SELECT actor FROM audit_log WHERE action = 'handover_write' AND target = 'handover #${handoverId}'`),
    [[people.writer.username]]);

  const shown = await client.writer.get(r.location);
  assert.equal(shown.status, 200);
  assert.ok(shown.text.includes(repair.no));
  assert.match(shown.text, /data-acknowledged="0"/);
  assert.match(/<dd id="next-shift">([\s\S]*?)<\/dd>/.exec(shown.text)[1], new RegExp(people.next.display_name));
  assert.ok(!shown.text.includes('/ack"'), 'the writer is offered to acknowledge their own handover');

  const again = await client.writer.postForm('/staff/handover/new', { roster_id: rosterId, notes: '再写一次' });
  assert.equal(again.status, 422);
  assert.match(alertText(again.text), /已经写过/);
});

test('the unacknowledged handover is flagged for the next shift and supervisors only', async () => {
  assert.ok((await homeWaiting('next')).includes(handoverId), 'not flagged for the next shift');
  assert.ok((await homeWaiting('sup')).includes(handoverId), 'not flagged for a supervisor');
  assert.ok(!(await homeWaiting('later')).includes(handoverId), 'flagged for a later shift');
  assert.ok(!(await homeWaiting('writer')).includes(handoverId), 'flagged for its writer');
});

test('only the next shift or a supervisor acknowledges: others get 422 with the reason, a stale page 409', async () => {
  for (const key of ['later', 'writer', 'officer']) {
    const r = await client[key].postForm(`/staff/handover/${handoverId}/ack`, { version: '1' });
    assert.equal(r.status, 422, `${key}: ${r.status}`);
    assert.match(alertText(r.text), key === 'writer' ? /自己/ : /下一班次/);
  }
  assert.equal(handoverRow(handoverId)[5], '');
  const page = await client.next.get(`/staff/handover/${handoverId}`);
  assert.ok(page.text.includes(`action="/staff/handover/${handoverId}/ack"`), 'no acknowledge form for the next shift');
  const bare = await client.next.post(`/staff/handover/${handoverId}/ack`, { version: '1' });
  assert.equal(bare.status, 403);
  const stale = await client.next.postForm(`/staff/handover/${handoverId}/ack`, { version: '7' });
  assert.equal(stale.status, 409);

  const r = await client.next.postForm(`/staff/handover/${handoverId}/ack`, { version: fieldValue(page.text, 'version') });
  assert.equal(r.status, 303, alertText(r.text) || snippet(r.text));
  assert.equal(handoverRow(handoverId)[5], String(people.next.id));
  assert.deepEqual(sql(`SELECT action FROM events WHERE subject = 'handover' AND subject_id = ${handoverId} ORDER BY id`), [['write'], ['ack']]);
  const shown = await client.sup.get(`/staff/handover/${handoverId}`);
  assert.match(shown.text, /data-acknowledged="1"/);
  assert.ok(/<dd id="ack">([\s\S]*?)<\/dd>/.exec(shown.text)[1].includes(people.next.display_name));
  const twice = await client.sup.postForm(`/staff/handover/${handoverId}/ack`, { version: '2' });
  assert.equal(twice.status, 422);

  assert.ok(!(await homeWaiting('next')).includes(handoverId), 'still flagged for the next shift');
  assert.ok(!(await homeWaiting('sup')).includes(handoverId), 'still flagged for a supervisor');
  const list = await client.later.get('/staff/handovers');
  assert.match(list.text, new RegExp(`<tr data-id="${handoverId}">`));
});

let officerHandover;
test('a supervisor acknowledges a handover of a shift they are not on', async () => {
  const page = await client.officer.get('/staff/handover/new');
  const r = await client.officer.postForm('/staff/handover/new', { roster_id: fieldValue(page.text, 'roster_id'), notes: '' });
  assert.equal(r.status, 303, alertText(r.text) || snippet(r.text));
  officerHandover = Number(r.location.split('/').pop());
  assert.ok((await homeWaiting('sup')).includes(officerHandover));
  const ack = await client.sup.postForm(`/staff/handover/${officerHandover}/ack`, { version: '1' });
  assert.equal(ack.status, 303, alertText(ack.text) || snippet(ack.text));
  assert.equal(handoverRow(officerHandover)[5], String(people.sup.id));
});

test('the duty log: handovers, the duty officer\'s notes (refused to others) and the intake per shift', async () => {
  const url = `/staff/duty-log?date=${sqlSafe(dayA)}`;
  const page = await client.later.get(url);
  assert.equal(page.status, 200, snippet(page.text));
  const handovers = /<table class="list" id="day-handovers">([\s\S]*?)<\/table>/.exec(page.text)[1];
  for (const id of [handoverId, officerHandover]) assert.match(handovers, new RegExp(`<tr data-id="${id}">`));
  assert.ok(!page.text.includes('id="note-form"'), 'the note form is offered to someone not on duty');

  // intake: the shift A row counts the repair created now, linked to the repairs of its days
  const intake = /<table class="list" id="intake">([\s\S]*?)<\/table>/.exec(page.text)[1];
  const nameA = sql(`SELECT name FROM shift_types WHERE id = ${types.A}`)[0][0];
  const rowA = [...intake.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((row) => row.includes(`>${nameA}<`));
  assert.ok(rowA, `no intake row for ${nameA}`);
  assert.ok(rowA.includes(people.writer.display_name));
  const repairs = /<a class="repairs" href="([^"]*)">(\d+)<\/a>/.exec(rowA);
  assert.ok(repairs && Number(repairs[2]) >= 1, `intake of ${nameA}: ${rowA}`);
  assert.match(repairs[1], new RegExp(`^/staff/repairs\\?from=${dayA}&amp;to=\\d{4}-\\d\\d-\\d\\d$`));
  const dutyRow = [...intake.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((row) => row.includes(people.officer.display_name));
  assert.match(dutyRow, /总值班/);

  const refused = await client.later.postForm('/staff/duty-log/note', { date: dayA, note: '不该写入' });
  assert.equal(refused.status, 422);
  assert.match(alertText(refused.text), /总值班/);
  const bare = await client.officer.post('/staff/duty-log/note', { date: dayA, note: '无令牌' });
  assert.equal(bare.status, 403);
  const officerPage = await client.officer.get(url);
  assert.ok(officerPage.text.includes('id="note-form"'));
  const ok = await client.officer.postForm('/staff/duty-log/note', { date: dayA, note: '22:10 巡查机房，一切正常' });
  assert.equal(ok.status, 303, alertText(ok.text) || snippet(ok.text));
  assert.equal(ok.location, url);
  const bySup = await client.sup.postForm('/staff/duty-log/note', { date: dayA, note: '主管抽查值班记录' });
  assert.equal(bySup.status, 303, alertText(bySup.text) || snippet(bySup.text));
  const notes = sql(`SELECT user_id, COALESCE(shift_type_id, ''), note FROM duty_notes WHERE day = '${sqlSafe(dayA)}'
    AND user_id IN (${people.officer.id}, ${people.later.id}, ${people.sup.id}) ORDER BY id`);
  assert.deepEqual(notes, [[String(people.officer.id), String(types.D), '22:10 巡查机房，一切正常'],
    [String(people.sup.id), '', '主管抽查值班记录']]);
  assert.deepEqual(sql(`SELECT actor FROM audit_log WHERE action = 'duty_note' AND target = 'duty_log ${sqlSafe(dayA)}'
    AND actor IN ('${sqlSafe(people.officer.username)}', '${sqlSafe(people.later.username)}', '${sqlSafe(people.sup.username)}') ORDER BY id`),
    [[people.officer.username], [people.sup.username]]);
  const shown = timeline((await client.later.get(url)).text);
  assert.ok(shown.some((t) => t.includes('22:10 巡查机房，一切正常') && t.includes(people.officer.display_name)), shown.join('\n'));
});
