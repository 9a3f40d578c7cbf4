// Issue #11: privacy by role (technicians see and act on their assigned jobs only, contact details
// only on their own open jobs), the navigation built from the role, and the audit trail.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, staffTeam, sql, sqlSafe, RUN_ID, maskPhone, newRepair, repairPage, repairRows,
  repairActionOk, repairActionUnseen, assertErrorPage, htmlUnescape, clearPublicThrottles, tryLogin, appSql,
  extractCsrf, snippet, repairFields, sqlQuote,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
let tech;
let tech2;
let u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  const team = await staffTeam(admin, {
    agent: ['agent', `隐私客服${TAG}`], supervisor: ['supervisor', `隐私主管${TAG}`], tech: ['technician', `隐私师傅甲${TAG}`],
    tech2: ['technician', `隐私师傅乙${TAG}`], admin: ['admin', `隐私管理员${TAG}`],
  });
  u = team.users;
  ({ agent, supervisor, tech, tech2 } = team.clients);
});

/** Technicians land on 我的工单, the others on /staff (#11). */
async function loginAs(user) {
  return login(user.username, user.password, user.role === 'technician' ? '/staff/my' : '/staff');
}

const events = (id) => Number(sql(`SELECT COUNT(*) FROM events WHERE subject = 'repair' AND subject_id = ${sqlSafe(id)}`)[0][0]);

async function assignedTo(techUser, overrides = {}) {
  const r = await newRepair(overrides);
  await repairActionOk(agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, r.id, 'assign', { assignee_id: String(techUser.id) });
  return r;
}

// ------------------------------------------------------- privacy by role --
test('a technician lists, finds and opens only the jobs assigned to them', async () => {
  const mine = await assignedTo(u.tech, { address: `甲的小区 ${TAG} 号` });
  const theirs = await assignedTo(u.tech2, { address: `乙的小区 ${TAG} 号` });
  const unassigned = await newRepair();

  // the queue, unfiltered and by exact phone, lists only their own job
  const all = await tech.get('/staff/repairs');
  assert.equal(all.status, 200);
  const ids = repairRows(all.text).map((x) => x.id);
  assert.ok(ids.includes(mine.id), 'the queue does not list the technician\'s own job');
  assert.ok(!ids.includes(theirs.id) && !ids.includes(unassigned.id), 'the queue lists jobs of others');
  for (const [r, listed] of [[mine, true], [theirs, false], [unassigned, false]]) {
    for (const qs of [`q=${r.phone}`, `q=${r.no}`, `assignee=${u.tech2.id}&q=${r.phone}`, `assignee=none&q=${r.phone}`]) {
      const found = repairRows((await tech.get(`/staff/repairs?${qs}`)).text).some((x) => x.id === r.id);
      // the assignee filter cannot widen a technician's list: it is always their own jobs
      assert.equal(found, listed, `?${qs} as a technician: ${r.no} listed=${found}`);
    }
  }
  // another's job, its print page and its actions answer 403 and show nothing of it
  for (const r of [theirs, unassigned]) {
    for (const path of [`/staff/repairs/${r.id}`, `/staff/repairs/${r.id}/print`]) {
      const p = await tech.get(path);
      assertErrorPage(p, 403);
      assert.ok(!p.text.includes(r.phone) && !p.text.includes(r.no), `${path} shows the job to a technician it is not assigned to`);
    }
    const before = events(r.id);
    assertErrorPage(await repairActionUnseen(tech, r.id, 'note', { note: '不是我的单' }), 403);
    assertErrorPage(await repairActionUnseen(tech, r.id, 'start'), 403);
    assert.equal(events(r.id), before, 'a refused action wrote an event');
  }
  // an internal note on their own job is fine
  await repairActionOk(tech, mine.id, 'note', { note: '带梯子' });
  // the other roles still see every job
  for (const c of [agent, supervisor, admin]) assert.equal((await c.get(`/staff/repairs/${theirs.id}`)).status, 200);
  // a supervisor opens the unassigned one to the technician by assigning it
  await repairActionOk(agent, unassigned.id, 'accept', { priority: 'normal' });
  await repairActionOk(supervisor, unassigned.id, 'assign', { assignee_id: String(u.tech.id) });
  const opened = await repairPage(tech, unassigned.id);
  assert.equal(opened.r.status, 200, 'an assigned job does not open to its technician');
});

test('contact details only on the technician\'s own open jobs', async () => {
  const email = `p${RUN_ID}@example.com`;
  const address = `联系小区 ${TAG} 栋`;
  const r = await assignedTo(u.tech, { email, address });
  let p = await repairPage(tech, r.id);
  let text = htmlUnescape(p.r.text);
  assert.ok(text.includes(r.phone) && text.includes(address) && text.includes(email), 'an open own job lacks its contact details');
  let print = htmlUnescape((await tech.get(`/staff/repairs/${r.id}/print`)).text);
  assert.ok(print.includes(r.phone) && print.includes(address), 'the print of an open own job lacks phone or address');

  await repairActionOk(tech, r.id, 'start');
  await repairActionOk(tech, r.id, 'resolve', { result: '已修好', warranty_repair: '1' });
  p = await repairPage(tech, r.id);
  assert.equal(p.r.status, 200, 'the technician cannot open their finished job');
  text = htmlUnescape(p.r.text);
  assert.ok(!text.includes(r.phone) && text.includes(maskPhone(r.phone)), 'a finished job shows the whole phone to the technician');
  assert.ok(!text.includes(address) && !text.includes(email), 'a finished job shows address or e-mail to the technician');
  assert.match(text, /id="contact-hidden"/);
  print = htmlUnescape((await tech.get(`/staff/repairs/${r.id}/print`)).text);
  assert.ok(!print.includes(r.phone) && !print.includes(address), 'the print of a finished job shows contact details to the technician');
  // the front desk still sees them
  text = htmlUnescape((await repairPage(agent, r.id)).r.text);
  assert.ok(text.includes(r.phone) && text.includes(address) && text.includes(email), 'the agent lost the contact details');
});

// ------------------------------------------------------- navigation by role --
/** The staff navigation's links, in order. */
function navLinks(html) {
  const nav = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(html)[1];
  return [...nav.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1], label: m[2] }));
}

test('each role sees the navigation of its work, and every link it sees answers 200', async () => {
  const expected = {
    technician: { first: '/staff/my', without: ['/staff/customers', '/staff/products', '/staff/callbacks', '/staff/complaints', '/admin/users', '/admin/audit'] },
    agent: { first: '/staff', with: ['/staff/customers', '/staff/reports'], without: ['/admin/users', '/admin/audit'] },
    supervisor: { first: '/staff', with: ['/staff/customers', '/staff/reports'], without: ['/admin/users', '/admin/audit'] },
    admin: { first: '/staff', with: ['/staff/customers', '/admin/users', '/admin/audit'] },
  };
  for (const [role, want] of Object.entries(expected)) {
    const user = Object.values(u).find((x) => x.role === role);
    const c = await loginAs(user);
    const home = await c.get('/staff');
    assert.equal(home.status, 200);
    const links = navLinks(home.text);
    assert.equal(links[0].href, want.first, `${role}: the first link is ${links[0].href}`);
    const hrefs = links.map((l) => l.href);
    assert.equal(new Set(hrefs).size, hrefs.length, `${role}: a link appears twice`);
    for (const h of want.with || []) assert.ok(hrefs.includes(h), `${role} lacks ${h}`);
    for (const h of want.without || []) assert.ok(!hrefs.includes(h), `${role} is offered ${h}`);
    for (const l of links) {
      const r = await c.get(l.href);
      assert.equal(r.status, 200, `${role}: ${l.label} ${l.href} answered ${r.status}`);
    }
  }
});

test('a technician lands on 我的工单 and the staff home shows their jobs first', async () => {
  const r = await assignedTo(u.tech, { address: `首页小区 ${TAG} 号` });
  const again = await tech.get('/login');
  assert.equal(again.status, 303);
  assert.equal(again.location, '/staff/my', 'a signed-in technician is not sent to 我的工单');
  const home = await tech.get('/staff');
  const jobs = home.text.indexOf('id="my-jobs"');
  assert.ok(jobs > 0, 'the technician\'s home has no job list');
  assert.ok(jobs < home.text.indexOf('id="duty"'), 'the jobs are not first on the technician\'s home');
  assert.ok(repairRows(home.text).some((x) => x.id === r.id), 'the technician\'s home does not list their job');
  // the others' home has no job list of its own
  assert.ok(!(await agent.get('/staff')).text.includes('id="my-jobs"'));
});

// ------------------------------------------------------- the audit trail --
/** The entries of an audit page: { id, at, actor, code, label, target, detail }, and its next link. */
async function auditPage(query) {
  const r = await admin.get(`/admin/audit${query ? `?${query}` : ''}`);
  assert.equal(r.status, 200, `/admin/audit?${query} answered ${r.status}`);
  const rows = [...r.text.matchAll(/<tr><td[^>]*><span class="entry" data-id="(\d+)">([^<]*)<\/span><\/td><td[^>]*>([^<]*)<\/td><td[^>]*><span class="action" data-action="([^"]*)">([^<]*)<\/span><\/td><td[^>]*>([\s\S]*?)<\/td><td[^>]*>([^<]*)<\/td>/g)]
    .map((m) => ({ id: Number(m[1]), at: m[2], actor: htmlUnescape(m[3]), code: m[4], label: htmlUnescape(m[5]), target: htmlUnescape(m[6].replace(/<[^>]+>/g, '')), detail: htmlUnescape(m[7]) }));
  const next = /id="next-page" href="\/admin\/audit\?([^"]+)"/.exec(r.text);
  return { rows, next: next ? htmlUnescape(next[1]) : null, text: r.text };
}

const today = () => appSql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")[0][0];

test('the audit trail names every action in Chinese and shows details readably', async () => {
  const r = await assignedTo(u.tech);
  await repairActionOk(tech, r.id, 'start');
  await tryLogin(u.agent.username, 'wrong-password-x');
  // the failure counts against this address too: runs of the suite must not lock it out
  sql("DELETE FROM login_throttle WHERE key_name LIKE 'a:%'");
  const { rows } = await auditPage(`q=${encodeURIComponent(`维修工单 ${r.id}`)}`);
  const accept = rows.find((x) => x.code === 'repair_accept');
  assert.ok(accept, 'the repair\'s accept is not in the trail');
  assert.equal(accept.label, '维修工单·受理');
  assert.equal(accept.target, `维修工单 #${r.id}`);
  assert.match(accept.detail, /^待受理 → 已受理；优先级 普通/, `the transition is not in words: ${accept.detail}`);
  assert.equal(rows.find((x) => x.code === 'repair_start').detail, '已派工 → 维修中');
  const failed = (await auditPage(`action=login_failed&q=${u.agent.username}`)).rows[0];
  assert.equal(failed.label, '登录失败');
  assert.equal(failed.detail, '密码错误');
  // every action code the trail holds (this stack's whole run) has a Chinese label, in the list and the filter
  const page = await auditPage('');
  for (const [code] of sql('SELECT DISTINCT action FROM audit_log')) {
    const one = await auditPage(`action=${encodeURIComponent(code)}`);
    assert.ok(one.rows.length > 0 && one.rows.every((x) => x.code === code), `filter ${code}`);
    assert.ok(one.rows[0].label !== code && /[\u4e00-\u9fff]/.test(one.rows[0].label), `${code} has no Chinese label: ${one.rows[0].label}`);
    assert.match(page.text, new RegExp(`<option value="${code}"`), `${code} is not a choice of the action filter`);
  }
  // English details of older entries read in Chinese
  sql(`INSERT INTO audit_log (at, actor, action, target, detail) VALUES
    (NOW(), 'old${TAG}', 'customer_update', '客户 #1', 'changed: email,notes'),
    (NOW(), 'old${TAG}', 'customer_merge', '客户 #1', 'merged #156 into #155, moved 1 repairs, 0 returns')`);
  const old = (await auditPage(`q=${encodeURIComponent('客户 #1')}`)).rows.filter((x) => x.actor === `old${TAG}`);
  assert.deepEqual(old.map((x) => x.detail).sort(), ['修改了：邮箱、备注', '客户 #156 合并到 #155，转来 1 个维修工单 0 个退换货'].sort());
});

test('the audit trail filters by person, record, action and date range', async () => {
  const r = await assignedTo(u.tech);
  // by record: its number, "维修工单 N" and "repair #N" are the same filter
  for (const q of [r.no, `维修工单 ${r.id}`, `repair #${r.id}`]) {
    const { rows } = await auditPage(`q=${encodeURIComponent(q)}`);
    assert.ok(rows.length >= 3, `q=${q}: ${rows.length} entries`);
    assert.ok(rows.every((x) => x.target === `维修工单 #${r.id}`), `q=${q} lets other records through`);
    assert.deepEqual(rows.filter((x) => /^repair_(submit|accept|assign)$/.test(x.code)).map((x) => x.code),
      ['repair_assign', 'repair_accept', 'repair_submit'], `q=${q}`);
  }
  // by person
  const agentRows = (await auditPage(`actor=${u.agent.id}`)).rows;
  assert.ok(agentRows.some((x) => x.code === 'repair_accept' && x.target === `维修工单 #${r.id}`));
  assert.ok(agentRows.every((x) => x.actor === u.agent.username), 'the person filter lets others through');
  // by action and person together
  const assigns = (await auditPage(`actor=${u.supervisor.id}&action=repair_assign`)).rows;
  assert.ok(assigns.length >= 1 && assigns.every((x) => x.code === 'repair_assign' && x.actor === u.supervisor.username));
  // by date range: today has it, a day long past and tomorrow have none of it
  const day = today();
  const inRange = (await auditPage(`from=${day}&to=${day}&q=${r.no}`)).rows;
  assert.ok(inRange.length >= 3, 'today\'s range lacks the record\'s entries');
  for (const [from, to] of [['2020-01-01', '2020-01-02'], ['2099-01-01', '']]) {
    const { rows, text } = await auditPage(`from=${from}&to=${to}&q=${r.no}`);
    assert.equal(rows.length, 0, `from=${from} to=${to} lists entries`);
    assert.match(text, /没有记录/);
  }
});

test('the audit trail pages newest first, 50 at a time, each entry once', async () => {
  const who = await createUser(admin, { role: 'agent', display_name: `翻页${TAG}` });
  const values = Array.from({ length: 120 }, (_, i) => `(NOW(), ${who.id}, '${who.username}', 'holiday_add', 'page${TAG}', 'entry ${i}')`);
  sql(`INSERT INTO audit_log (at, actor_id, actor, action, target, detail) VALUES ${values.join(',')}`);
  const seen = [];
  let query = `actor=${who.id}`;
  let pages = 0;
  while (query) {
    const { rows, next } = await auditPage(query);
    assert.ok(rows.length <= 50);
    seen.push(...rows.map((x) => x.id));
    query = next;
    pages += 1;
    assert.ok(pages <= 5, 'the pages do not end');
    if (next) assert.match(next, new RegExp(`actor=${who.id}`), 'the next link loses the filter');
  }
  assert.equal(pages, 3);
  assert.equal(seen.length, 120, 'not every entry');
  assert.equal(new Set(seen).size, 120, 'an entry on two pages');
  assert.ok(seen.every((id, i) => i === 0 || id < seen[i - 1]), 'not newest first');
});

test('seeing a customer\'s whole phone and address is in the trail: who saw whose, when', async () => {
  const r = await assignedTo(u.tech);
  const customer = Number(sql(`SELECT customer_id FROM repairs WHERE id = ${r.id}`)[0][0]);
  const views = (actor, target) => Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'contact_view' AND actor_id = ${actor} AND target = '${target}'`)[0][0]);
  const target = `repair #${r.id}`;
  const before = views(u.agent.id, target);
  await repairPage(agent, r.id);
  await agent.get(`/staff/repairs/${r.id}/print`);
  assert.equal(views(u.agent.id, target), before + 2, 'the work order and its print are not recorded as views');
  const cBefore = views(u.agent.id, `客户 #${customer}`);
  assert.equal((await agent.get(`/staff/customers/${customer}`)).status, 200);
  assert.equal(views(u.agent.id, `客户 #${customer}`), cBefore + 1, 'the customer page is not recorded as a view');
  // the technician's view of their open job is recorded; of the finished one (no details shown) not
  await repairPage(tech, r.id);
  assert.equal(views(u.tech.id, target), 1);
  await repairActionOk(tech, r.id, 'start');
  await repairActionOk(tech, r.id, 'resolve', { result: '好了', warranty_repair: '1' });
  const after = views(u.tech.id, target);
  await repairPage(tech, r.id);
  assert.equal(views(u.tech.id, target), after, 'a view without the details is recorded as one');
  // on the audit page, in words
  const { rows } = await auditPage(`action=contact_view&actor=${u.agent.id}&q=${r.no}`);
  assert.ok(rows.length >= 2 && rows.every((x) => x.label === '查看客户联系方式'));
  assert.match(rows[0].detail, new RegExp(`客户 #${customer}`));
});

// ------------------------------------------------------- products picked --
/** A product added by the supervisor on the products page; returns its id. */
async function addProduct(fields) {
  const csrf = extractCsrf((await supervisor.get('/staff/products')).text);
  const res = await supervisor.post('/staff/products', { csrf, ...fields });
  assert.equal(res.status, 303, `adding ${fields.name} answered ${res.status}: ${snippet(res.text)}`);
  return Number(sql(`SELECT id FROM products WHERE name = ${sqlQuote(fields.name)}`)[0][0]);
}

const repairRow = (id) => sql(`SELECT product, COALESCE(product_id, 0), model, serial_no, DATE_FORMAT(purchase_date, '%Y-%m-%d'), DATE_FORMAT(warranty_until, '%Y-%m-%d') FROM repairs WHERE id = ${sqlSafe(id)}`)[0];

test('staff pick the product at intake: its category, brand and model, and its warranty', async () => {
  const name = `格力空调-${TAG}`;
  const productId = await addProduct({ name, category: '空调', brand: '格力', model: `KFR-${TAG}`, warranty_months: '36' });
  const form = await agent.get('/staff/repairs/new');
  assert.match(form.text, new RegExp(`<option value="${productId}">空调 · 格力 · KFR-${TAG}（${name}，保修 36 个月）</option>`), 'the product is not offered');
  const fields = repairFields({ website: undefined, product: '', model: '', purchase_date: '2024-06-01' });
  const res = await agent.post('/staff/repairs/new', { csrf: extractCsrf(form.text), ...fields, channel: 'phone', product_id: String(productId) });
  assert.equal(res.status, 303, `intake answered ${res.status}: ${snippet(res.text)}`);
  const id = Number(res.location.split('/').pop());
  assert.deepEqual(repairRow(id), [name, String(productId), `KFR-${TAG}`, fields.serial_no, '2024-06-01', '2027-06-01']);
  // neither picked nor typed: refused with the form kept
  const none = await agent.post('/staff/repairs/new', { csrf: extractCsrf(form.text), ...fields, channel: 'phone' });
  assert.equal(none.status, 422);
  // the public form keeps its free text (a name no product has: the default warranty)
  const pub = await newRepair({ product: '格力空调', purchase_date: '2025-06-01' });
  assert.deepEqual(repairRow(pub.id).slice(0, 2), ['格力空调', '0']);
});

test('staff correct product, model, serial and purchase date afterwards: audited, the warranty recomputed', async () => {
  const name = `美的洗衣机-${TAG}`;
  const productId = await addProduct({ name, category: '洗衣机', brand: '美的', model: `MG-${TAG}`, warranty_months: '24' });
  const r = await newRepair({ product: '洗衣机', model: '', serial_no: `OLD-${TAG}`, purchase_date: '2025-06-01' });
  // refused: a future purchase date (nothing changes)
  let p = await repairPage(agent, r.id);
  assert.match(p.r.text, /id="product-fix"/, 'the agent is not offered the correction');
  const bad = await agent.post(`/staff/repairs/${r.id}/action`, { csrf: p.csrf, version: p.version, action: 'product_fix', product_id: String(productId), purchase_date: '2099-01-01' });
  assert.equal(bad.status, 422);
  assert.deepEqual(repairRow(r.id)[1], '0');
  await repairActionOk(agent, r.id, 'product_fix', { product_id: String(productId), model: '', serial_no: `NEW-${TAG}`, purchase_date: '2024-06-01', product: '' });
  assert.deepEqual(repairRow(r.id), [name, String(productId), `MG-${TAG}`, `NEW-${TAG}`, '2024-06-01', '2026-06-01']);
  p = await repairPage(agent, r.id);
  assert.match(htmlUnescape(p.r.text), /更正产品信息/, 'the timeline lacks the correction');
  const entry = (await auditPage(`action=repair_product_fix&q=${r.no}`)).rows[0];
  assert.ok(entry, 'the correction is not in the audit trail');
  assert.equal(entry.label, '维修工单·更正产品信息');
  for (const part of ['产品 洗衣机 → ' + name, `序列号 OLD-${TAG} → NEW-${TAG}`, '购买日期 2025-06-01 → 2024-06-01', '保修至 2026-06-01']) {
    assert.ok(entry.detail.includes(part), `the audit detail lacks "${part}": ${entry.detail}`);
  }
  // a technician (even on their own job) may not; a stale page answers 409
  const mine = await assignedTo(u.tech);
  const tp = await repairPage(tech, mine.id);
  assert.ok(!/id="product-fix"/.test(tp.r.text), 'the technician is offered the correction');
  const refused = await tech.post(`/staff/repairs/${mine.id}/action`, { csrf: tp.csrf, version: tp.version, action: 'product_fix', product: 'x' });
  assert.equal(refused.status, 422);
  const stale = await agent.post(`/staff/repairs/${r.id}/action`, { csrf: p.csrf, version: String(Number(p.version) - 1), action: 'product_fix', product: '别的', product_id: '' });
  assert.equal(stale.status, 409);
});
