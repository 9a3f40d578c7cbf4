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
  swapPage, expectSwapStatus, swapAction, swapActionOk,
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

test('the staff home shows who is on duty now, the duty officer first, a night shift of yesterday, and the next shift', async () => {
  // A night shift of yesterday still running needs a few minutes before midnight to start in:
  // in the last quarter hour of a day, wait for the next one rather than test less.
  let m = nowMinute();
  if (m > 1425) {
    await new Promise((done) => setTimeout(done, (1441 - m) * 60 * 1000));
    m = nowMinute();
  }
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
    day: m[1], cells: [...m[2].matchAll(/<td(?:\s[^>]*)?>([\s\S]*?)<\/td>/g)].map((td) => htmlUnescape(td[1].replace(/<[^>]+>/g, '').trim())),
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

// ------------------------------------------------------------ shift swaps --
let E; // 08:00-16:00
let L; // 16:00-24:00
let N; // 22:00-08:00
const swapTypes = () => {
  E ??= insertShiftType({ name: '早', start: 8 * 60, end: 16 * 60 });
  L ??= insertShiftType({ name: '晚', start: 16 * 60, end: 0 });
  N ??= insertShiftType({ name: '夜', start: 22 * 60, end: 8 * 60 });
};

/** The owners of roster rows, by id. */
const owners = (...ids) => ids.map((id) => Number(sql(`SELECT user_id FROM roster WHERE id = ${sqlSafe(id)}`)[0][0]));

/** Requests a swap as client; returns { res, id }. */
async function requestSwap(client, fields) {
  const form = await client.get(`/staff/swaps/new?colleague_id=${fields.colleague_id}`);
  assert.equal(form.status, 200);
  const res = await client.post('/staff/swaps/new', { csrf: extractCsrf(form.text), their_shift: '', reason: '家里有事', ...fields });
  const m = /^\/staff\/swaps\/(\d+)$/.exec(res.location || '');
  return { res, id: res.status === 303 && m ? Number(m[1]) : null };
}

async function requestSwapOk(client, fields) {
  const r = await requestSwap(client, fields);
  assert.equal(r.res.status, 303, `the swap request answered ${r.res.status}: ${alertText(r.res.text) || snippet(r.res.text)}`);
  return r.id;
}

/** status, version and number of events of a swap. */
const swapState = (id) => sql(`SELECT status, version, (SELECT COUNT(*) FROM events WHERE subject = 'swap' AND subject_id = s.id) FROM shift_swaps s WHERE id = ${sqlSafe(id)}`)[0];
const swapVersion = (id) => swapState(id)[1];

test('a swap with its three parties: requested, accepted by the colleague, approved by a supervisor; the roster rows change hands', async () => {
  swapTypes();
  const mine = insertRoster(u.req.id, 20, E.id);
  const theirs = insertRoster(u.col.id, 21, L.id);
  const id = await requestSwapOk(c.req, { my_shift: String(mine), colleague_id: String(u.col.id), their_shift: String(theirs) });
  const p = await expectSwapStatus(c.req, id, 'requested');
  assert.match(p.r.text, /撤回申请/, 'the requester may cancel');
  assert.doesNotMatch(p.r.text, /value="accept"/, 'the requester cannot accept');

  // the colleague and the supervisor see it waiting for them
  assert.match((await c.col.get('/staff/swaps')).text, new RegExp(`<table class="list" id="swaps-waiting">[\\s\\S]*href="/staff/swaps/${id}"[\\s\\S]*id="swaps-mine"`));
  await assertRefused('another user accepting', () => swapAction(c.other, id, 'accept', { version: swapVersion(id) }), () => swapState(id), 422, '只有被邀请的同事');
  await assertRefused('the requester accepting', () => swapAction(c.req, id, 'accept'), () => swapState(id), 422, '只有被邀请的同事');
  await assertRefused('approving before the colleague accepted', () => swapAction(c.sup, id, 'approve', { version: swapVersion(id) }), () => swapState(id), 422, '当前状态不允许');
  await assertRefused('accepting without the csrf field', async () => {
    const page = await swapPage(c.col, id);
    return c.col.post(`/staff/swaps/${id}/action`, { version: page.version, action: 'accept' });
  }, () => swapState(id), 403);
  await swapActionOk(c.col, id, 'accept');
  await expectSwapStatus(c.col, id, 'accepted');
  const approvalList = (await c.sup.get('/staff/swaps')).text;
  assert.match(approvalList, new RegExp(`id="swaps-approval"[\\s\\S]*href="/staff/swaps/${id}"`), 'the supervisor sees it waiting for approval');

  await assertRefused('an agent approving', () => swapAction(c.other, id, 'approve', { version: swapVersion(id) }), () => swapState(id), 422, '您的角色无权');
  assert.deepEqual(owners(mine, theirs), [u.req.id, u.col.id], 'nothing moved before approval');
  const months = [...new Set([rosterDay(20), rosterDay(21)].map((d) => d.slice(0, 7)))];
  const monthVersions = () => months.map((m) => Number(sql(`SELECT COALESCE(MAX(version), 0) FROM roster_months WHERE month = '${m}'`)[0][0]));
  const before = monthVersions();
  await swapActionOk(c.sup, id, 'approve', { note: '同意' });
  await expectSwapStatus(c.req, id, 'approved');
  assert.deepEqual(owners(mine, theirs), [u.col.id, u.req.id], 'the two shifts changed hands');
  assert.deepEqual(monthVersions(), before.map((v) => v + 1), 'the month\'s edit version moved on');
  const page = await swapPage(c.req, id);
  const tl = timeline(page.r.text);
  assert.equal(tl.length, 3, `request, accept, approve on the timeline: ${tl}`);
  assert.ok(tl[0].includes(u.req.display_name) && tl[1].includes(u.col.display_name) && tl[2].includes(u.sup.display_name), tl.join(' | '));
  assert.deepEqual(sql(`SELECT action FROM audit_log WHERE target = 'swap #${id}' ORDER BY id`).map((row) => row[0]), ['swap_request', 'swap_accept', 'swap_approve']);
  await assertRefused('cancelling after approval', () => swapAction(c.req, id, 'cancel', { version: swapVersion(id) }), () => swapState(id), 422, '当前状态不允许');
});

test('declined by the colleague, rejected by a supervisor, cancelled by the requester (not by another): the roster stays', async () => {
  swapTypes();
  const a = insertRoster(u.req.id, 24, E.id);
  const declined = await requestSwapOk(c.req, { my_shift: String(a), colleague_id: String(u.col.id) });
  await swapActionOk(c.col, declined, 'decline', { note: '那天有事' });
  await expectSwapStatus(c.req, declined, 'declined');
  assert.ok(timeline((await swapPage(c.req, declined)).r.text)[1].includes('那天有事'));

  const b = insertRoster(u.req.id, 26, E.id);
  const bTheirs = insertRoster(u.col.id, 27, L.id);
  const rejected = await requestSwapOk(c.req, { my_shift: String(b), colleague_id: String(u.col.id), their_shift: String(bTheirs) });
  await swapActionOk(c.col, rejected, 'accept');
  await swapActionOk(c.sup, rejected, 'reject', { note: '人手不足' });
  await expectSwapStatus(c.req, rejected, 'rejected');
  assert.deepEqual(owners(b, bTheirs), [u.req.id, u.col.id]);

  const d = insertRoster(u.req.id, 28, E.id);
  const cancelled = await requestSwapOk(c.req, { my_shift: String(d), colleague_id: String(u.col.id) });
  await assertRefused('the colleague cancelling', () => swapAction(c.col, cancelled, 'cancel'), () => swapState(cancelled), 422, '只有申请人');
  await swapActionOk(c.col, cancelled, 'accept');
  await swapActionOk(c.req, cancelled, 'cancel');
  await expectSwapStatus(c.req, cancelled, 'cancelled');
  await assertRefused('approving a cancelled swap', () => swapAction(c.sup, cancelled, 'approve', { version: swapVersion(cancelled) }), () => swapState(cancelled), 422, '当前状态不允许');
  assert.deepEqual(owners(a, d), [u.req.id, u.req.id]);
  const mine = (await c.req.get('/staff/swaps')).text;
  for (const id of [declined, rejected, cancelled]) assert.match(mine, new RegExp(`href="/staff/swaps/${id}"`), 'the requester sees their swaps');
});

test('requests refused: a past shift, someone else\'s shift, oneself as colleague, a rule broken now, a second open swap of a shift', async () => {
  swapTypes();
  const past = insertRoster(u.req.id, -2, E.id);
  const notMine = insertRoster(u.other.id, 30, E.id);
  const ok = insertRoster(u.req.id, 30, E.id);
  const count = () => sql('SELECT COUNT(*) FROM shift_swaps');
  const refused = async (what, fields, message) => assertRefused(what, async () => (await requestSwap(c.req, fields)).res, count, 422, message);
  await refused('a past shift', { my_shift: String(past), colleague_id: String(u.col.id) }, '已经开始或已过去');
  await refused('someone else\'s shift', { my_shift: String(notMine), colleague_id: String(u.col.id) }, '已被删除或已换人');
  await refused('oneself', { my_shift: String(ok), colleague_id: String(u.req.id) }, '请选择一位同事');
  await refused('their shift that is not theirs', { my_shift: String(ok), colleague_id: String(u.col.id), their_shift: String(notMine) }, '已被删除或已换人');
  insertRoster(u.col.id, 29, N.id); // 22:00 to 08:00 on day 30: no rest before the early shift
  await refused('a hand-over that breaks the rest rule', { my_shift: String(ok), colleague_id: String(u.col.id) }, u.col.display_name);
  const fine = insertRoster(u.req.id, 33, E.id);
  await requestSwapOk(c.req, { my_shift: String(fine), colleague_id: String(u.col.id) });
  await refused('a second swap of the same shift', { my_shift: String(fine), colleague_id: String(u.other.id) }, '已有进行中的调班申请');
  const noCsrf = await c.req.post('/staff/swaps/new', { my_shift: String(fine), colleague_id: String(u.col.id) });
  assert.equal(noCsrf.status, 403);
});

test('a rule that fails only at approval: 422 with the reason, the roster and the swap unchanged', async () => {
  swapTypes();
  const mine = insertRoster(u.req.id, 36, E.id);
  const theirs = insertRoster(u.col.id, 37, E.id);
  const id = await requestSwapOk(c.req, { my_shift: String(mine), colleague_id: String(u.col.id), their_shift: String(theirs) });
  await swapActionOk(c.col, id, 'accept');
  // meanwhile the colleague is given the night before the early shift they would receive
  insertRoster(u.col.id, 35, N.id);
  const state = () => [swapState(id), owners(mine, theirs)];
  const r = await assertRefused('approval against the rest rule', () => swapAction(c.sup, id, 'approve'), state, 422, u.col.display_name);
  assert.match(alertText(r.text), /休息|间隔|rest/i, `the reason names the rest rule: ${alertText(r.text)}`);
  await expectSwapStatus(c.sup, id, 'accepted');
  assert.deepEqual(owners(mine, theirs), [u.req.id, u.col.id]);
});
