// Shared helpers for the end-to-end tests: HTTP clients with a tiny cookie jar,
// login, CSRF extraction, account creation through the admin pages, and a
// direct SQL helper for the few things no page can do (moving session times,
// clearing login throttles).
//
// Environment (set by scripts/stack.sh test):
//   BASE_URL           the stack's nginx, default http://127.0.0.1:18080
//   AS_ADMIN_PASSWORD  the first admin's password (else read from $AS_VAR/admin-password)
//   AS_VAR             the stack's data folder
//   AS_DB_SOCKET       MariaDB's unix socket (for sql())
//   AS_DB_NAME         database name, default aftersales
//   AS_STACK           path of scripts/stack.sh (db-stop / db-start)
import { execFileSync, spawnSync } from 'node:child_process';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const SITE_NAME = '售后服务中心';

/** The first admin's password: from the environment, else the file the stack saved. */
export function adminPassword() {
  if (process.env.AS_ADMIN_PASSWORD) return process.env.AS_ADMIN_PASSWORD;
  if (process.env.AS_VAR) {
    try {
      return readFileSync(path.join(process.env.AS_VAR, 'admin-password'), 'utf8').split('\n')[0];
    } catch {
      /* fall through */
    }
  }
  throw new Error('AS_ADMIN_PASSWORD is not set and $AS_VAR/admin-password is not readable');
}

/** A short suffix unique to this run, for usernames (lowercase letters and digits). */
export const RUN_ID = Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36).padStart(2, '0');
let seq = 0;
/** A fresh valid username: starts with a lowercase letter, at most 32 characters. */
export function uniqueName(prefix) {
  seq += 1;
  return `${prefix}_${RUN_ID}${seq}`.slice(0, 32);
}

// ------------------------------------------------------------ cookie jar --
export class CookieJar {
  constructor() {
    this.cookies = new Map();
  }
  /** Take the Set-Cookie headers of a response into the jar. */
  update(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      const expired = maxAge && Number(maxAge.split('=')[1]) <= 0;
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name) {
    return this.cookies.get(name);
  }
  set(name, value) {
    this.cookies.set(name, value);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** urlencode an object (values may be arrays) or pass a string through. */
export function encodeForm(fields) {
  if (typeof fields === 'string') return fields;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields || {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.append(k, String(v));
  }
  return p.toString();
}

/** The hidden csrf value in a page, or null. */
export function extractCsrf(html) {
  const m = /<input[^>]*name="csrf"[^>]*value="([^"]*)"/.exec(html) || /<input[^>]*value="([^"]*)"[^>]*name="csrf"/.exec(html);
  return m ? m[1] : null;
}

/**
 * One HTTP exchange: never follows redirects, always reads the body.
 * Returns { status, headers, text, location, res, ms }.
 */
export async function request(method, urlPath, { body, headers = {}, jar } = {}) {
  const h = { ...headers };
  if (jar && jar.header() && !('cookie' in lower(h))) h.cookie = jar.header();
  if (body !== undefined && !('content-type' in lower(h))) h['content-type'] = 'application/x-www-form-urlencoded';
  const started = Date.now();
  const res = await fetch(BASE_URL + urlPath, { method, headers: h, body, redirect: 'manual' });
  const text = await res.text();
  if (jar) jar.update(res);
  return { status: res.status, headers: res.headers, text, location: res.headers.get('location'), res, ms: Date.now() - started };
}

function lower(h) {
  return Object.fromEntries(Object.keys(h).map((k) => [k.toLowerCase(), true]));
}

/** A browser-like client: a cookie jar plus get/post helpers. */
export class Client {
  constructor() {
    this.jar = new CookieJar();
    this.csrfToken = null;
  }
  get sid() {
    return this.jar.get('sid');
  }
  async get(urlPath, headers = {}) {
    const r = await request('GET', urlPath, { jar: this.jar, headers });
    const t = extractCsrf(r.text);
    if (t) this.csrfToken = t;
    return r;
  }
  /** POST urlencoded fields exactly as given (no csrf added). */
  async post(urlPath, fields = {}, headers = {}) {
    const r = await request('POST', urlPath, { jar: this.jar, headers, body: encodeForm(fields) });
    const t = extractCsrf(r.text);
    if (t) this.csrfToken = t;
    return r;
  }
  /** The session's csrf value, read from the staff home page (the logout form in the header). */
  async csrf() {
    const r = await this.get('/staff');
    assert.equal(r.status, 200, `GET /staff for a csrf token answered ${r.status}`);
    const t = extractCsrf(r.text);
    assert.ok(t, 'no hidden csrf field on /staff');
    return t;
  }
  /** POST with the session's csrf field added, as a real form would. */
  async postForm(urlPath, fields = {}) {
    const token = this.csrfToken || (await this.csrf());
    return this.post(urlPath, { csrf: token, ...fields });
  }
}

/** POST /login and return { res, client } whatever the answer. */
export async function tryLogin(username, password, headers = {}) {
  const client = new Client();
  const res = await client.post('/login', { username, password }, headers);
  return { res, client };
}

/** Log in; fails the test unless the answer is 303 to /staff with a sid cookie. */
export async function login(username, password) {
  const { res, client } = await tryLogin(username, password);
  assert.equal(res.status, 303, `login as ${username} answered ${res.status}: ${snippet(res.text)}`);
  assert.equal(res.location, '/staff');
  assert.ok(client.sid, 'login set no sid cookie');
  return client;
}

export async function loginAdmin() {
  return login('admin', adminPassword());
}

/**
 * Create a staff account through the admin pages; returns { id, username, password, display_name, role }.
 */
export async function createUser(admin, { username, display_name, role = 'agent', password } = {}) {
  const u = {
    username: username || uniqueName(role.slice(0, 4)),
    display_name: display_name || `测试${role}${seq}`,
    role,
    password: password || `Pw-${RUN_ID}-${Math.random().toString(36).slice(2, 10)}`,
  };
  const res = await admin.postForm('/admin/users/new', u);
  assert.equal(res.status, 303, `creating ${u.username} answered ${res.status}: ${snippet(res.text)}`);
  const m = /^\/admin\/users\/(\d+)$/.exec(res.location || '');
  assert.ok(m, `unexpected Location after create: ${res.location}`);
  return { ...u, id: Number(m[1]) };
}

/** A short piece of a page for assertion messages: the error/alert text if any. */
export function snippet(html, n = 300) {
  const text = String(html || '')
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, n);
}

/** Assert a page is an error page in the site layout with this status. */
export function assertErrorPage(r, status) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${snippet(r.text)}`);
  assert.match(r.headers.get('content-type') || '', /text\/html/);
  assert.ok(r.text.includes(SITE_NAME), `error page ${status} lacks the site name`);
  assert.ok(r.text.includes(`错误代码 ${status}`), `error page lacks "错误代码 ${status}": ${snippet(r.text)}`);
}

/** The rows of <tbody> of the first table on a page, as arrays of cell texts. */
export function tableRows(html) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!body) return [];
  return [...body[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => td[1].replace(/<[^>]+>/g, '').trim()),
  );
}

// ----------------------------------------------------------- database --
function dbUser() {
  if (process.env.AS_DB_SUPER) return process.env.AS_DB_SUPER;
  return process.getuid && process.getuid() === 0 ? 'root' : userInfo().username;
}

/**
 * Run SQL as the database superuser over the stack's socket; returns the rows
 * as arrays of strings. For set-up and inspection only where no page can do it.
 */
export function sql(query) {
  const sock = process.env.AS_DB_SOCKET;
  if (!sock) throw new Error('AS_DB_SOCKET is not set');
  const out = execFileSync(
    'mariadb',
    ['--no-defaults', '--default-character-set=utf8mb4', '-S', sock, `-u${dbUser()}`,
      process.env.AS_DB_NAME || 'aftersales', '-N', '-B', '-e', query],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/**
 * The program's time zone ([site] timezone of $AS_VAR/aftersales.ini, else
 * $AS_TIMEZONE, else +08:00): it stores NOW() in that zone, so SQL that
 * compares with NOW() or CURDATE() must run in it too.
 */
export function appTimeZone() {
  if (process.env.AS_TIMEZONE) return process.env.AS_TIMEZONE;
  try {
    const ini = readFileSync(path.join(process.env.AS_VAR || '', 'aftersales.ini'), 'utf8');
    const m = /^\s*timezone\s*=\s*([+-]\d\d:\d\d)\s*$/m.exec(ini);
    if (m) return m[1];
  } catch {
    /* fall through */
  }
  return '+08:00';
}

/** sql() in the program's time zone (NOW(), CURDATE() as the program sees them). */
export function appSql(query) {
  const tz = appTimeZone();
  if (!/^[+-]\d\d:\d\d$/.test(tz)) throw new Error(`bad time zone ${tz}`);
  return sql(`SET time_zone = '${tz}'; ${query}`);
}

/** A value safe to put in SQL text: only [A-Za-z0-9_.:-]. */
export function sqlSafe(v) {
  const s = String(v);
  if (!/^[A-Za-z0-9_.:-]+$/.test(s)) throw new Error(`refusing to put ${JSON.stringify(s)} into SQL`);
  return s;
}

function stackScript() {
  const script = process.env.AS_STACK || (process.env.AS_REPO && path.join(process.env.AS_REPO, 'scripts/stack.sh'));
  if (!script) throw new Error('AS_STACK is not set');
  if (!process.env.AS_VAR) throw new Error('AS_VAR is not set');
  return script;
}

/** Run scripts/stack.sh COMMAND for this stack (db-stop, db-start); throws when it fails. */
export function stack(command) {
  return execFileSync(stackScript(), [command], {
    encoding: 'utf8',
    env: { ...process.env, AS_VAR: process.env.AS_VAR },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120000,
  });
}

/** scripts/stack.sh ARGS... for this stack; returns { status, stdout, stderr } whatever the exit. */
export function stackRun(...args) {
  const r = spawnSync(stackScript(), args, { encoding: 'utf8', env: process.env, timeout: 300000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A request through node:http, for what fetch() will not do: a Host header of our choosing, or a
 * connection from another local address (localAddress). Returns { status, text, headers, ms }.
 */
export function rawRequest(method, urlPath, { headers = {}, body, localAddress } = {}) {
  const url = new URL(urlPath, BASE_URL);
  const h = { ...headers };
  if (body !== undefined) h['content-length'] = Buffer.byteLength(body);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress, headers: h,
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text, headers: res.headers, ms: Date.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------ repairs --
// Helpers of the repair tests (10-12, 91): public submission, tracking,
// the staff work order page and its actions, and small HTML readers.

/** Undo the HTML escaping the templates apply. */
export function htmlUnescape(s) {
  return String(s ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

let phoneSeq = 0;
const PHONE_BASE = (Date.now() % 1000000) * 1000;
/**
 * A mobile number unique to this run (11 digits, 1[3-9]...), derived from the
 * clock so that reruns against the same database do not reuse a customer.
 */
export function uniquePhone(second = '5') {
  phoneSeq += 1;
  return `1${second}${String((PHONE_BASE + phoneSeq) % 1e9).padStart(9, '0')}`;
}

/** 138****5678 */
export function maskPhone(phone) {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** A complete valid public repair form; fields may be overridden (undefined drops one). */
export function repairFields(overrides = {}) {
  const f = {
    name: '张测试',
    phone: uniquePhone(),
    email: `t${RUN_ID}@example.com`,
    address: '北京市海淀区测试路 1 号',
    product: '空调',
    model: 'KFR-35GW',
    serial_no: `SN${RUN_ID}`.toUpperCase(),
    purchase_date: '2025-06-01',
    fault: '开机后不制冷，外机不转。',
    preferred_time: '周六上午',
    website: '',
    ...overrides,
  };
  for (const k of Object.keys(f)) if (f[k] === undefined) delete f[k];
  return f;
}

/** The value of <input name=NAME value=...> (or the text of <textarea name=NAME>), unescaped; null if absent. */
export function fieldValue(html, name) {
  const input = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html);
  if (input) {
    const v = /\bvalue="([^"]*)"/.exec(input[0]);
    return v ? htmlUnescape(v[1]) : '';
  }
  const ta = new RegExp(`<textarea[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return ta ? htmlUnescape(ta[1]) : null;
}

/** The message of the <span class="err"> after the field NAME ('' when none; null when no such field). */
export function fieldError(html, name) {
  const at = html.search(new RegExp(`<(input|textarea|select)[^>]*\\bname="${name}"`));
  if (at < 0) return null;
  const m = /<span class="err">([^<]*)<\/span>/.exec(html.slice(at));
  return m ? htmlUnescape(m[1]).trim() : null;
}

/** data-status of the element with this id (default the work order section #repair), or null. */
export function dataStatus(html, id = 'repair') {
  const tag = new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (tag) {
    const m = /data-status="([^"]*)"/.exec(tag[0]);
    if (m) return m[1];
  }
  return null;
}

/** The data-status of the status badge of the /track result, or null when no result is shown. */
export function trackStatus(html) {
  const sec = /<section[^>]*id="track-result"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  if (!sec) return null;
  const m = /data-status="([^"]*)"/.exec(sec[1]);
  return m ? m[1] : null;
}

/** The texts of the <ol class="timeline"> entries of a page (tags stripped, unescaped). */
export function timeline(html) {
  const ol = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html);
  if (!ol) return [];
  return [...ol[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => htmlUnescape(m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()));
}

/**
 * Rows of a repair list (queue, my jobs): [{ id, no, status, cells }] where
 * cells are the cell texts; rows are <tr data-status=...>.
 */
export function repairRows(html) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!body) return [];
  return [...body[1].matchAll(/<tr[^>]*data-status="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) => {
    const link = /<a href="\/staff\/repairs\/(\d+)">([^<]*)<\/a>/.exec(tr[2]);
    return {
      status: tr[1],
      id: link ? Number(link[1]) : null,
      no: link ? link[2] : null,
      cells: [...tr[2].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => htmlUnescape(td[1].replace(/<[^>]+>/g, '').trim())),
    };
  });
}

/** The href of the queue's "下一页" link (unescaped), or null. */
export function nextPageLink(html) {
  const m = /<a[^>]*href="([^"]*)"[^>]*>\s*下一页/.exec(html);
  return m ? htmlUnescape(m[1]) : null;
}

/**
 * Submit the public repair form as a browser would: GET the form for its token,
 * then POST. Returns { res, no, token, fields } (no is null unless 303).
 */
export async function submitRepair(overrides = {}, { client = new Client(), token } = {}) {
  const form = await client.get('/repair/new');
  assert.equal(form.status, 200, `GET /repair/new answered ${form.status}`);
  const t = token ?? fieldValue(form.text, 'token');
  assert.ok(t, 'the repair form has no token');
  const fields = repairFields(overrides);
  const res = await client.post('/repair/new', { token: t, ...fields });
  const m = /^\/repair\/done\?no=(R\d{8}-\d{4,12})$/.exec(res.location || '');
  return { res, no: res.status === 303 && m ? m[1] : null, token: t, fields, client };
}

/** Submit a valid repair; fails the test unless 303. Returns { no, id, phone, fields }. */
export async function newRepair(overrides = {}) {
  const r = await submitRepair(overrides);
  assert.equal(r.res.status, 303, `repair submission answered ${r.res.status}: ${snippet(r.res.text)}`);
  assert.ok(r.no, `unexpected Location ${r.res.location}`);
  return { no: r.no, id: repairId(r.no), phone: r.fields.phone, fields: r.fields };
}

/** The internal id of a repair by its public number (database look-up). */
export function repairId(no) {
  const rows = sql(`SELECT id FROM repairs WHERE public_no = '${sqlSafe(no)}'`);
  assert.equal(rows.length, 1, `no repair row for ${no}`);
  return Number(rows[0][0]);
}

/** One column of a repair row, read from the database. */
export function repairColumn(id, column) {
  const rows = sql(`SELECT ${sqlSafe(column)} FROM repairs WHERE id = ${sqlSafe(id)}`);
  return rows.length ? rows[0][0] : undefined;
}

/** GET /track for a number and phone (a fresh client, like a customer). */
export async function track(no, phone) {
  return request('GET', `/track?${new URLSearchParams({ no, phone })}`);
}

/** Clear the /track failure counters of the test address (key "t:<address>"). */
export function clearTrackThrottle() {
  sql("DELETE FROM login_throttle WHERE key_name LIKE 't:%'");
}

/** Forgets the per-address counts of /track misses and of public submissions. */
export function clearPublicThrottles() {
  clearTrackThrottle();
  sql("DELETE FROM login_throttle WHERE key_name LIKE 's:%'");
}

/** GET a work order page as this client; returns { r, status, version, csrf }. */
export async function repairPage(client, id) {
  const r = await client.get(`/staff/repairs/${id}`);
  return { r, status: dataStatus(r.text), version: fieldValue(r.text, 'version'), csrf: extractCsrf(r.text) };
}

/**
 * Take an action on a work order as a person would: load the page for the
 * csrf and version, then POST. fields may override csrf or version.
 */
export async function repairAction(client, id, action, fields = {}) {
  const page = await repairPage(client, id);
  assert.equal(page.r.status, 200, `GET /staff/repairs/${id} answered ${page.r.status}`);
  const csrf = page.csrf || (await client.csrf());
  return client.post(`/staff/repairs/${id}/action`, { csrf, version: page.version ?? '1', action, ...fields });
}

/** The same, and fail the test unless the answer is 303 back to the work order. */
export async function repairActionOk(client, id, action, fields = {}) {
  const r = await repairAction(client, id, action, fields);
  assert.equal(r.status, 303, `${action} on repair ${id} answered ${r.status}: ${snippet(alertText(r.text) || r.text)}`);
  assert.equal(r.location, `/staff/repairs/${id}`);
  return r;
}

/** The text of the page's role="alert" paragraph (unescaped), or ''. */
export function alertText(html) {
  const m = /<p class="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html || '');
  return m ? htmlUnescape(m[1].replace(/<[^>]+>/g, '').trim()) : '';
}

// ------------------------------------------------------------ returns --
let returnSeq = 0;
/** A value as an SQL string literal (quotes and backslashes doubled), or NULL. */
export function sqlString(v) {
  if (v === null || v === undefined) return 'NULL';
  return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Insert a return of customer customerId straight into the database (for the pages around the
 * record: customers, staff home), due dueHours from now (negative: overdue). Its number is today's
 * with a suffix no real submission reaches. Returns its id.
 */
export function insertReturn({ customerId, status = 'requested', kind = 'return', product = '电视', orderNo,
  name = '退货测试', phone = '', address = '', dueHours = 24 } = {}) {
  returnSeq += 1;
  const suffix = `${(Date.now() % 1e7) * 100 + returnSeq}`.padStart(9, '0');
  const values = [sqlSafe(customerId), sqlString(name), sqlString(phone), sqlString(address),
    sqlString(orderNo ?? `ORD${RUN_ID}${returnSeq}`), sqlString(product), sqlString(kind), sqlString(status)];
  return Number(appSql(`INSERT INTO returns (public_no, customer_id, contact_name, contact_phone, address, order_no,
    product, kind, status, reason, due_at, created_at, updated_at)
    VALUES (CONCAT('T', DATE_FORMAT(CURDATE(), '%Y%m%d'), '-${suffix}'), ${values.join(', ')}, '测试原因',
    NOW() + INTERVAL ${Math.round(Number(dueHours) * 60)} MINUTE, NOW(), NOW()); SELECT LAST_INSERT_ID();`)[0][0]);
}
