// Signing in and out, the session cookie, the Origin check and session expiry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, request, login, loginAdmin, tryLogin, adminPassword, extractCsrf, assertErrorPage,
  sql, sqlSafe, snippet, BASE_URL, uniqueName,
} from './lib.mjs';

test('GET /login shows the form with username and password fields', async () => {
  const r = await request('GET', '/login');
  assert.equal(r.status, 200);
  assert.match(r.text, /<form[^>]*method="post"[^>]*action="\/login"/);
  assert.match(r.text, /name="username"/);
  assert.match(r.text, /name="password"[^>]*type="password"|type="password"[^>]*name="password"/);
});

test('a correct login answers 303 to /staff with an HttpOnly, SameSite=Lax sid cookie', async () => {
  const c = new Client();
  const r = await c.post('/login', { username: 'admin', password: adminPassword() });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(r.location, '/staff');
  const cookies = r.headers.getSetCookie();
  const sid = cookies.find((s) => s.startsWith('sid='));
  assert.ok(sid, `no sid cookie in ${JSON.stringify(cookies)}`);
  assert.match(sid, /^sid=[^;]{32,};/, 'sid value looks too short to be random');
  assert.match(sid, /;\s*HttpOnly/i);
  assert.match(sid, /;\s*SameSite=Lax/i);
  assert.match(sid, /;\s*Path=\//i);

  const home = await c.get('/staff');
  assert.equal(home.status, 200);
  assert.ok(home.text.includes('系统管理员'), 'staff home does not show the display name');
  assert.match(home.headers.get('cache-control') || '', /no-store/, 'a staff page may be cached');
  assert.ok(extractCsrf(home.text), 'staff home has no csrf field');

  // a signed-in user opening /login is sent to the staff home
  const again = await c.get('/login');
  assert.equal(again.status, 303);
  assert.equal(again.location, '/staff');
});

test('two logins get different session tokens', async () => {
  const a = await loginAdmin();
  const b = await loginAdmin();
  assert.notEqual(a.sid, b.sid);
  assert.notEqual(await a.csrf(), await b.csrf(), 'two sessions share a csrf token');
});

test('a wrong password answers 422 with a message, keeps the username and sets no cookie', async () => {
  const { res } = await tryLogin('admin', 'definitely-not-the-password');
  assert.equal(res.status, 422);
  assert.ok(res.text.includes('用户名或密码不正确'), snippet(res.text));
  assert.match(res.text, /name="username"[^>]*value="admin"|value="admin"[^>]*name="username"/);
  assert.ok(!res.text.includes('definitely-not-the-password'), 'the password is echoed back');
  assert.equal(res.headers.getSetCookie().filter((s) => /^sid=[^;]+/.test(s)).length, 0);
  // the right password still works afterwards (and clears the failure count)
  await loginAdmin();
});

test('an unknown user gets the same answer as a wrong password', async () => {
  const { res } = await tryLogin(uniqueName('ghost'), 'whatever-password');
  assert.equal(res.status, 422);
  assert.ok(res.text.includes('用户名或密码不正确'));
});

test('empty username or password answers 422', async () => {
  const a = await tryLogin('', 'x');
  assert.equal(a.res.status, 422);
  const b = await tryLogin('admin', '');
  assert.equal(b.res.status, 422);
  const c = await request('POST', '/login', { body: '' });
  assert.equal(c.status, 422);
});

test('a login POST with a foreign Origin is refused with 403', async () => {
  const { res } = await tryLogin('admin', adminPassword(), { origin: 'http://evil.example' });
  assertErrorPage(res, 403);
  assert.equal(res.headers.getSetCookie().filter((s) => /^sid=[^;]+/.test(s)).length, 0);
  // a look-alike origin (other port, other scheme prefix) is foreign too
  const host = new URL(BASE_URL).host;
  const other = await tryLogin('admin', adminPassword(), { origin: `http://${host}.evil.example` });
  assert.equal(other.res.status, 403);
  const nul = await tryLogin('admin', adminPassword(), { origin: 'null' });
  assert.equal(nul.res.status, 403);
  // the site's own origin is fine: a browser sends it with every login form
  const origin = new URL(BASE_URL).origin;
  const own = await tryLogin('admin', adminPassword(), { origin });
  assert.equal(own.res.status, 303,
    `POST /login with Origin: ${origin} (the site itself, Host: ${host}) answered ${own.res.status}: ${snippet(own.res.text)}`);
});

test('staff pages without a session answer 303 to /login', async () => {
  for (const p of ['/staff', '/staff/password', '/admin/users', '/admin/users/new', '/admin/users/1', '/admin/audit']) {
    const r = await request('GET', p);
    assert.equal(r.status, 303, `${p} answered ${r.status}`);
    // back to the page after signing in (#11); /staff is where sign-in leads anyway
    assert.equal(r.location, p === '/staff' ? '/login' : `/login?next=${encodeURIComponent(p)}`, `${p} redirected to ${r.location}`);
  }
  const post = await request('POST', '/logout', { body: 'csrf=x' });
  assert.equal(post.status, 303);
  assert.equal(post.location, '/login');
  // a made-up or malformed sid is no session either
  for (const sid of ['0'.repeat(64), 'nonsense', "'; DROP TABLE sessions; --"]) {
    const r = await request('GET', '/staff', { headers: { cookie: `sid=${encodeURIComponent(sid)}` } });
    assert.equal(r.status, 303, `sid=${sid} answered ${r.status}`);
    assert.equal(r.location, '/login');
  }
});

test('logout needs the csrf field, then ends the session', async () => {
  const c = await loginAdmin();
  const oldSid = c.sid;
  const token = await c.csrf();

  const noCsrf = await c.post('/logout', {});
  assertErrorPage(noCsrf, 403);
  assert.equal((await c.get('/staff')).status, 200, 'a logout without csrf ended the session');

  const r = await c.post('/logout', { csrf: token });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login');
  const cleared = r.headers.getSetCookie().find((s) => s.startsWith('sid='));
  assert.ok(cleared, 'logout does not clear the cookie');
  assert.match(cleared, /^sid=;|Max-Age=0|expires=Thu, 01 Jan 1970/i);
  assert.equal(c.sid, undefined);

  // replaying the old cookie does not work any more
  const replay = await request('GET', '/staff', { headers: { cookie: `sid=${oldSid}` } });
  assert.equal(replay.status, 303);
  assert.equal(replay.location, '/login');
});

/** Move a session's times back; the session is found by its csrf token (a hex string). */
function shiftSession(csrf, column, minutes) {
  assert.match(csrf, /^[0-9a-f]{16,128}$/);
  sql(`UPDATE sessions SET ${column} = ${column} - INTERVAL ${Number(minutes)} MINUTE WHERE csrf = '${sqlSafe(csrf)}'`);
  const rows = sql(`SELECT COUNT(*) FROM sessions WHERE csrf = '${sqlSafe(csrf)}'`);
  assert.equal(rows[0][0], '1', 'the session row was not found by its csrf token');
}

test('a session idle for more than 30 minutes has expired', async () => {
  const c = await loginAdmin();
  const token = await c.csrf();
  // 29 minutes idle: still valid (and the visit refreshes last_seen)
  shiftSession(token, 'last_seen', 29);
  assert.equal((await c.get('/staff')).status, 200, 'a session idle for 29 minutes was refused');
  // 31 minutes idle: gone
  shiftSession(token, 'last_seen', 31);
  const r = await c.get('/staff');
  assert.equal(r.status, 303, `idle session answered ${r.status}`);
  assert.equal(r.location, '/login');
  // and a POST with the old session and its csrf is not accepted either
  const p = await c.post('/logout', { csrf: token });
  assert.equal(p.status, 303);
  assert.equal(p.location, '/login');
});

test('a session older than 12 hours has expired even when in use', async () => {
  const c = await loginAdmin();
  const token = await c.csrf();
  shiftSession(token, 'created_at', 11 * 60 + 50);
  assert.equal((await c.get('/staff')).status, 200, 'an 11h50m old session was refused');
  shiftSession(token, 'created_at', 11);
  const r = await c.get('/staff');
  assert.equal(r.status, 303, `a 12h01m old session answered ${r.status}`);
  assert.equal(r.location, '/login');
});

test('a fresh login after expiry works', async () => {
  const c = await login('admin', adminPassword());
  assert.equal((await c.get('/staff')).status, 200);
});

test('the database keeps only a hash of the session token and argon2id password hashes', async () => {
  const c = await loginAdmin();
  const token = c.sid;
  assert.match(token, /^[0-9a-f]+$/);
  const clear = sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX('${sqlSafe(token)}') OR HEX(token_hash) = '${sqlSafe(token.toUpperCase())}'`);
  assert.equal(clear[0][0], '0', 'the session token is stored as it is');
  const csrf = await c.csrf();
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE csrf = '${sqlSafe(csrf)}'`)[0][0], '1');
  const hashes = sql("SELECT password_hash FROM users WHERE username = 'admin'");
  assert.match(hashes[0][0], /^\$argon2id\$/, 'the admin password is not an argon2id hash');
});
