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

test('the calendar feed: a secret address made and reset on /staff/my/calendar, RFC 5545 that ical.js reads, the old address 404 after a reset', async () => {
  const { default: ICAL } = await import('ical.js');
  const long = insertShiftType({ name: '长名称的班次，含逗号,分号;和反斜杠\\以及更多的中文字符让它超过七十五个字节', start: 9 * 60, end: 18 * 60 });
  const night = insertShiftType({ name: '夜班', start: 22 * 60, end: 8 * 60 });
  const nightRow = insertRoster(u.col.id, 5, night.id);
  insertRoster(u.col.id, 7, long.id);
  insertRoster(u.col.id, -31, long.id); // before the feed's 30 days
  insertRoster(u.req.id, 6, night.id); // someone else's

  const before = await c.col.get('/staff/my/calendar');
  assert.equal(before.status, 200);
  assert.match(before.text, /id="no-feed"/);
  const noCsrf = await c.col.post('/staff/my/calendar/reset', {});
  assert.equal(noCsrf.status, 403, 'a reset without the csrf field is refused');
  const made = await c.col.postForm('/staff/my/calendar/reset');
  assert.equal(made.status, 303);
  assert.equal(made.location, '/staff/my/calendar');
  const feedUrl = (await c.col.get('/staff/my/calendar')).text.match(/id="feed-url" value="([^"]*)"/)?.[1];
  assert.ok(feedUrl, 'the page shows the feed address');
  const feedPath = htmlUnescape(feedUrl).replace(/^https?:\/\/[^/]+/, '');
  assert.match(feedPath, /^\/ical\?token=[0-9a-f]{64}$/);
  assert.deepEqual(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'ical_token_reset' AND actor = '${sqlSafe(u.col.username)}'`), [['1']]);

  const feed = await new Client().get(feedPath);
  assert.equal(feed.status, 200);
  assert.equal(feed.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const lines = feed.text.split('\r\n');
  assert.equal(lines.pop(), '', 'the feed ends with CRLF');
  assert.ok(!lines.some((l) => l.includes('\n')), 'every line ends with CRLF');
  assert.ok(lines.every((l) => Buffer.byteLength(l) <= 75), 'lines are folded at 75 octets');
  assert.ok(lines.some((l) => l.startsWith(' ')), 'the long summary is folded');

  const cal = new ICAL.Component(ICAL.parse(feed.text));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const expected = sql(`SELECT id FROM roster WHERE user_id = ${u.col.id} AND day >= '${rosterDay(-30)}' ORDER BY id`).map((row) => Number(row[0]));
  assert.deepEqual(events.map((e) => Number(/^roster-(\d+)@/.exec(e.uid)[1])).sort((a, b) => a - b), expected,
    'one event per shift of the colleague within the feed\'s days, none older than 30 days');
  const tz = appSql('SELECT TIME_FORMAT(TIMEDIFF(NOW(), UTC_TIMESTAMP()), \'%H:%i\')')[0][0];
  const offset = tz.startsWith('-') ? tz : `+${tz}`;
  const at = (day, hm) => Date.parse(`${day}T${hm}:00${offset}`);
  const n = events.find((e) => e.summary === night.name);
  assert.equal(n.uid.startsWith(`roster-${nightRow}@`), true, `the UID names the roster row: ${n.uid}`);
  assert.equal(n.startDate.toJSDate().getTime(), at(rosterDay(5), '22:00'));
  assert.equal(n.endDate.toJSDate().getTime(), at(rosterDay(6), '08:00'), 'a night shift ends the next morning');
  const l = events.find((e) => e.summary === long.name);
  assert.ok(l, `the long, escaped summary reads back whole: ${events.map((e) => e.summary)}`);
  assert.equal(l.startDate.toJSDate().getTime(), at(rosterDay(7), '09:00'));
  assert.equal(l.endDate.toJSDate().getTime(), at(rosterDay(7), '18:00'));

  const reset = await c.col.postForm('/staff/my/calendar/reset');
  assert.equal(reset.status, 303);
  assertErrorPage(await new Client().get(feedPath), 404);
  const newPath = htmlUnescape((await c.col.get('/staff/my/calendar')).text.match(/id="feed-url" value="([^"]*)"/)[1]).replace(/^https?:\/\/[^/]+/, '');
  assert.notEqual(newPath, feedPath);
  assert.equal((await new Client().get(newPath)).status, 200);
  assertErrorPage(await new Client().get('/ical?token=nothex'), 404);
  assertErrorPage(await new Client().get(`/ical?token=${'0'.repeat(64)}`), 404);
  const anon = await new Client().get('/staff/my/calendar');
  assert.equal(anon.status, 303, 'the settings page needs a signed-in user');
});
