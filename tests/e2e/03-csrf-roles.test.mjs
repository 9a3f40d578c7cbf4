// CSRF protection of staff POSTs and the role checks of the admin pages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loginAdmin, login, createUser, uniqueName, assertErrorPage, extractCsrf, snippet } from './lib.mjs';

let admin;
const users = {};

before(async () => {
  admin = await loginAdmin();
});

test('the admin creates one user per role through the admin pages', async () => {
  const form = await admin.get('/admin/users/new');
  assert.equal(form.status, 200);
  assert.ok(extractCsrf(form.text), 'the new-user form has no csrf field');
  for (const role of ['admin', 'supervisor', 'agent', 'technician']) {
    users[role] = await createUser(admin, { role, username: uniqueName(`r_${role.slice(0, 4)}`), display_name: `角色测试 ${role}` });
  }
  const list = await admin.get('/admin/users');
  assert.equal(list.status, 200);
  for (const u of Object.values(users)) {
    assert.ok(list.text.includes(`>${u.username}<`), `${u.username} is not in the user list`);
  }
});

test('a staff POST without csrf answers 403 and creates nothing', async () => {
  const username = uniqueName('nocsrf');
  const r = await admin.post('/admin/users/new', { username, display_name: '无令牌', role: 'agent', password: 'Password-123456' });
  assertErrorPage(r, 403);
  const list = await admin.get('/admin/users');
  assert.ok(!list.text.includes(username), 'a user was created without a csrf token');
});

test('a wrong csrf value answers 403 and creates nothing', async () => {
  for (const csrf of [randomBytes(32).toString('hex'), '', 'x', (await admin.csrf()).slice(0, -1)]) {
    const username = uniqueName('badcsrf');
    const r = await admin.post('/admin/users/new', { csrf, username, display_name: '错令牌', role: 'agent', password: 'Password-123456' });
    assertErrorPage(r, 403);
    const list = await admin.get('/admin/users');
    assert.ok(!list.text.includes(username), `a user was created with csrf=${JSON.stringify(csrf)}`);
  }
});

test("another session's csrf value is refused", async () => {
  const other = await login(users.admin.username, users.admin.password);
  const foreign = await other.csrf();
  assert.notEqual(foreign, await admin.csrf());
  const username = uniqueName('xsess');
  const r = await admin.post('/admin/users/new', { csrf: foreign, username, display_name: '他人令牌', role: 'agent', password: 'Password-123456' });
  assertErrorPage(r, 403);
  const list = await admin.get('/admin/users');
  assert.ok(!list.text.includes(username));
});

test('csrf also guards editing, password reset and deactivation', async () => {
  const u = users.agent;
  const bad = randomBytes(32).toString('hex');
  const edit = await admin.post(`/admin/users/${u.id}`, { csrf: bad, display_name: '被篡改', role: 'admin' });
  assertErrorPage(edit, 403);
  const pw = await admin.post(`/admin/users/${u.id}/password`, { password: 'Hijacked-Password-1' });
  assertErrorPage(pw, 403);
  const off = await admin.post(`/admin/users/${u.id}/active`, { active: '0' });
  assertErrorPage(off, 403);
  const own = await admin.post('/staff/password', { current: 'x', password: 'Hijacked-Password-1', confirm: 'Hijacked-Password-1' });
  assertErrorPage(own, 403);

  const page = await admin.get(`/admin/users/${u.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(u.display_name), 'display name changed by a forged POST');
  assert.ok(!page.text.includes('被篡改'));
  assert.match(page.text, /<option value="agent" selected>/, 'role changed by a forged POST');
  assert.ok(page.text.includes('在职'), 'account deactivated by a forged POST');
  // the user's password is unchanged
  await login(u.username, u.password);
});

for (const role of ['technician', 'agent', 'supervisor']) {
  test(`${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} reaches /staff but gets 403 on the admin pages`, async () => {
    const u = users[role];
    const c = await login(u.username, u.password);
    const home = await c.get('/staff');
    assert.equal(home.status, 200);
    assert.ok(home.text.includes(u.display_name), `${role}'s staff home lacks the display name`);
    assert.ok(!home.text.includes('href="/admin/users"'), `${role} sees the admin navigation`);
    for (const p of ['/admin/users', '/admin/users/new', `/admin/users/${users.admin.id}`, '/admin/audit']) {
      const r = await c.get(p);
      assertErrorPage(r, 403);
    }
    // a POST with the user's own valid csrf is still refused, and nothing changes
    const token = await c.csrf();
    const username = uniqueName(`by_${role.slice(0, 4)}`);
    const create = await c.post('/admin/users/new', { csrf: token, username, display_name: '越权', role: 'admin', password: 'Password-123456' });
    assertErrorPage(create, 403);
    const promote = await c.post(`/admin/users/${u.id}`, { csrf: token, display_name: '越权', role: 'admin' });
    assertErrorPage(promote, 403);
    const list = await admin.get('/admin/users');
    assert.ok(!list.text.includes(username), `${role} created a user`);
    const self = await admin.get(`/admin/users/${u.id}`);
    assert.match(self.text, new RegExp(`<option value="${role}" selected>`), `${role} changed their own role`);
    // their own password page is open to them
    assert.equal((await c.get('/staff/password')).status, 200);
  });
}

test('a newly created admin can use the admin pages', async () => {
  const c = await login(users.admin.username, users.admin.password);
  const list = await c.get('/admin/users');
  assert.equal(list.status, 200, snippet(list.text));
  assert.ok(list.text.includes(users.agent.username));
  assert.equal((await c.get('/admin/audit')).status, 200);
  assert.equal((await c.get(`/admin/users/${users.agent.id}`)).status, 200);
});
