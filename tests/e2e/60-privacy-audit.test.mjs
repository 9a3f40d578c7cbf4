// Issue #11: privacy by role (technicians see and act on their assigned jobs only, contact details
// only on their own open jobs), the navigation built from the role, and the audit trail.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  loginAdmin, login, createUser, sql, sqlSafe, RUN_ID, maskPhone, newRepair, repairPage, repairRows,
  repairActionOk, repairActionUnseen, assertErrorPage, htmlUnescape, clearPublicThrottles,
} from './lib.mjs';

let admin;
let agent;
let supervisor;
let tech;
let tech2;
const u = {};
const TAG = RUN_ID.slice(-4);

before(async () => {
  admin = await loginAdmin();
  clearPublicThrottles();
  u.agent = await createUser(admin, { role: 'agent', display_name: `隐私客服${TAG}` });
  u.supervisor = await createUser(admin, { role: 'supervisor', display_name: `隐私主管${TAG}` });
  u.tech = await createUser(admin, { role: 'technician', display_name: `隐私师傅甲${TAG}` });
  u.tech2 = await createUser(admin, { role: 'technician', display_name: `隐私师傅乙${TAG}` });
  u.admin = await createUser(admin, { role: 'admin', display_name: `隐私管理员${TAG}` });
  agent = await loginAs(u.agent);
  supervisor = await loginAs(u.supervisor);
  tech = await loginAs(u.tech);
  tech2 = await loginAs(u.tech2);
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
  const nav = /<nav>([\s\S]*?)<\/nav>/.exec(html)[1];
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
