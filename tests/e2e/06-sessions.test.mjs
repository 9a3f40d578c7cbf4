// Sessions: a login ends the browser's previous session, a password change rotates the CSRF
// token, and a user lists and ends their own other sessions at /staff/sessions.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, request, login, loginAdmin, tryLogin, createUser, assertErrorPage, extractCsrf, snippet, sql, sqlSafe,
} from './lib.mjs';

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

let admin;
before(async () => {
  admin = await loginAdmin();
});

/** Log in with a User-Agent header; fails the test unless 303. */
async function loginAs(user, userAgent) {
  const { res, client } = await tryLogin(user.username, user.password, userAgent ? { 'user-agent': userAgent } : {});
  assert.equal(res.status, 303, `login as ${user.username} answered ${res.status}: ${snippet(res.text)}`);
  assert.ok(client.sid);
  return client;
}

/** The rows of /staff/sessions: [{ id, current, text }]. */
function sessionRows(html) {
  return [...html.matchAll(/<tr data-session="(\d+)"([^>]*)>([\s\S]*?)<\/tr>/g)].map((m) => ({
    id: m[1],
    current: /class="current"/.test(m[2]),
    text: m[3],
  }));
}

async function isSignedIn(sid) {
  const r = await request('GET', '/staff', { headers: { cookie: `sid=${sid}` } });
  if (r.status === 200) return true;
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login');
  return false;
}

test('a new login in the same browser ends the session the browser had, whoever it belonged to', async () => {
  const u = await createUser(admin, { role: 'agent' });
  const other = await createUser(admin, { role: 'technician' });
  const c = await login(u.username, u.password);
  const first = c.sid;
  // the same user again in the same browser (the jar sends the old cookie)
  const again = await c.post('/login', { username: u.username, password: u.password });
  assert.equal(again.status, 303, snippet(again.text));
  assert.notEqual(c.sid, first, 'the login kept the old token');
  assert.equal(await isSignedIn(first), false, 'the old token still works after a new login');
  assert.equal(await isSignedIn(c.sid), true);
  // another user in that browser: the first user's token ends too
  const second = c.sid;
  const switched = await c.post('/login', { username: other.username, password: other.password });
  assert.equal(switched.status, 303, snippet(switched.text));
  assert.equal(await isSignedIn(second), false, "the previous user's token survived another user's login");
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE user_id = ${Number(u.id)}`)[0][0], '0');
  // a login elsewhere (another browser) leaves this one alone
  const elsewhere = await login(other.username, other.password);
  assert.equal(await isSignedIn(c.sid), true, 'a login in another browser ended this one');
  assert.equal(await isSignedIn(elsewhere.sid), true);
});

test('a password change gives the session a new CSRF token: the old one is refused with 403', async () => {
  const u = await createUser(admin, { role: 'agent' });
  const c = await login(u.username, u.password);
  const before = await c.csrf();
  const fresh = `Fresh-Pass-${Math.random().toString(36).slice(2, 10)}`;
  const r = await c.post('/staff/password', { csrf: before, current: u.password, password: fresh, confirm: fresh });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(r.location, '/staff/password?done=1');
  const page = await c.get('/staff/password?done=1');
  assert.equal(page.status, 200, 'the session that changed the password was ended');
  const after = extractCsrf(page.text);
  assert.ok(after);
  assert.notEqual(after, before, 'the CSRF token is the same after a password change');

  const stale = await c.post('/logout', { csrf: before });
  assertErrorPage(stale, 403);
  assert.equal((await c.get('/staff')).status, 200, 'a POST with the old token changed something');
  const out = await c.post('/logout', { csrf: after });
  assert.equal(out.status, 303);
  assert.equal(out.location, '/login');
});

test('a user sees their sessions, ends another one, and its cookie then lands on /login', async () => {
  const u = await createUser(admin, { role: 'technician' });
  const a = await loginAs(u, CHROME_WINDOWS);
  const b = await loginAs(u, FIREFOX_LINUX);

  const list = await a.get('/staff/sessions');
  assert.equal(list.status, 200);
  assert.match(list.text, /<h1>登录会话<\/h1>/);
  const rows = sessionRows(list.text);
  assert.equal(rows.length, 2, `expected two sessions, got ${rows.length}`);
  const mine = rows.filter((r) => r.current);
  assert.equal(mine.length, 1, 'exactly one row is marked as this session');
  assert.ok(mine[0].text.includes('当前会话'));
  assert.ok(mine[0].text.includes('Chrome · Windows'), snippet(mine[0].text));
  assert.ok(mine[0].text.includes('127.0.0.1'));
  const theirs = rows.find((r) => !r.current);
  assert.ok(theirs.text.includes('Firefox · Linux'), snippet(theirs.text));
  assert.match(theirs.text, /action="\/staff\/sessions\/end"/);
  // neither the tokens nor their hashes reach the page
  for (const h of sql(`SELECT LOWER(HEX(token_hash)) FROM sessions WHERE user_id = ${Number(u.id)}`)) {
    assert.ok(!list.text.toLowerCase().includes(h[0]), 'a token hash is in the page');
  }
  assert.ok(!list.text.includes(a.sid) && !list.text.includes(b.sid), 'a session token is in the page');
  // the password page links to the list
  assert.match((await a.get('/staff/password')).text, /href="\/staff\/sessions"/);

  const end = await a.postForm('/staff/sessions/end', { id: theirs.id });
  assert.equal(end.status, 303, snippet(end.text));
  assert.equal(end.location, '/staff/sessions?ended=one');
  const r = await b.get('/staff');
  assert.equal(r.status, 303, `the ended session answered ${r.status}`);
  assert.equal(r.location, '/login');
  const now = await a.get('/staff/sessions?ended=one');
  assert.ok(now.text.includes('所选会话已结束'));
  assert.deepEqual(sessionRows(now.text).map((x) => x.id), [mine[0].id]);
  const audit = sql(`SELECT actor, target, detail FROM audit_log WHERE action = 'session_end' AND target = '${sqlSafe(u.username)}' ORDER BY id DESC LIMIT 1`);
  assert.equal(audit.length, 1, 'ending a session left no audit record');
  assert.equal(audit[0][0], u.username);
  assert.match(audit[0][2], new RegExp(`session ${theirs.id}\\b`));
});

test('ending all other sessions keeps this one', async () => {
  const u = await createUser(admin, { role: 'agent' });
  const a = await login(u.username, u.password);
  const b = await login(u.username, u.password);
  const c = await login(u.username, u.password);
  const list = await a.get('/staff/sessions');
  assert.equal(sessionRows(list.text).length, 3);
  assert.match(list.text, /action="\/staff\/sessions\/end-others"/);
  const r = await a.postForm('/staff/sessions/end-others', {});
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(r.location, '/staff/sessions?ended=others');
  assert.equal(await isSignedIn(b.sid), false);
  assert.equal(await isSignedIn(c.sid), false);
  assert.equal(await isSignedIn(a.sid), true, 'ending the other sessions ended this one');
  const after = await a.get('/staff/sessions?ended=others');
  assert.ok(after.text.includes('其他会话已全部结束'));
  assert.equal(sessionRows(after.text).length, 1);
  assert.ok(!/action="\/staff\/sessions\/end-others"/.test(after.text), 'the button shows with no other session');
  const audit = sql(`SELECT detail FROM audit_log WHERE action = 'sessions_end_others' AND target = '${sqlSafe(u.username)}' ORDER BY id DESC LIMIT 1`);
  assert.equal(audit.length, 1, 'no audit record');
  assert.equal(audit[0][0], '2 sessions');
});

test("a user cannot end another user's session, nor this one by number; bad input changes nothing", async () => {
  const u = await createUser(admin, { role: 'agent' });
  const victim = await createUser(admin, { role: 'supervisor' });
  const a = await login(u.username, u.password);
  const v = await login(victim.username, victim.password);
  const theirId = sql(`SELECT id FROM sessions WHERE user_id = ${Number(victim.id)}`)[0][0];
  const before = sql('SELECT COUNT(*) FROM sessions')[0][0];

  const other = await a.postForm('/staff/sessions/end', { id: theirId });
  assertErrorPage(other, 404);
  assert.equal(await isSignedIn(v.sid), true, "another user's session was ended");
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE id = ${Number(theirId)}`)[0][0], '1');

  const myId = sessionRows((await a.get('/staff/sessions')).text).find((r) => r.current).id;
  const self = await a.postForm('/staff/sessions/end', { id: myId });
  assertErrorPage(self, 422);
  assert.equal(await isSignedIn(a.sid), true);

  for (const id of ['', 'abc', '-1', '0', '1 OR 1=1', '99999999999999999999999']) {
    const r = await a.postForm('/staff/sessions/end', { id });
    assert.ok([404, 422].includes(r.status), `id=${JSON.stringify(id)} answered ${r.status}`);
  }
  const none = await a.postForm('/staff/sessions/end', {});
  assertErrorPage(none, 422);
  const noCsrf = await a.post('/staff/sessions/end-others', {});
  assertErrorPage(noCsrf, 403);
  const noCsrfOne = await a.post('/staff/sessions/end', { id: theirId });
  assertErrorPage(noCsrfOne, 403);
  assert.equal(sql('SELECT COUNT(*) FROM sessions')[0][0], before, 'refused requests changed the sessions');
  assert.equal(await isSignedIn(v.sid), true);
});

test('the session pages need a session', async () => {
  const r = await request('GET', '/staff/sessions');
  assert.equal(r.status, 303);
  assert.equal(r.location, `/login?next=${encodeURIComponent('/staff/sessions')}`);
  for (const p of ['/staff/sessions/end', '/staff/sessions/end-others']) {
    const post = await new Client().post(p, { csrf: 'x', id: '1' });
    assert.equal(post.status, 303, `${p} answered ${post.status}`);
    assert.equal(post.location, '/login');
  }
});
