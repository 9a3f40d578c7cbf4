// Who is on duty (the staff home: now, by shift, the duty officer first, a night shift of yesterday
// still running, and the next shift), one's own coming shifts on /staff/my, the calendar feed (parsed
// by ical.js; a reset token makes the old address 404), and shift swaps (调班) with their three
// parties: requested, accepted or declined by the colleague, approved or rejected by a supervisor,
// cancelled by the requester; the wrong party refused, CSRF, and a rule that fails only at approval.
// Shift types and roster rows are made in the database (insertShiftType, insertRoster).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, loginAdmin, login, createUser, sql, appSql, sqlSafe, RUN_ID, htmlUnescape, alertText, snippet, timeline,
  extractCsrf, assertErrorPage, assertRefused, insertShiftType, insertRoster, rosterDay,
} from './lib.mjs';

const TAG = RUN_ID.slice(-4);
const u = {};
const c = {};

before(async () => {
  const admin = await loginAdmin();
  for (const [key, role, name] of [['duty', 'agent', '值班甲'], ['night', 'technician', '夜班乙'], ['next', 'agent', '下一班丙'],
    ['req', 'agent', '调班申请'], ['col', 'agent', '调班同事'], ['other', 'agent', '旁人'], ['sup', 'supervisor', '排班主管']]) {
    u[key] = await createUser(admin, { role, display_name: `${name}${TAG}` });
    c[key] = await login(u[key].username, u[key].password);
  }
});

/** Minutes after midnight now, in the program's time zone. */
const nowMinute = () => Number(appSql('SELECT HOUR(NOW()) * 60 + MINUTE(NOW())')[0][0]);

/** The duty rows of the staff home: [{ when, shift, day, officer, people }]. */
function dutyRows(html) {
  const block = /<div id="duty">([\s\S]*?)<\/div>/.exec(html);
  assert.ok(block, 'the staff home has no duty block');
  return [...block[1].matchAll(/<p class="duty" data-when="(\w+)" data-shift="([^"]*)" data-day="([^"]*)">([\s\S]*?)<\/p>/g)].map((m) => ({
    when: m[1], shift: htmlUnescape(m[2]), day: m[3], officer: m[4].includes('总值班'),
    people: [...m[4].matchAll(/<span class="person">([^<]*)<\/span>/g)].map((p) => htmlUnescape(p[1])),
  }));
}

test('the staff home shows who is on duty now, the duty officer first, a night shift of yesterday, and the next shift', async (t) => {
  const m = nowMinute();
  if (m > 1425) return t.skip('too close to midnight for a night shift of yesterday still running');
  // nothing else on these days, so the next shift is ours
  appSql('DELETE FROM roster WHERE day BETWEEN CURDATE() - INTERVAL 1 DAY AND CURDATE() + INTERVAL 1 DAY');
  const officerStart = (m - 60 + 1440) % 1440;
  const officer = insertShiftType({ name: '总值班', start: officerStart, end: officerStart, dutyOfficer: 1 });
  const night = insertShiftType({ name: '夜班', start: m + 11, end: m + 10 });
  insertRoster(u.duty.id, m >= 60 ? 0 : -1, officer.id);
  insertRoster(u.night.id, -1, night.id);
  insertRoster(u.next.id, 0, night.id);
  const r = await c.other.get('/staff');
  assert.equal(r.status, 200);
  const rows = dutyRows(r.text);
  const now = rows.filter((x) => x.when === 'now');
  assert.deepEqual(now.map((x) => x.shift), [officer.name, night.name], `on duty now: ${JSON.stringify(rows)}`);
  assert.ok(now[0].officer, 'the duty officer is marked');
  assert.deepEqual(now[0].people, [u.duty.display_name]);
  assert.deepEqual(now[1].people, [u.night.display_name]);
  assert.equal(now[1].day, rosterDay(-1), 'the night shift that runs now began yesterday');
  const next = rows.filter((x) => x.when === 'next');
  assert.deepEqual(next.map((x) => [x.shift, x.day, x.people]), [[night.name, rosterDay(0), [u.next.display_name]]]);
  assert.ok(rows.indexOf(now[1]) < rows.indexOf(next[0]), 'the next shift comes after those on duty');
});

/** The rows of /staff/my's shift table: [{ day, cells }]. */
function myShifts(html) {
  const table = /<table class="list" id="my-shifts">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  assert.ok(table, '/staff/my has no shift table');
  return [...table[1].matchAll(/<tr data-day="([^"]*)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    day: m[1], cells: [...m[2].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => htmlUnescape(td[1].replace(/<[^>]+>/g, '').trim())),
  }));
}

test('/staff/my lists the coming 14 days of one\'s own shifts, and links the calendar feed', async () => {
  const early = insertShiftType({ name: '早班', start: 8 * 60, end: 16 * 60 });
  const late = insertShiftType({ name: '夜班', start: 22 * 60, end: 8 * 60 });
  insertRoster(u.req.id, 2, early.id);
  insertRoster(u.req.id, 3, late.id);
  insertRoster(u.req.id, 14, early.id);
  insertRoster(u.req.id, 15, early.id); // too far
  insertRoster(u.req.id, -3, early.id); // over
  insertRoster(u.col.id, 2, late.id); // someone else's
  const r = await c.req.get('/staff/my');
  assert.equal(r.status, 200);
  const rows = myShifts(r.text);
  assert.deepEqual(rows.map((x) => [x.day, x.cells[1]]), [[rosterDay(2), early.name], [rosterDay(3), late.name], [rosterDay(14), early.name]]);
  assert.equal(rows[1].cells[2], '22:00–次日08:00');
  assert.match(r.text, /href="\/staff\/my\/calendar"/);
  const none = await c.other.get('/staff/my');
  assert.deepEqual(myShifts(none.text), []);
  assert.match(none.text, /未来 14 天没有您的班次/);
});
