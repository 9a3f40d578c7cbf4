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
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
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

/**
 * Log in; fails the test unless the answer is 303 with a sid cookie to landing, or when landing is not
 * given to a start page (/staff, or /staff/my where technicians start).
 */
export async function login(username, password, landing) {
  const { res, client } = await tryLogin(username, password);
  assert.equal(res.status, 303, `login as ${username} answered ${res.status}: ${snippet(res.text)}`);
  if (landing) assert.equal(res.location, landing);
  else assert.match(res.location || '', /^\/staff(\/my)?$/);
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

/**
 * Creates one account per entry of people ({ key: [role, display_name] }) and signs each in, checking
 * it lands on its role's start page (technicians on 我的工单). Returns { users, clients } by key.
 */
export async function staffTeam(admin, people) {
  const users = {};
  const clients = {};
  for (const [key, [role, display_name]] of Object.entries(people)) {
    users[key] = await createUser(admin, { role, display_name });
    clients[key] = await login(users[key].username, users[key].password, role === 'technician' ? '/staff/my' : '/staff');
  }
  return { users, clients };
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
    [...tr[1].matchAll(/<td(?:\s[^>]*)?>([\s\S]*?)<\/td>/g)].map((td) => td[1].replace(/<[^>]+>/g, '').trim()),
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
    // a whole table (the backup test compares every row) is more than the default 1 MB
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 },
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
  const tz = appSetting('timezone');
  return tz && /^[+-]\d\d:\d\d$/.test(tz) ? tz : '+08:00';
}

/** The value of key in the stack's $AS_VAR/aftersales.ini (whatever its section), or null. */
export function appSetting(key) {
  try {
    const ini = readFileSync(path.join(process.env.AS_VAR || '', 'aftersales.ini'), 'utf8');
    const m = new RegExp(`^\\s*${key}\\s*=\\s*(.*?)\\s*$`, 'm').exec(ini);
    return m ? m[1] : null;
  } catch {
    return null;
  }
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

/**
 * The demo data loaded into a scratch database named prefix_<run>, dropped after test t: the
 * schema, then beforeDemo(q) (rows the demo files expect, such as the demo staff scripts/stack.sh
 * makes first), then sql/demo/. Returns q, which runs SQL there in the program's time zone.
 */
export function demoDatabase(t, prefix, beforeDemo = () => {}) {
  const repo = process.env.AS_REPO;
  if (!repo || !process.env.AS_DB_SOCKET) throw new Error('AS_REPO and AS_DB_SOCKET are needed to load the demo data');
  const db = `${prefix}_${sqlSafe(RUN_ID)}`;
  sql(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  t.after(() => sql(`DROP DATABASE IF EXISTS ${db}`));
  const env = { ...process.env, AS_DB_NAME: db };
  const migrate = path.join(repo, 'scripts/migrate.sh');
  execFileSync(migrate, [], { env, stdio: 'pipe' });
  const q = (text) => appSql(`USE ${db}; ${text}`);
  beforeDemo(q);
  execFileSync(migrate, ['--demo'], { env, stdio: 'pipe' });
  return q;
}

// ------------------------------------------------------------ business time --
// Time limits count working time: Mon-Fri 09:00-18:00 (the default calendar), not on holidays, and
// on make-up working days (调休) whatever their weekday.
const DAY = 86400000;
/** "YYYY-MM-DD HH:MM:SS" read as UTC milliseconds (the server's local wall-clock time). */
export const parseLocal = (s) => Date.parse(`${s.replace(' ', 'T')}Z`);
export const fmtLocal = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
/**
 * The days off of the holidays table, as a Set of "YYYY-MM-DD", with its make-up working days as
 * the Set's property makeup (another Set).
 */
export function holidaySet() {
  const rows = sql("SELECT DATE_FORMAT(day, '%Y-%m-%d'), kind FROM holidays");
  const days = new Set(rows.filter((x) => x[1] !== 'workday').map((x) => x[0]));
  days.makeup = new Set(rows.filter((x) => x[1] === 'workday').map((x) => x[0]));
  return days;
}
/** 1 when the day starting at dayMs (UTC midnight of local time) is a working day. */
function workday(dayMs, holidays) {
  const date = new Date(dayMs);
  const wd = date.getUTCDay();
  const day = date.toISOString().slice(0, 10);
  if (holidays.makeup?.has(day)) return true;
  return wd >= 1 && wd <= 5 && !holidays.has(day);
}
/** start + minutes of working time. */
export function businessAdd(startMs, minutes, holidays) {
  let left = minutes * 60000;
  let t = startMs;
  for (;;) {
    const day = Math.floor(t / DAY) * DAY;
    if (workday(day, holidays)) {
      const open = day + 9 * 3600000;
      const close = day + 18 * 3600000;
      if (t < open) t = open;
      if (t < close) {
        if (left <= close - t) return t + left;
        left -= close - t;
      }
    }
    t = day + DAY;
  }
}
/** The first working day after the day of t (ms), "YYYY-MM-DD". */
export function nextWorkday(t, holidays = holidaySet()) {
  for (let day = Math.floor(t / DAY) * DAY + DAY; ; day += DAY) if (workday(day, holidays)) return fmtLocal(day).slice(0, 10);
}
/** The start of the first working half-day (09:00 or 13:30) after t. */
export function nextHalfDay(t, holidays) {
  for (let day = Math.floor(t / DAY) * DAY; ; day += DAY) {
    if (!workday(day, holidays)) continue;
    for (const start of [day + 9 * 3600000, day + 13.5 * 3600000]) if (start > t) return start;
  }
}

// ------------------------------------------------------------ repairs and returns --
// Helpers of the repair and return tests (10-13, 20, 91, 92): public submission, tracking,
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

/** The value of the checked radio button or the selected option named NAME (unescaped), or null when none is. */
export function checkedValue(html, name) {
  const named = new RegExp(`\\bname="${name}"`);
  for (const m of html.matchAll(/<input[^>]*>/g)) {
    if (named.test(m[0]) && /\schecked\b/.test(m[0])) return htmlUnescape((/\bvalue="([^"]*)"/.exec(m[0]) || [])[1] ?? 'on');
  }
  const sel = new RegExp(`<select[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  const opt = sel && /<option[^>]*\bvalue="([^"]*)"[^>]*\sselected\b/.exec(sel[1]);
  return opt ? htmlUnescape(opt[1]) : null;
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
 * Rows of a staff list whose rows are <tr data-status=...> linking to hrefPrefix<id>:
 * [{ id, no, status, cells }] where cells are the cell texts.
 */
export function listRows(html, hrefPrefix) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!body) return [];
  const link = new RegExp(`<a href="${hrefPrefix}(\\d+)">([^<]*)</a>`);
  return [...body[1].matchAll(/<tr[^>]*data-status="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) => {
    const a = link.exec(tr[2]);
    return {
      status: tr[1],
      id: a ? Number(a[1]) : null,
      no: a ? a[2] : null,
      cells: [...tr[2].matchAll(/<td(?:\s[^>]*)?>([\s\S]*?)<\/td>/g)].map((td) => htmlUnescape(td[1].replace(/<[^>]+>/g, '').trim())),
    };
  });
}

/** The href of the queue's "下一页" link (unescaped), or null. */
export function nextPageLink(html) {
  const m = /<a[^>]*href="([^"]*)"[^>]*>\s*下一页/.exec(html);
  return m ? htmlUnescape(m[1]) : null;
}

/**
 * Follow a list's "下一页" links from url (at most max pages), checking each
 * row with checkRow. Returns { seen: the row ids in order, sizes: rows per page }.
 */
export async function pageThrough(client, url, rowsOf, checkRow = () => {}, max = 5) {
  const seen = [];
  const sizes = [];
  for (let n = 0; url && n < max; n++) {
    const page = await client.get(url);
    assert.equal(page.status, 200, `${url}: ${page.status}`);
    const rows = rowsOf(page.text);
    sizes.push(rows.length);
    seen.push(...rows.map((x) => x.id));
    rows.forEach(checkRow);
    url = nextPageLink(page.text);
    if (url) assert.match(url, /after=/, `the next link has no after=: ${url}`);
  }
  return { seen, sizes };
}

/** A complete valid public return form (退换货); fields may be overridden (undefined drops one). */
export function returnFields(overrides = {}) {
  const f = {
    name: '李退货',
    phone: uniquePhone(),
    order_no: `JD${RUN_ID}`.toUpperCase(),
    product: '电视机',
    kind: 'return',
    reason: '收到后屏幕有坏点。',
    serial_no: `TV${RUN_ID}`.toUpperCase(),
    purchase_date: '2025-06-01',
    amount_paid: '2,999.00',
    repair_no: '',
    address: '',
    bought_online: 'online',
    has_fault: '1',
    website: '',
    ...overrides,
  };
  for (const k of Object.keys(f)) if (f[k] === undefined) delete f[k];
  return f;
}

/** The public forms by the letter of their numbers. */
const PUBLIC_FORMS = {
  R: { what: 'repair', form: '/repair/new', done: '/repair/done', fields: repairFields, table: 'repairs' },
  T: { what: 'return', form: '/return/new', done: '/return/done', fields: returnFields, table: 'returns' },
};

/**
 * Submit the public form of kind ('R' repairs, 'T' returns) as a browser would: GET the form for its
 * token, then POST. Returns { res, no, token, fields, client } (no is null unless 303).
 */
export async function submitPublic(kind, overrides = {}, { client = new Client(), token } = {}) {
  const k = PUBLIC_FORMS[kind];
  const form = await client.get(k.form);
  assert.equal(form.status, 200, `GET ${k.form} answered ${form.status}`);
  const t = token ?? fieldValue(form.text, 'token');
  assert.ok(t, `the ${k.what} form has no token`);
  const fields = k.fields(overrides);
  const res = await client.post(k.form, { token: t, ...fields });
  const m = new RegExp(`^${k.done}\\?no=(${kind}\\d{8}-\\d{4,12})$`).exec(res.location || '');
  return { res, no: res.status === 303 && m ? m[1] : null, token: t, fields, client };
}

/** Submit a valid request of kind; fails the test unless 303. Returns { no, id, phone, fields }. */
export async function newPublic(kind, overrides = {}) {
  const r = await submitPublic(kind, overrides);
  assert.equal(r.res.status, 303, `${PUBLIC_FORMS[kind].what} submission answered ${r.res.status}: ${snippet(r.res.text)}`);
  assert.ok(r.no, `unexpected Location ${r.res.location}`);
  return { no: r.no, id: publicId(kind, r.no), phone: r.fields.phone, fields: r.fields };
}

/** The internal id of a request of kind by its public number (database look-up). */
export function publicId(kind, no) {
  const rows = sql(`SELECT id FROM ${PUBLIC_FORMS[kind].table} WHERE public_no = '${sqlSafe(no)}'`);
  assert.equal(rows.length, 1, `no ${PUBLIC_FORMS[kind].what} row for ${no}`);
  return Number(rows[0][0]);
}

export const submitRepair = (overrides, options) => submitPublic('R', overrides, options);
export const newRepair = (overrides) => newPublic('R', overrides);
export const repairId = (no) => publicId('R', no);
export const submitReturn = (overrides, options) => submitPublic('T', overrides, options);
export const newReturn = (overrides) => newPublic('T', overrides);
export const returnId = (no) => publicId('T', no);

/** The public form of kind with its honeypot filled: fails unless 422, nothing stored, the token not used up. */
export async function assertHoneypotRefused(kind) {
  const s = await submitPublic(kind, { website: 'http://spam.example/' });
  assert.equal(s.res.status, 422, `answered ${s.res.status}`);
  const stored = sql(`SELECT COUNT(*) FROM ${PUBLIC_FORMS[kind].table} WHERE contact_phone = '${sqlSafe(s.fields.phone)}'`);
  assert.equal(stored[0][0], '0', 'a bot submission was stored');
  assert.equal(sql(`SELECT COUNT(*) FROM submissions WHERE token = '${sqlSafe(s.token)}'`)[0][0], '0', 'the token was used up');
}

/**
 * n submissions of the public form of kind sent at the same moment, each from its own browser with
 * its own form, as on a fresh install or a day's first requests: no stored tokens, no counts of
 * this address. Returns submitPublic's results.
 */
export async function submitAtOnce(kind, n, phoneDigit = '6') {
  sql('DELETE FROM submissions');
  clearPublicThrottles();
  const forms = await Promise.all(Array.from({ length: n }, async () => {
    const c = new Client();
    const f = await c.get(PUBLIC_FORMS[kind].form);
    return { c, token: fieldValue(f.text, 'token') };
  }));
  return Promise.all(forms.map(({ c, token }) => submitPublic(kind, { phone: uniquePhone(phoneDigit) }, { client: c, token })));
}

/** Fails unless every submission answered 303 with its own number, stored with its phone. Returns the numbers. */
export function assertAllNumbered(kind, results, what = '') {
  const bad = results.filter((r) => r.res.status !== 303);
  assert.equal(bad.length, 0, `${what} answers ${JSON.stringify(results.map((r) => r.res.status))}; first failure: ${bad[0] && snippet(bad[0].res.text)}`);
  const numbers = results.map((r) => r.no);
  assert.equal(new Set(numbers).size, results.length, `${what} two submissions got the same number: ${numbers.join(' ')}`);
  for (const r of results) {
    const rows = sql(`SELECT COUNT(*) FROM ${PUBLIC_FORMS[kind].table} WHERE public_no = '${sqlSafe(r.no)}' AND contact_phone = '${sqlSafe(r.fields.phone)}'`);
    assert.equal(rows[0][0], '1', `${r.no} was acknowledged but not stored`);
  }
  return numbers;
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

/** GET a record's staff page (path) as this client; returns { r, status, version, csrf }. */
async function recordPage(client, path, sectionId) {
  const r = await client.get(path);
  return { r, status: dataStatus(r.text, sectionId), version: fieldValue(r.text, 'version'), csrf: extractCsrf(r.text) };
}

/**
 * Take an action on a record as a person would: load its page for the csrf
 * and version, then POST to path/action. fields may override csrf or version.
 */
async function recordAction(client, path, sectionId, action, fields) {
  const page = await recordPage(client, path, sectionId);
  assert.equal(page.r.status, 200, `GET ${path} answered ${page.r.status}`);
  const csrf = page.csrf || (await client.csrf());
  return client.post(`${path}/action`, { csrf, version: page.version ?? '1', action, ...fields });
}

/** The same, and fail the test unless the answer is 303 back to the record's page. */
async function recordActionOk(client, path, sectionId, action, fields) {
  const r = await recordAction(client, path, sectionId, action, fields);
  assert.equal(r.status, 303, `${action} on ${path} answered ${r.status}: ${snippet(alertText(r.text) || r.text)}`);
  assert.equal(r.location, path);
  return r;
}

/**
 * The helpers of one kind of record (rows of table) whose staff pages are <list>/<id>, with the status
 * on the element #sectionId: page(client, id) -> { r, status, version, csrf }; expect(client, id,
 * status), the page, failing unless it and the database show that status; action(client, id,
 * action, fields) (see recordAction); actionOk, the same failing unless 303 back; rows(html), the
 * rows of its list.
 */
function recordKind(list, sectionId, table) {
  const page = (client, id) => recordPage(client, `${list}/${id}`, sectionId);
  return {
    page,
    expect: async (client, id, status) => {
      const p = await page(client, id);
      assert.equal(p.r.status, 200, `GET ${list}/${id}: ${p.r.status}`);
      assert.equal(p.status, status, `data-status on ${list}/${id}`);
      assert.deepEqual(sql(`SELECT status FROM ${table} WHERE id = ${sqlSafe(id)}`), [[status]], 'status in the database');
      return p;
    },
    action: (client, id, action, fields = {}) => recordAction(client, `${list}/${id}`, sectionId, action, fields),
    actionOk: (client, id, action, fields = {}) => recordActionOk(client, `${list}/${id}`, sectionId, action, fields),
    rows: (html) => listRows(html, `${list}/`),
  };
}

/** POST a customer form (/staff/customers/<id><suffix>) with the page's csrf (and version, unless suffix). */
export async function customerPost(client, id, suffix, fields) {
  const page = await client.get(`/staff/customers/${id}`);
  assert.equal(page.status, 200, `GET /staff/customers/${id}: ${page.status}`);
  const csrf = extractCsrf(page.text) || (await client.csrf());
  const version = fieldValue(page.text, 'version');
  return client.post(`/staff/customers/${id}${suffix}`, suffix ? { csrf, ...fields } : { csrf, version, ...fields });
}

/** Work orders (repairRows: the queue and my jobs). */
export const {
  page: repairPage, expect: expectRepairStatus, action: repairAction, actionOk: repairActionOk, rows: repairRows,
} = recordKind('/staff/repairs', 'repair', 'repairs');

/** An action POSTed without opening the work order first (for a user who may not open it): the
 * version is read from the database. */
export async function repairActionUnseen(client, id, action, fields = {}) {
  const version = sql(`SELECT version FROM repairs WHERE id = ${sqlSafe(id)}`)[0][0];
  return client.post(`/staff/repairs/${id}/action`, { csrf: await client.csrf(), version, action, ...fields });
}

/**
 * An action (named what in messages) that must be refused: act() answers status, with message (when
 * given) in the page, and state() reads the same before and after. Returns the answer.
 */
export async function assertRefused(what, act, state, status, message) {
  const before = state();
  const r = await act();
  assert.equal(r.status, status, `${what} answered ${r.status} instead of ${status}: ${alertText(r.text) || snippet(r.text)}`);
  if (message) assert.ok(htmlUnescape(r.text).includes(message), `${what}: the page lacks "${message}": ${alertText(r.text) || snippet(r.text)}`);
  assert.deepEqual(state(), before, `${what} changed the record although refused`);
  return r;
}

/**
 * The text of the page's role="alert" paragraph (unescaped), or else the messages of its error
 * summary (a refused field's form: the summary says it instead), or ''.
 */
export function alertText(html) {
  const m = /<p class="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html || '');
  const text = m ? htmlUnescape(m[1].replace(/<[^>]+>/g, '').trim()) : '';
  return text || errorSummary(html).map((e) => e.message).join(' ');
}

/** The error summary's entries [{ href, message }] (unescaped), [] when the page has none. */
export function errorSummary(html) {
  const box = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(html || '');
  if (!box) return [];
  return [...box[1].matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({ href: htmlUnescape(m[1]), message: htmlUnescape(m[2]).trim() }));
}

// ------------------------------------------------------------ returns --
// Helpers of the return tests (2x): returns made directly in the database,
// the staff page of a return and its actions.

/** A SQL string literal of any text (test data only). */
export function sqlQuote(v) {
  return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

let returnSeq = 0;
/**
 * Insert a return directly (as the public form would leave it), with the
 * customer of its phone or a new one, in the program's time zone. fields are columns of returns, plus
 * purchase_days_ago (purchase_date that many days before today) and
 * due_hours (due_at that many hours from now; negative for overdue); customer_id puts it on that
 * customer instead of the one of its phone.
 * Returns { id, no, phone, fields }.
 */
export function insertReturn(fields = {}) {
  returnSeq += 1;
  const day = appSql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")[0][0];
  const no = `T${day}-8${String((PHONE_BASE + returnSeq) % 1e10).padStart(10, '0')}`;
  const { purchase_days_ago: ago = 5, due_hours: dueHours = 24, customer_id: customerId, ...cols } = fields;
  const f = {
    contact_name: '退测试', contact_phone: uniquePhone('8'), order_no: `JD${RUN_ID}${returnSeq}`.toUpperCase(),
    product: '空调', serial_no: `RS${RUN_ID}${returnSeq}`.toUpperCase(), kind: 'return',
    reason: '收到后无法开机', has_fault: 1, status: 'requested', ...cols,
  };
  const names = Object.keys(f);
  const values = names.map((k) => (f[k] === null ? 'NULL' : typeof f[k] === 'number' ? String(f[k]) : sqlQuote(f[k])));
  const purchase = ago === null ? 'NULL' : `CURDATE() - INTERVAL ${Number(ago)} DAY`;
  const due = dueHours === null ? 'NULL' : `NOW() + INTERVAL ${Number(dueHours) * 60} MINUTE`;
  const phone = sqlQuote(f.contact_phone);
  // the customer of that phone, as intake finds them, or a new one
  const customer = customerId ? `SET @c = ${Number(customerId)};` : `INSERT INTO customers (name, phone, created_at, updated_at)
      SELECT ${sqlQuote(f.contact_name)}, ${phone}, NOW(), NOW() FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM customers WHERE phone = ${phone});
    SET @c = (SELECT MIN(id) FROM customers WHERE phone = ${phone});`;
  const rows = appSql(`${customer}
    INSERT INTO returns (public_no, customer_id, ${names.join(', ')}, purchase_date, due_at, created_at, updated_at)
    VALUES (${sqlQuote(no)}, @c, ${values.join(', ')}, ${purchase}, ${due}, NOW(), NOW());
    SELECT LAST_INSERT_ID();`);
  return { id: Number(rows[0][0]), no, phone: f.contact_phone, fields: f };
}

/** Returns: their staff page, actions and queue (see recordKind). */
export const {
  page: returnPage, expect: expectReturnStatus, action: returnAction, actionOk: returnActionOk, rows: returnRows,
} = recordKind('/staff/returns', 'return', 'returns');

// ------------------------------------------------------------ complaints --
// Helpers of the complaint tests (3x): the staff page of a complaint, its actions, the list, and a
// complaint taken on the phone form.

/** Complaints: their staff page, actions and list (see recordKind). */
export const {
  page: complaintPage, expect: expectComplaintStatus, action: complaintAction, actionOk: complaintActionOk, rows: complaintRows,
} = recordKind('/staff/complaints', 'complaint', 'complaints');

/**
 * Post the phone complaint form (/staff/complaints/new) as client with fields (no or customer_id,
 * description). Returns { res, id } (id null unless 303 to the new complaint).
 */
export async function postComplaint(client, fields) {
  const form = await client.get('/staff/complaints/new');
  assert.equal(form.status, 200, `GET /staff/complaints/new answered ${form.status}`);
  const res = await client.post('/staff/complaints/new', { csrf: extractCsrf(form.text), ...fields });
  const m = /^\/staff\/complaints\/(\d+)$/.exec(res.location || '');
  return { res, id: res.status === 303 && m ? Number(m[1]) : null };
}

// ------------------------------------------------------------ ratings and complaints on /track --
// Helpers of the rating tests (32, 94): a job finished through the staff pages, the rating form's
// fields, and posting the forms of a /track page as a customer does.

/** The score fields of the rating form, in its order. */
export const RATING_DIMENSIONS = ['attitude', 'timeliness', 'quality', 'overall'];

/**
 * A public repair taken through the staff pages to resolved, as in real work, so that its callback
 * is scheduled: accepted by staff.agent, assigned by staff.supervisor to staff.techId, started and
 * resolved by staff.tech (clients). overrides go to the public form. Returns newRepair's result.
 */
export async function resolvedRepair(staff, overrides = {}) {
  const r = await newRepair(overrides);
  await repairActionOk(staff.agent, r.id, 'accept', { priority: 'normal' });
  await repairActionOk(staff.supervisor, r.id, 'assign', { assignee_id: String(staff.techId) });
  await repairActionOk(staff.tech, r.id, 'start');
  await repairActionOk(staff.tech, r.id, 'resolve', { result: '更换温控器，试机正常', warranty_repair: '1' });
  return r;
}

/**
 * GET /track for no and phone, then POST the page's form action ('/track/rate' or '/track/complain')
 * with its hidden fields (no, phone, token) and fields, as a fresh customer's browser. Fails unless
 * the page shows that form. Returns { page, res, token }.
 */
export async function postTrackForm(no, phone, action, fields = {}) {
  const c = new Client();
  const page = await c.get(`/track?${new URLSearchParams({ no, phone })}`);
  assert.equal(page.status, 200, `/track answered ${page.status}: ${snippet(page.text)}`);
  const form = new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(page.text);
  assert.ok(form, `the tracking page of ${no} offers no form to ${action}`);
  const hidden = Object.fromEntries(['no', 'phone', 'token'].map((n) => [n, fieldValue(form[1], n)]));
  const res = await c.post(action, { ...hidden, website: '', ...fields });
  return { page, res, token: hidden.token };
}

/** Rates no online with every score set to score (or scores { attitude: .. }), solved and comment; fails unless 303. */
export async function rateOnline(no, phone, { score = 5, scores = {}, solved = '1', comment = '' } = {}) {
  const fields = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, String(scores[d] ?? score)]));
  const r = await postTrackForm(no, phone, '/track/rate', { ...fields, solved, comment });
  assert.equal(r.res.status, 303, `rating ${no} answered ${r.res.status}: ${snippet(alertText(r.res.text) || r.res.text)}`);
  return r;
}

// ------------------------------------------------------------ callbacks --
// Helpers of the callback tests (3x, 93): callbacks made in the database, their staff page, actions
// and list.

/** Callbacks: their staff page, actions and list (rows by their "去回访" link; see recordKind). */
export const {
  page: callbackPage, expect: expectCallbackStatus, action: callbackAction, actionOk: callbackActionOk, rows: callbackRows,
} = recordKind('/staff/callbacks', 'callback', 'callbacks');

/**
 * A callback made in the database for a new customer (or customerId), about the customer or
 * subject subjectId, due dueMinutes from now. Returns { id, customerId, phone }.
 */
export function insertCallback({ phone = uniquePhone('3'), name = `回访客户${RUN_ID.slice(-4)}`, customerId, subject = 'customer', subjectId,
  dueMinutes = 0, status = 'due', takenBy = null, takenMinutesAgo = 0, reason = 'manual', complaintId = null } = {}) {
  const customer = customerId ? `SET @c = ${Number(customerId)};` : `INSERT INTO customers (name, phone, created_at, updated_at)
    VALUES (${sqlQuote(name)}, ${sqlQuote(phone)}, NOW(), NOW()); SET @c = LAST_INSERT_ID();`;
  const about = subjectId ? Number(subjectId) : '@c';
  const taken = takenBy ? `${Number(takenBy)}, NOW() - INTERVAL ${Number(takenMinutesAgo)} MINUTE` : 'NULL, NULL';
  const done = ['done', 'unreachable', 'cancelled'].includes(status) ? 'NOW()' : 'NULL';
  const rows = appSql(`${customer}
    INSERT INTO callbacks (subject, subject_id, customer_id, reason, complaint_id, status, due_at, taken_by, taken_at, done_at, created_at, updated_at)
    VALUES ('${sqlSafe(subject)}', ${about}, @c, '${sqlSafe(reason)}', ${complaintId === null ? 'NULL' : Number(complaintId)}, '${sqlSafe(status)}',
      NOW() + INTERVAL ${Number(dueMinutes)} MINUTE, ${taken}, ${done}, NOW(), NOW());
    SELECT LAST_INSERT_ID(), @c;`);
  return { id: Number(rows[0][0]), customerId: Number(rows[0][1]), phone };
}

// ------------------------------------------------------------ roster --
// Helpers of the roster tests (4x, 89): shift types and roster rows made in the database, for tests
// that need them without the roster's editing pages.

/**
 * A shift type made in the database: name (made unique), start and end as minutes after midnight
 * (an end at or before the start is the next day), roles (comma list of role codes, '' any),
 * duty_officer. Returns { id, name }.
 */
export function insertShiftType({ name = '班', start, end, roles = '', minStaff = 1, dutyOfficer = 0 } = {}) {
  const suffix = `${RUN_ID.slice(-5)}${++seq}`;
  const unique = `${[...name].slice(0, 32 - suffix.length).join('')}${suffix}`;
  const rows = sql(`INSERT INTO shift_types (name, start_min, end_min, roles, min_staff, duty_officer)
    VALUES (${sqlQuote(unique)}, ${Number(start)}, ${Number(end)}, ${sqlQuote(roles)}, ${Number(minStaff)}, ${dutyOfficer ? 1 : 0});
    SELECT LAST_INSERT_ID();`);
  return { id: Number(rows[0][0]), name: unique };
}

/** The day `offset` days from today in the program's time zone, "YYYY-MM-DD". */
export function rosterDay(offset) {
  return appSql(`SELECT CURDATE() + INTERVAL ${Number(offset)} DAY`)[0][0];
}

/** A roster row made in the database: userId works shift type typeId on day ("YYYY-MM-DD", or days from today). Returns its id. */
export function insertRoster(userId, day, typeId) {
  const d = typeof day === 'number' ? rosterDay(day) : sqlSafe(day);
  const rows = sql(`INSERT INTO roster (user_id, day, shift_type_id, created_at) VALUES (${Number(userId)}, '${d}', ${Number(typeId)}, NOW());
    SELECT LAST_INSERT_ID();`);
  return Number(rows[0][0]);
}

/** Shift swaps (调班): their staff page and actions (see recordKind). */
export const {
  page: swapPage, expect: expectSwapStatus, action: swapAction, actionOk: swapActionOk,
} = recordKind('/staff/swaps', 'swap', 'shift_swaps');

// The month grid and its edits (40, 89).

/** A month of this run's own ("YYYY-MM"), in a far year so runs and other tests never share one. */
export function rosterMonth(mm) {
  const year = 2040 + (parseInt(RUN_ID.slice(-4), 36) % 55);
  return `${year}-${String(mm).padStart(2, '0')}`;
}

/** Creates a shift type through /staff/shifts; returns its id. fields: name, start, end, roles[], min_staff, duty, color. */
export async function createShiftType(client, { name, start, end, roles = [], min_staff = 1, duty = false, color = '#1f6feb' }) {
  const f = { name, start, end, min_staff: String(min_staff), color };
  for (const role of roles) f[`role_${role}`] = '1';
  if (duty) f.duty_officer = '1';
  const r = await client.postForm('/staff/shifts', f);
  assert.equal(r.status, 303, `creating shift type ${name} answered ${r.status}: ${alertText(r.text) || snippet(r.text)}`);
  return Number(sql(`SELECT id FROM shift_types WHERE name = ${sqlQuote(name)}`)[0][0]);
}

/** GET the month grid; returns { r, version }. */
export async function rosterPage(client, month, extra = '') {
  const r = await client.get(`/staff/roster?month=${month}${extra}`);
  assert.equal(r.status, 200, `GET roster ${month}${extra}: ${r.status} ${snippet(r.text)}`);
  const m = /data-version="(\d+)"/.exec(r.text);
  return { r, version: m ? m[1] : null };
}

/** The grid cell of user on day ("YYYY-MM-DD"): its classes (weekend, holiday, today) and its shift tags { id, name }. */
export function rosterCell(html, userId, day) {
  const m = new RegExp(`<td(?: class="([^"]*)")? data-user="${userId}" data-day="${day}">([\\s\\S]*?)</td>`).exec(html);
  if (!m) return null;
  const tags = [...m[2].matchAll(/data-roster="(\d+)"[^>]*>(?:<svg[\s\S]*?<\/svg>)?([^<]*)/g)].map((t) => ({ id: t[1], name: t[2] }));
  return { classes: (m[1] || '').split(' '), tags };
}

/** Assigns a shift through the grid's form, at the grid's current version; returns the answer. */
export async function rosterAssign(client, month, userId, day, typeId, version) {
  const v = version ?? (await rosterPage(client, month)).version;
  return client.postForm('/staff/roster/assign', { user_id: String(userId), day, shift_type_id: String(typeId), month, version: v });
}

// ------------------------------------------------------------ reports --

/**
 * The first sheet of an .xlsx (a Buffer) as a real reader sees it: { freeze, head, rows, types }
 * (types: the Python type name of each body cell: int, float, str, datetime, NoneType). Reads with
 * Debian's python3-openpyxl: /usr/bin/python3 first, as a pyenv python3 on PATH may lack it
 * ($AS_PYTHON overrides).
 */
export function xlsxSheet(buffer) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'xlsx-')), 'sheet.xlsx');
  writeFileSync(file, buffer);
  const python = process.env.AS_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  return JSON.parse(execFileSync(python, ['-c', `
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c.value for c in r] for r in ws.iter_rows()]
print(json.dumps({"freeze": ws.freeze_panes, "head": rows[0] if rows else [], "rows": rows[1:],
  "types": [[type(c.value).__name__ for c in r] for r in ws.iter_rows(min_row=2)]}, default=str))`, file],
  { encoding: 'utf8' }));
}
