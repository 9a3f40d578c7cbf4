// Login throttling: after login_max_failures (5) wrong passwords a username is locked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loginAdmin, login, tryLogin, createUser, sql, sqlSafe, snippet } from './lib.mjs';

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
  if (victim) sql(`DELETE FROM login_throttle WHERE key_name IN ('u:${sqlSafe(victim.username)}', 'u:${sqlSafe(bystander.username)}')`);
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
});

test('five wrong passwords lock the username (429), and failures are slowed down', async () => {
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
  const rows = sql(`SELECT failures, locked_until > NOW() FROM login_throttle WHERE key_name = 'u:${sqlSafe(victim.username)}'`);
  assert.equal(rows.length, 1, 'no throttle row for the locked username');
  assert.equal(rows[0][1], '1', 'the throttle row is not locked');
});

test('another user is not affected by the lock', async () => {
  const c = await login(bystander.username, bystander.password);
  assert.equal((await c.get('/staff')).status, 200);
});

test('after an unlock (throttle row removed) the right password works again', async () => {
  sql(`DELETE FROM login_throttle WHERE key_name = 'u:${sqlSafe(victim.username)}'`);
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
