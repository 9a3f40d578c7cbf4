// Staff account management by the admin, one's own password, escaping and the audit trail.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, tryLogin, createUser, uniqueName, assertErrorPage, extractCsrf, tableRows, snippet,
} from './lib.mjs';

let admin;
let main; // the account most tests work on
const NEW_PW = () => `New-Pass-${Math.random().toString(36).slice(2, 12)}`;

before(async () => {
  admin = await loginAdmin();
});

/** The user list row of a username: [username, display name, role label, status, created]. */
async function listRow(username) {
  const list = await admin.get('/admin/users');
  assert.equal(list.status, 200);
  return tableRows(list.text).find((r) => r[0] === username);
}

test('creating an account: 303 to its page, listed, and it can log in', async () => {
  const form = await admin.get('/admin/users/new');
  assert.equal(form.status, 200);
  for (const f of ['username', 'display_name', 'role', 'password', 'csrf']) {
    assert.match(form.text, new RegExp(`name="${f}"`), `new-user form lacks ${f}`);
  }
  main = await createUser(admin, { username: uniqueName('acct'), display_name: '测试员工甲', role: 'agent' });

  const page = await admin.get(`/admin/users/${main.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(main.username));
  assert.match(page.text, /name="display_name"[^>]*value="测试员工甲"/);
  assert.match(page.text, /<option value="agent" selected>/);

  const row = await listRow(main.username);
  assert.ok(row, 'new account not in the list');
  assert.equal(row[1], '测试员工甲');
  assert.equal(row[2], '客服专员');
  assert.equal(row[3], '在职');

  const c = await login(main.username, main.password);
  const home = await c.get('/staff');
  assert.ok(home.text.includes('测试员工甲'));
  assert.ok(home.text.includes('客服专员'));
});

test('input is trimmed: a username with spaces around it is stored without them', async () => {
  const username = uniqueName('trim');
  const u = await createUser(admin, { username: `  ${username} `, display_name: ' 空格 ', role: 'technician' });
  const row = await listRow(username);
  assert.ok(row, 'trimmed username not listed');
  assert.equal(row[1], '空格');
  await login(username, u.password);
});

test('a duplicate username answers 422 with the message and the input kept', async () => {
  const r = await admin.postForm('/admin/users/new', {
    username: main.username, display_name: '重复的人', role: 'technician', password: 'Another-Password-1',
  });
  assert.equal(r.status, 422, snippet(r.text));
  assert.ok(r.text.includes('该用户名已被使用'));
  assert.match(r.text, new RegExp(`name="username"[^>]*value="${main.username}"`));
  assert.match(r.text, /name="display_name"[^>]*value="重复的人"/);
  assert.match(r.text, /<option value="technician" selected>/, 'the chosen role is not kept');
  assert.ok(!r.text.includes('Another-Password-1'), 'the password is echoed back');
  const list = await admin.get('/admin/users');
  assert.equal(tableRows(list.text).filter((row) => row[0] === main.username).length, 1);
  assert.ok(!list.text.includes('重复的人'));
});

test('bad fields answer 422 with a message per field and the input kept', async () => {
  const r = await admin.postForm('/admin/users/new', {
    username: 'Bad Name', display_name: '保留的姓名', role: 'boss', password: 'short',
  });
  assert.equal(r.status, 422);
  assert.ok(r.text.includes('用户名须以小写字母开头'), snippet(r.text, 600));
  assert.ok(r.text.includes('请选择有效的角色'));
  assert.ok(r.text.includes('密码至少需要 10 个字符'));
  assert.match(r.text, /name="username"[^>]*value="Bad Name"/);
  assert.match(r.text, /name="display_name"[^>]*value="保留的姓名"/);
  assert.ok(!/value="short"/.test(r.text), 'the password is echoed back');
  assert.ok(extractCsrf(r.text), 'the form given back has no csrf field');

  const empty = await admin.postForm('/admin/users/new', { username: '', display_name: '', role: '', password: '' });
  assert.equal(empty.status, 422);
  assert.ok((empty.text.match(/此项为必填项/g) || []).length >= 3, 'missing "required" messages');

  const sizes = await admin.postForm('/admin/users/new', {
    username: 'ab', display_name: '名'.repeat(33), role: 'agent', password: 'Long-Enough-Password',
  });
  assert.equal(sizes.status, 422);
  assert.ok(sizes.text.includes('用户名长度应为 3 到 32 个字符'));
  assert.ok(sizes.text.includes('不能超过 32 个字符'));

  const chars = await admin.postForm('/admin/users/new', {
    username: 'a<b>c', display_name: 'x', role: 'agent', password: 'Long-Enough-Password',
  });
  assert.equal(chars.status, 422);
  assert.ok(chars.text.includes('用户名只能包含小写字母、数字、下划线、点和连字符'));
  assert.ok(chars.text.includes('value="a&lt;b&gt;c"'), 'bad input is not kept escaped');
  assert.ok(!chars.text.includes('a<b>c'));

  const list = await admin.get('/admin/users');
  assert.ok(!list.text.includes('保留的姓名'), 'an invalid account was created');
});

test('editing name and role: 303 back, shown in the page, the list and to the user', async () => {
  const c = await login(main.username, main.password);
  const r = await admin.postForm(`/admin/users/${main.id}`, { display_name: '测试员工乙', role: 'supervisor' });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(r.location, `/admin/users/${main.id}`);
  const page = await admin.get(`/admin/users/${main.id}`);
  assert.match(page.text, /name="display_name"[^>]*value="测试员工乙"/);
  assert.match(page.text, /<option value="supervisor" selected>/);
  const row = await listRow(main.username);
  assert.equal(row[1], '测试员工乙');
  assert.equal(row[2], '客服主管');
  // the user's session sees the new role at once
  const home = await c.get('/staff');
  assert.equal(home.status, 200);
  assert.ok(home.text.includes('测试员工乙'));
  assert.ok(home.text.includes('客服主管'));
  main.display_name = '测试员工乙';
});

test('a bad edit answers 422 and changes nothing', async () => {
  const r = await admin.postForm(`/admin/users/${main.id}`, { display_name: '', role: 'boss' });
  assert.equal(r.status, 422);
  assert.ok(r.text.includes('此项为必填项'));
  assert.ok(r.text.includes('请选择有效的角色'));
  const page = await admin.get(`/admin/users/${main.id}`);
  assert.match(page.text, /name="display_name"[^>]*value="测试员工乙"/);
  assert.match(page.text, /<option value="supervisor" selected>/);
});

test('an unknown account id answers 404', async () => {
  assertErrorPage(await admin.get('/admin/users/999999999'), 404);
  assertErrorPage(await admin.postForm('/admin/users/999999999', { display_name: 'x', role: 'agent' }), 404);
  assertErrorPage(await admin.postForm('/admin/users/999999999/password', { password: 'Long-Enough-Password' }), 404);
  assertErrorPage(await admin.postForm('/admin/users/999999999/active', { active: '0' }), 404);
});

test('an admin can neither drop their own admin role nor deactivate themselves', async () => {
  const boss = await createUser(admin, { role: 'admin', display_name: '另一位管理员' });
  const c = await login(boss.username, boss.password);
  const demote = await c.postForm(`/admin/users/${boss.id}`, { display_name: '另一位管理员', role: 'agent' });
  assert.equal(demote.status, 422, snippet(demote.text));
  assert.ok(demote.text.includes('不能取消自己的管理员角色'));
  const off = await c.postForm(`/admin/users/${boss.id}/active`, { active: '0' });
  assert.equal(off.status, 422, snippet(off.text));
  assert.ok(off.text.includes('不能停用自己的账号'));
  assert.equal((await c.get('/admin/users')).status, 200, 'the admin lost access');
  const row = await listRow(boss.username);
  assert.equal(row[2], '系统管理员');
  assert.equal(row[3], '在职');
});

test('resetting a password ends the user\'s sessions; the old password fails, the new one works', async () => {
  const c = await login(main.username, main.password);
  const weak = await admin.postForm(`/admin/users/${main.id}/password`, { password: 'short' });
  assert.equal(weak.status, 422);
  assert.ok(weak.text.includes('密码至少需要 10 个字符'));
  assert.equal((await c.get('/staff')).status, 200, 'a refused reset ended the session');

  const fresh = NEW_PW();
  const r = await admin.postForm(`/admin/users/${main.id}/password`, { password: fresh });
  assert.equal(r.status, 303, snippet(r.text));
  assert.equal(r.location, `/admin/users/${main.id}`);

  const gone = await c.get('/staff');
  assert.equal(gone.status, 303, 'the user\'s session survived a password reset');
  assert.equal(gone.location, '/login');
  const old = await tryLogin(main.username, main.password);
  assert.equal(old.res.status, 422, 'the old password still works');
  main.password = fresh;
  await login(main.username, main.password);
});

test('deactivating ends the user\'s session and blocks login; reactivating allows it again', async () => {
  const c = await login(main.username, main.password);
  const bad = await admin.postForm(`/admin/users/${main.id}/active`, { active: '2' });
  assert.equal(bad.status, 400);
  assert.equal((await c.get('/staff')).status, 200);

  const off = await admin.postForm(`/admin/users/${main.id}/active`, { active: '0' });
  assert.equal(off.status, 303, snippet(off.text));
  assert.equal(off.location, `/admin/users/${main.id}`);
  const page = await admin.get(`/admin/users/${main.id}`);
  assert.ok(page.text.includes('已停用'));
  assert.equal((await listRow(main.username))[3], '已停用');

  const gone = await c.get('/staff');
  assert.equal(gone.status, 303, 'a deactivated user\'s session still works');
  assert.equal(gone.location, '/login');
  const refused = await tryLogin(main.username, main.password);
  assert.equal(refused.res.status, 422, 'a deactivated user can log in');
  assert.ok(refused.res.text.includes('用户名或密码不正确'));

  const on = await admin.postForm(`/admin/users/${main.id}/active`, { active: '1' });
  assert.equal(on.status, 303);
  assert.equal((await listRow(main.username))[3], '在职');
  const back = await login(main.username, main.password);
  assert.equal((await back.get('/staff')).status, 200);
});

test('changing one\'s own password: checks, then other sessions end and the new password works', async () => {
  const a = await login(main.username, main.password);
  const b = await login(main.username, main.password);
  const form = await a.get('/staff/password');
  assert.equal(form.status, 200);
  for (const f of ['current', 'password', 'confirm', 'csrf']) assert.match(form.text, new RegExp(`name="${f}"`));

  const fresh = NEW_PW();
  const wrong = await a.postForm('/staff/password', { current: 'not-my-password', password: fresh, confirm: fresh });
  assert.equal(wrong.status, 422);
  assert.ok(wrong.text.includes('当前密码不正确'));
  const short = await a.postForm('/staff/password', { current: main.password, password: 'short', confirm: 'short' });
  assert.equal(short.status, 422);
  assert.ok(short.text.includes('密码至少需要 10 个字符'));
  const mismatch = await a.postForm('/staff/password', { current: main.password, password: fresh, confirm: fresh + 'x' });
  assert.equal(mismatch.status, 422);
  assert.ok(mismatch.text.includes('两次输入的新密码不一致'));
  assert.ok(!mismatch.text.includes(fresh), 'passwords are echoed back');
  // nothing changed so far: the old password still works
  const c = await login(main.username, main.password);

  const ok = await a.postForm('/staff/password', { current: main.password, password: fresh, confirm: fresh });
  assert.equal(ok.status, 303, snippet(ok.text));
  assert.equal(ok.location, '/staff/password?done=1');
  const done = await a.get('/staff/password?done=1');
  assert.equal(done.status, 200, 'the session that changed the password was ended');
  assert.ok(done.text.includes('密码已修改'));

  for (const [name, other] of [['b', b], ['c', c]]) {
    const r = await other.get('/staff');
    assert.equal(r.status, 303, `other session ${name} survived the password change`);
  }
  assert.equal((await tryLogin(main.username, main.password)).res.status, 422, 'the old password still works');
  main.password = fresh;
  await login(main.username, main.password);
});

test('display names are escaped in every page', async () => {
  const evil = await createUser(admin, { display_name: '<script>x</script>', role: 'agent' });
  const quote = await createUser(admin, { display_name: '"><img src=x onerror=alert(1)>', role: 'agent' });

  const list = await admin.get('/admin/users');
  assert.ok(list.text.includes('&lt;script&gt;x&lt;/script&gt;'), 'list: display name not escaped');
  assert.ok(!list.text.includes('<script>x</script>'), 'list: raw <script> in the page');
  assert.ok(!list.text.includes('<img src=x'), 'list: raw <img> in the page');

  const page = await admin.get(`/admin/users/${quote.id}`);
  assert.ok(page.text.includes('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"'), 'edit page: value not escaped');
  assert.ok(!page.text.includes('<img src=x'));

  const c = await login(evil.username, evil.password);
  const home = await c.get('/staff');
  assert.ok(home.text.includes('&lt;script&gt;x&lt;/script&gt;'), 'staff home: display name not escaped');
  assert.ok(!home.text.includes('<script>x</script>'), 'staff home: raw <script>');
  assert.ok(!/<script/i.test(home.text), 'a <script> element on the staff home');
});

test('the audit page lists the account actions (in Chinese, #11) and filters by action', async () => {
  // the account's entries name it: the record filter finds them all on one page
  const r = await admin.get(`/admin/audit?q=${encodeURIComponent(main.username)}`);
  assert.equal(r.status, 200);
  const rows = tableRows(r.text); // [at, actor, action, target, detail, ip]
  const has = (action, target, actor) =>
    rows.some((x) => x[2] === action && (target === undefined || x[3] === target) && (actor === undefined || x[1] === actor));
  assert.ok(has('新建员工账号', main.username, 'admin'), 'no user_create entry for the new account');
  assert.ok(has('修改员工账号', main.username, 'admin'), 'no user_update entry');
  assert.ok(has('重置员工密码', main.username, 'admin'), 'no password_reset entry');
  assert.ok(has('停用员工账号', main.username, 'admin'), 'no user_deactivate entry');
  assert.ok(has('启用员工账号', main.username, 'admin'), 'no user_reactivate entry');
  assert.ok(has('修改本人密码', main.username, main.username), 'no password_change entry');
  assert.ok(has('登录', main.username), 'no login entry');
  assert.ok(has('登录失败', main.username), 'no login_failed entry');
  assert.ok(rows.every((x) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(x[0])), 'audit rows without a time');
  const create = rows.find((x) => x[2] === '新建员工账号' && x[3] === main.username);
  assert.match(create[4], /agent/, 'user_create detail lacks the role');

  const f = await admin.get('/admin/audit?action=user_deactivate');
  assert.equal(f.status, 200);
  const frows = tableRows(f.text);
  assert.ok(frows.length >= 1);
  assert.ok(frows.every((x) => x[2] === '停用员工账号'), 'the filter lets other actions through');
  assert.ok(frows.some((x) => x[3] === main.username));
  assert.match(f.text, /<option value="user_deactivate" selected>/, 'the filter value is not kept');

  const none = await admin.get('/admin/audit?action=no_such_action');
  assert.equal(none.status, 200);
  assert.equal(tableRows(none.text).length, 0);
  assert.ok(none.text.includes('没有记录'));

  const xss = await admin.get('/admin/audit?action=' + encodeURIComponent('"><b>x'));
  assert.equal(xss.status, 200);
  assert.ok(!xss.text.includes('"><b>x'), 'the filter value is not escaped');
});
