// The callbacks demo data (sql/demo/030_callbacks.sql), loaded into a scratch database after the
// schema, the demo staff (as scripts/stack.sh makes them) and the earlier demo files: callbacks due,
// overdue, taken, done with every outcome and unreachable, attributed to the jobs' people; the
// satisfaction of every call that reached the customer and of the online ratings; complaints in every
// status with C numbers from the daily counter, time limits, follow-up calls and timelines that end in
// each record's status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoDatabase } from './lib.mjs';

test('demo data: callbacks in every state and outcome, ratings, and complaints in every status', async (t) => {
  // the demo staff, as scripts/stack.sh makes them before the demo data
  const q = demoDatabase(t, 'demo_cb', (scratch) => scratch(`INSERT INTO users (username, display_name, role, password_hash, created_at)
    VALUES ('zhang_agent', '张敏', 'agent', 'x', NOW()), ('li_tech', '李强', 'technician', 'x', NOW()),
      ('wang_sup', '王芳', 'supervisor', 'x', NOW()), ('zhao_tech', '赵磊', 'technician', 'x', NOW())`));
  const one = (text) => q(text)[0][0];
  const user = (name) => one(`SELECT id FROM users WHERE username = '${name}'`);

  // ------------------------------------------------------------ callbacks --
  const states = Object.fromEntries(q('SELECT status, COUNT(*) FROM callbacks GROUP BY status'));
  for (const s of ['due', 'taken', 'done', 'unreachable']) assert.ok(Number(states[s]) >= 1, `no demo callback ${s}: ${JSON.stringify(states)}`);
  assert.ok(Number(one("SELECT COUNT(*) FROM callbacks WHERE status = 'due' AND due_at < NOW()")) >= 2, 'no overdue callbacks');
  assert.ok(Number(one("SELECT COUNT(*) FROM callbacks WHERE status = 'due' AND due_at > NOW()")) >= 2, 'no callbacks due later');
  const outcomes = q("SELECT DISTINCT outcome FROM callbacks WHERE outcome IS NOT NULL").map((r) => r[0]).sort();
  assert.deepEqual(outcomes, ['answered_online', 'busy', 'no_answer', 'reached', 'refused', 'wrong_number']);
  // a no-answer or busy line is due again, until the last attempt closes it as unreachable
  assert.deepEqual(q("SELECT DISTINCT status FROM callbacks WHERE outcome IN ('no_answer', 'busy')").map((r) => r[0]).sort(), ['due', 'unreachable']);
  assert.deepEqual(q("SELECT attempts FROM callbacks WHERE status = 'unreachable'"), [['3']]);
  assert.deepEqual(q("SELECT COUNT(*) FROM callbacks WHERE status IN ('done', 'unreachable') AND done_at IS NULL"), [['0']]);
  assert.deepEqual(q("SELECT taken_by FROM callbacks WHERE status = 'taken'"), [[user('zhang_agent')]], 'the taken callback has no taker');
  assert.deepEqual(q('SELECT DISTINCT reason FROM callbacks').map((r) => r[0]).sort(),
    ['bulk', 'complaint', 'exchanged', 'manual', 'refunded', 'resolved']);
  // attributed to the job's people: the repair's technician and the agent
  const repairs = q(`SELECT COUNT(*), SUM(c.technician_id <=> r.assignee_id), SUM(c.agent_id <=> ${user('zhang_agent')})
    FROM callbacks c JOIN repairs r ON r.id = c.subject_id WHERE c.subject = 'repair'`)[0].map(Number);
  assert.ok(repairs[0] >= 5 && repairs[1] === repairs[0] && repairs[2] === repairs[0], `repair callbacks attributed: ${repairs}`);
  assert.deepEqual(q(`SELECT c.id FROM callbacks c JOIN returns r ON r.id = c.subject_id WHERE c.subject = 'return'
    AND NOT (c.technician_id <=> r.inspected_by)`), [], 'return callbacks not attributed to the inspector');
  // the callbacks of finished jobs are about finished jobs
  assert.deepEqual(q(`SELECT c.id FROM callbacks c JOIN repairs r ON r.id = c.subject_id WHERE c.subject = 'repair'
    AND c.reason = 'resolved' AND r.status NOT IN ('resolved', 'closed')`), []);
  assert.deepEqual(q(`SELECT c.id FROM callbacks c JOIN returns r ON r.id = c.subject_id WHERE c.subject = 'return'
    AND c.reason IN ('refunded', 'exchanged') AND r.status NOT IN ('refunded', 'exchanged', 'closed')`), []);
  // the wrong number flagged its customer
  assert.deepEqual(q(`SELECT COUNT(*) FROM callbacks c JOIN customers u ON u.id = c.customer_id
    WHERE c.outcome = 'wrong_number' AND u.phone_flagged_at IS NOT NULL`), [['1']]);

  // ------------------------------------------------------------ satisfaction --
  // every call that reached the customer, and every online answer, has its rating, said then
  assert.deepEqual(q(`SELECT c.id FROM callbacks c LEFT JOIN satisfaction s ON s.callback_id = c.id
    WHERE c.outcome IN ('reached', 'answered_online') AND (s.id IS NULL OR s.created_at <> c.done_at
      OR s.source <> IF(c.outcome = 'reached', 'phone', 'online') OR s.subject <> c.subject OR s.subject_id <> c.subject_id)`), []);
  assert.deepEqual(q(`SELECT s.id FROM satisfaction s JOIN callbacks c ON c.id = s.callback_id
    WHERE NOT (s.technician_id <=> c.technician_id AND s.agent_id <=> c.agent_id)`), [], 'ratings not attributed as their callbacks');
  assert.deepEqual(q("SELECT COUNT(*) FROM satisfaction WHERE source = 'online' AND online_id <> subject_id"), [['0']]);
  assert.ok(Number(one("SELECT COUNT(*) FROM satisfaction WHERE source = 'online'")) >= 2);
  assert.ok(Number(one(`SELECT COUNT(*) FROM satisfaction WHERE attitude BETWEEN 1 AND 5 AND timeliness BETWEEN 1 AND 5
    AND quality BETWEEN 1 AND 5 AND overall BETWEEN 1 AND 5`)) === Number(one('SELECT COUNT(*) FROM satisfaction')));
  // an online rating thanks the customer on the request's timeline
  assert.deepEqual(q(`SELECT s.id FROM satisfaction s WHERE s.source = 'online' AND NOT EXISTS (SELECT 1 FROM events e
    WHERE e.subject = s.subject AND e.subject_id = s.subject_id AND e.action = 'rating' AND e.public_note = '感谢您的评价')`), []);

  // ------------------------------------------------------------ complaints --
  const kinds = Object.fromEntries(q('SELECT status, COUNT(*) FROM complaints GROUP BY status'));
  for (const s of ['open', 'investigating', 'resolved', 'closed', 'reopened']) assert.ok(Number(kinds[s]) >= 1, `no demo complaint ${s}: ${JSON.stringify(kinds)}`);
  assert.deepEqual(q('SELECT DISTINCT source FROM complaints').map((r) => r[0]).sort(), ['low_score', 'not_solved', 'online', 'phone']);
  const nos = q('SELECT public_no FROM complaints').map((r) => r[0]);
  assert.ok(nos.every((no) => /^C\d{8}-\d{4}$/.test(no)), `bad numbers: ${nos}`);
  assert.deepEqual(q(`SELECT public_no FROM complaints k WHERE SUBSTRING(k.public_no, 2, 8) <> DATE_FORMAT(k.created_at, '%Y%m%d')`), []);
  assert.deepEqual(q(`SELECT public_no FROM complaints k LEFT JOIN daily_counters c ON c.kind = 'C'
    AND c.day = STR_TO_DATE(SUBSTRING(k.public_no, 2, 8), '%Y%m%d')
    WHERE c.last IS NULL OR c.last < CAST(SUBSTRING(k.public_no, 11) AS UNSIGNED)`), [], 'numbers above their day\'s counter');
  // time limits: the response before the resolution; one open complaint is past its response time
  assert.deepEqual(q('SELECT public_no FROM complaints WHERE response_due <= created_at OR resolve_due <= response_due'), []);
  assert.ok(Number(one('SELECT COUNT(*) FROM complaints WHERE open_due < NOW()')) >= 1, 'no overdue complaint');
  assert.deepEqual(q("SELECT public_no FROM complaints WHERE status <> 'open' AND (responded_at IS NULL OR handler_id IS NULL)"), []);
  assert.deepEqual(q(`SELECT public_no FROM complaints WHERE status IN ('resolved', 'closed', 'reopened')
    AND (resolved_at IS NULL OR cause = '' OR measures = '')`), []);
  assert.deepEqual(q("SELECT public_no FROM complaints WHERE (status = 'closed') <> (closed_at IS NOT NULL)"), []);
  // a bad rating opened its complaint, linked to the rating and the call
  assert.deepEqual(q(`SELECT k.public_no FROM complaints k LEFT JOIN satisfaction s ON s.id = k.satisfaction_id
    WHERE k.source IN ('low_score', 'not_solved') AND (s.id IS NULL OR k.callback_id <> s.callback_id
      OR (k.source = 'not_solved') <> (s.solved = 0) OR (s.solved = 1 AND LEAST(s.attitude, s.timeliness, s.quality, s.overall) > 2))`), []);
  // resolved ones have their follow-up call, which points back; the customer's word on it closed or reopened them
  const followups = q(`SELECT k.status, c.status, c.reason, c.complaint_id = k.id, COALESCE(s.solved, '-') FROM complaints k
    JOIN callbacks c ON c.id = k.followup_callback_id LEFT JOIN satisfaction s ON s.callback_id = c.id
    WHERE k.status IN ('resolved', 'closed', 'reopened') ORDER BY FIELD(k.status, 'resolved', 'closed', 'reopened')`);
  assert.deepEqual(followups, [['resolved', 'due', 'complaint', '1', '-'], ['closed', 'done', 'complaint', '1', '1'],
    ['reopened', 'done', 'complaint', '1', '0']]);
  assert.deepEqual(q(`SELECT public_no FROM complaints WHERE status IN ('resolved', 'closed', 'reopened') AND followup_callback_id IS NULL`), []);
  // a complaint about a repair or return says so on the request's timeline
  assert.deepEqual(q(`SELECT k.public_no FROM complaints k WHERE k.subject <> 'customer' AND NOT EXISTS (SELECT 1 FROM events e
    WHERE e.subject = k.subject AND e.subject_id = k.subject_id AND e.action = 'complaint' AND e.note = CONCAT('投诉 ', k.public_no)
      AND e.public_note <> '')`), []);

  // ------------------------------------------------------------ timelines --
  for (const [subject, table, first] of [['callback', 'callbacks', 'schedule'], ['complaint', 'complaints', 'open']]) {
    assert.deepEqual(q(`SELECT x.id, x.status, e.to_status FROM ${table} x
      JOIN events e ON e.subject = '${subject}' AND e.subject_id = x.id AND e.id = (SELECT id FROM events
        WHERE subject = '${subject}' AND subject_id = x.id AND to_status <> '' ORDER BY at DESC, id DESC LIMIT 1)
      WHERE e.to_status <> x.status`), [], `${table} whose last event is not their status`);
    assert.deepEqual(q(`SELECT x.id FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.subject = '${subject}'
      AND e.subject_id = x.id AND e.action = '${first}' AND e.at = x.created_at)`), [], `${table} without their first event`);
    assert.deepEqual(q(`SELECT e.id FROM events e JOIN ${table} x ON x.id = e.subject_id WHERE e.subject = '${subject}'
      AND (e.at < x.created_at OR e.at > NOW())`), [], `${subject} events outside the record's life`);
  }
  // a callback's calls match its attempts
  assert.deepEqual(q(`SELECT c.id FROM callbacks c WHERE c.attempts <> (SELECT COUNT(*) FROM events e WHERE e.subject = 'callback'
    AND e.subject_id = c.id AND e.action = 'call')`), []);
  // nothing a customer sees on /track tells an internal note: callbacks and complaint texts stay private
  assert.deepEqual(q(`SELECT id FROM events WHERE subject IN ('callback', 'complaint') AND is_public = 1`), []);
  assert.deepEqual(q(`SELECT id FROM events WHERE action = 'callback' AND is_public = 1`), []);
});
