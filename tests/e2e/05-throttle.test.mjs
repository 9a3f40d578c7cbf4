// Login throttling: after login_max_failures (5) wrong passwords a username is locked at that
// address; from other addresses its owner still gets in, only slowed down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loginAdmin, login, tryLogin, createUser, sql, appSql, sqlSafe, snippet, encodeForm, rawRequest } from './lib.mjs';

// A second client address without touching nginx: 127.0.0.0/8 is all loopback, so a
// connection bound to 127.0.0.2 reaches nginx on 127.0.0.1 and nginx sees REMOTE_ADDR 127.0.0.2.
const OTHER_ADDR = '127.0.0.2';

/** POST /login from localAddress; returns { status, text, sid, ms }. */
async function loginFrom(localAddress, username, password) {
  const r = await rawRequest('POST', '/login', {
    localAddress, body: encodeForm({ username, password }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const sid = (r.headers['set-cookie'] || []).map((c) => /^sid=([^;]+)/.exec(c)).find(Boolean);
  return { status: r.status, text: r.text, sid: sid ? sid[1] : undefined, ms: r.ms };
}

const pairKey = (addr, u) => `p:${sqlSafe(addr)} ${sqlSafe(u.username)}`;

let victim;
let bystander;

before(async () => {
  const admin = await loginAdmin();
  victim = await createUser(admin, { role: 'agent', display_name: '锁定测试' });
  bystander = await createUser(admin, { role: 'technician', display_name: '旁观者' });
  // Earlier files' failed logins all came from this address; start this file
  // with a clean address count so that its outcome does not depend on them.
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
});

after(() => {
  // Unlock, so that reruns against the same stack start clean.
  if (victim) {
    for (const u of [victim, bystander]) {
      sql(`DELETE FROM login_throttle WHERE key_name IN ('u:${sqlSafe(u.username)}', '${pairKey('127.0.0.1', u)}', '${pairKey(OTHER_ADDR, u)}')`);
    }
  }
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
});

test('five wrong passwords lock the username at this address (429), and failures are slowed down', async () => {
  const times = [];
  for (let i = 1; i <= 4; i++) {
    const { res } = await tryLogin(victim.username, `wrong-password-${i}`);
    assert.equal(res.status, 422, `wrong password #${i} answered ${res.status}: ${snippet(res.text)}`);
    assert.ok(res.text.includes('用户名或密码不正确'));
    times.push(res.ms);
  }
  // the delay grows with the failures: 300 ms per earlier failure, up to 1.2 s
  assert.ok(times[3] >= 850, `the 4th failure took only ${times[3]} ms`);
  assert.ok(times[3] < 5000, `the 4th failure took ${times[3]} ms`);
  const fifth = await tryLogin(victim.username, 'wrong-password-5');
  assert.equal(fifth.res.status, 429, `the 5th failure answered ${fifth.res.status}`);
  assert.ok(fifth.res.text.includes('锁定'), snippet(fifth.res.text));
});

test('while locked, even the right password is refused with 429 and no session', async () => {
  const { res, client } = await tryLogin(victim.username, victim.password);
  assert.equal(res.status, 429, `right password while locked answered ${res.status}`);
  assert.ok(res.text.includes('锁定'));
  assert.equal(client.sid, undefined, 'a locked account got a session cookie');
  const rows = sql(`SELECT failures, locked_until > NOW() FROM login_throttle WHERE key_name = '${pairKey('127.0.0.1', victim)}'`);
  assert.equal(rows.length, 1, 'no throttle row for the username at this address');
  assert.equal(rows[0][1], '1', 'the throttle row is not locked');
  // the username everywhere is counted, never locked
  const anywhere = sql(`SELECT failures, locked_until IS NULL FROM login_throttle WHERE key_name = 'u:${sqlSafe(victim.username)}'`);
  assert.equal(anywhere.length, 1, 'no account-wide count');
  assert.ok(Number(anywhere[0][0]) >= 5, `account-wide count ${anywhere[0][0]}`);
  assert.equal(anywhere[0][1], '1', 'the username is locked for every address');
});

test('the owner of a username locked at one address signs in from another, slowed down', async () => {
  const r = await loginFrom(OTHER_ADDR, victim.username, victim.password);
  assert.equal(r.status, 303, `login from ${OTHER_ADDR} answered ${r.status}: ${snippet(r.text)}`);
  assert.ok(r.sid, 'no session from the other address');
  // five failures before it: the stall of the 6th try (1.5 s), right password or not
  assert.ok(r.ms >= 1400, `the login after 5 failures took only ${r.ms} ms`);
  assert.ok(r.ms < 5000, `the login took ${r.ms} ms`);
  const seen = sql(`SELECT ip FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = '${sqlSafe(victim.username)}' ORDER BY s.created_at DESC LIMIT 1`);
  assert.equal(seen[0][0], OTHER_ADDR, 'the session was not started from the other address');
  // the success cleared the counts of that address and of the username, not the lock here
  assert.equal(sql(`SELECT COUNT(*) FROM login_throttle WHERE key_name = 'u:${sqlSafe(victim.username)}'`)[0][0], '0');
  const here = await tryLogin(victim.username, victim.password);
  assert.equal(here.res.status, 429, `the lock at 127.0.0.1 was lifted by a login elsewhere: ${here.res.status}`);
});

test('failures at another address lock that address only, and each is in the audit trail', async () => {
  const before = Number(sql(`SELECT COALESCE(MAX(id), 0) FROM audit_log`)[0][0]);
  const statuses = [];
  for (let i = 1; i <= 5; i++) statuses.push((await loginFrom(OTHER_ADDR, bystander.username, `wrong-${i}`)).status);
  assert.deepEqual(statuses, [422, 422, 422, 422, 429]);
  const locked = await loginFrom(OTHER_ADDR, bystander.username, bystander.password);
  assert.equal(locked.status, 429, 'the right password at the locked address was let in');
  assert.equal(locked.sid, undefined);
  // here the bystander is not locked, only slowed down
  const c = await login(bystander.username, bystander.password);
  assert.equal((await c.get('/staff')).status, 200);
  const audited = sql(`SELECT COUNT(*) FROM audit_log WHERE id > ${before} AND action = 'login_failed' AND target = '${sqlSafe(bystander.username)}' AND ip = '${OTHER_ADDR}'`);
  assert.equal(audited[0][0], '5', 'not every failure was audited');
  sql(`DELETE FROM login_throttle WHERE key_name = '${pairKey(OTHER_ADDR, bystander)}'`);
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
});

test('an account under attack from many addresses is slowed down, never locked', async () => {
  // as if 200 failures had come from addresses all over: the count, no lock anywhere
  appSql(`REPLACE INTO login_throttle (key_name, failures, window_start, locked_until) VALUES ('u:${sqlSafe(bystander.username)}', 200, NOW(), NULL)`);
  const { res } = await tryLogin(bystander.username, 'still-wrong');
  assert.equal(res.status, 422, `a failure of an account under attack answered ${res.status}`);
  assert.ok(res.ms >= 1900 && res.ms < 5000, `the stall was ${res.ms} ms, want about 2 s`);
  const ok = await loginFrom(OTHER_ADDR, bystander.username, bystander.password);
  assert.equal(ok.status, 303, `the owner was refused: ${ok.status}`);
  assert.ok(ok.ms >= 1900 && ok.ms < 5000, `the owner's login took ${ok.ms} ms, want about 2 s`);
  sql(`DELETE FROM login_throttle WHERE key_name = '${pairKey('127.0.0.1', bystander)}'`);
});

test('another user is not affected by the lock', async () => {
  const c = await login(bystander.username, bystander.password);
  assert.equal((await c.get('/staff')).status, 200);
});

test('after an unlock (throttle row removed) the right password works again', async () => {
  sql(`DELETE FROM login_throttle WHERE key_name = '${pairKey('127.0.0.1', victim)}'`);
  const c = await login(victim.username, victim.password);
  const home = await c.get('/staff');
  assert.equal(home.status, 200);
  assert.ok(home.text.includes('锁定测试'));
});

test('a successful login resets the failure count', async () => {
  for (let i = 1; i <= 4; i++) {
    const { res } = await tryLogin(victim.username, `wrong-again-${i}`);
    assert.equal(res.status, 422);
  }
  await login(victim.username, victim.password);
  // had the count not been reset, this would be failure number 5 and lock
  for (let i = 1; i <= 4; i++) {
    const { res } = await tryLogin(victim.username, `wrong-once-more-${i}`);
    assert.equal(res.status, 422, `failure #${i} after a successful login answered ${res.status}`);
  }
  await login(victim.username, victim.password);
});

test('many failures from one address lock that address for every username', async () => {
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
  // Distinct unknown usernames: no single username reaches its own limit.
  let lockedAfter = 0;
  for (let i = 1; i <= 60; i++) {
    const { res } = await tryLogin(`${victim.username.slice(0, 20)}_x${i}`, 'wrong-password');
    if (res.status === 429) {
      lockedAfter = i;
      assert.ok(res.text.includes('锁定'));
      break;
    }
    assert.equal(res.status, 422, `failure #${i} answered ${res.status}`);
  }
  assert.ok(lockedAfter > 0, '60 failures from one address with different usernames never locked it');
  assert.ok(lockedAfter > 5, `the address was locked after only ${lockedAfter} failures (no more than one username's limit)`);
  const { res } = await tryLogin(bystander.username, bystander.password);
  assert.equal(res.status, 429, `a right password from a locked address answered ${res.status}`);
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
  await login(bystander.username, bystander.password);
});
