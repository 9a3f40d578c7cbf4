// The roster demo data (sql/demo/040_roster.sql), loaded into a scratch database after the schema,
// the demo staff (as scripts/stack.sh makes them) and the earlier demo files: the shift types with a
// night shift and a duty officer's, every day of the current month rostered by rules the program
// keeps (no overlap, 8 hours' rest, at most 6 days in a row) before and after the pending swap, and
// the handover of the last shift that ended waiting for the next shift's acknowledgement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoDatabase } from './lib.mjs';

const MIN_REST = 8 * 60;
const MAX_DAYS = 6;

/** Broken rules of one person's shifts ({ day, start, end } in minutes since 1970), as text. */
function broken(shifts) {
  const s = [...shifts].sort((a, b) => a.start - b.start);
  const out = [];
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    if (s[i].start < s[i - 1].end + MIN_REST) out.push(`rest ${s[i].start - s[i - 1].end} min before day ${s[i].day}`);
    run = s[i].day === s[i - 1].day + 1 ? run + 1 : s[i].day === s[i - 1].day ? run : 1;
    if (run > MAX_DAYS) out.push(`${run} days in a row to day ${s[i].day}`);
  }
  return out;
}

test('demo data: shift types, the current month rostered by the rules, a pending swap, a handover waiting', async (t) => {
  const q = demoDatabase(t, 'demo_roster', (scratch) => scratch(`INSERT INTO users (username, display_name, role, password_hash, created_at)
    VALUES ('zhang_agent', '张敏', 'agent', 'x', NOW()), ('li_tech', '李强', 'technician', 'x', NOW()),
      ('wang_sup', '王芳', 'supervisor', 'x', NOW()), ('zhao_tech', '赵磊', 'technician', 'x', NOW())`));
  const one = (text) => q(text)[0][0];

  assert.deepEqual(q('SELECT name, start_min, end_min, duty_officer, active FROM shift_types ORDER BY id'), [
    ['早班', '480', '960', '0', '1'], ['中班', '840', '1320', '0', '1'], ['夜班', '1320', '480', '0', '1'], ['总值班', '480', '1200', '1', '1']]);

  // every day of the month has its 中班 and 夜班, and the 早班 or the 总值班; all four people work
  const days = q(`SELECT DATE_FORMAT(d.day, '%Y-%m-%d'),
      (SELECT GROUP_CONCAT(t.name ORDER BY t.id) FROM roster r JOIN shift_types t ON t.id = r.shift_type_id WHERE r.day = d.day)
    FROM (SELECT DATE_FORMAT(CURDATE(), '%Y-%m-01') + INTERVAL seq DAY AS day FROM seq_0_to_30) d
    WHERE d.day <= LAST_DAY(CURDATE())`);
  assert.equal(days.length, Number(one('SELECT DAY(LAST_DAY(CURDATE()))')));
  for (const [day, names] of days) assert.match(names, /^(早班,中班,夜班|中班,夜班,总值班)$/, `${day}: ${names}`);
  assert.ok(days.some(([, n]) => n.includes('总值班')) && days.some(([, n]) => n.includes('早班')));
  assert.equal(one('SELECT COUNT(DISTINCT user_id) FROM roster'), '4');

  // the rules, person by person, now and with the swap approved
  const rows = q(`SELECT r.id, r.user_id, DATEDIFF(r.day, '1970-01-01'), t.start_min, t.end_min FROM roster r
    JOIN shift_types t ON t.id = r.shift_type_id`).map(([id, user, day, start, end]) => {
    const s = Number(day) * 1440 + Number(start);
    const e = Number(day) * 1440 + Number(end) + (Number(end) <= Number(start) ? 1440 : 0);
    return { id, user, day: Number(day), start: s, end: e };
  });
  const check = (list, when) => {
    for (const user of new Set(list.map((r) => r.user))) {
      assert.deepEqual(broken(list.filter((r) => r.user === user)), [], `user ${user} ${when}`);
    }
  };
  check(rows, 'as rostered');

  const swaps = q(`SELECT w.requester_id, w.requester_roster_id, w.colleague_id, w.colleague_roster_id, w.reason,
    a.user_id, b.user_id, a.day = b.day FROM shift_swaps w JOIN roster a ON a.id = w.requester_roster_id
    JOIN roster b ON b.id = w.colleague_roster_id WHERE w.status = 'requested'`);
  assert.equal(swaps.length, 1, 'not one pending swap');
  const [requester, reqRow, colleague, colRow, reason, reqOwner, colOwner] = swaps[0];
  assert.deepEqual([reqOwner, colOwner], [requester, colleague], 'the swap\'s shifts are not its people\'s');
  assert.notEqual(requester, colleague);
  assert.ok(reason.length > 0);
  const swapped = rows.map((r) => (r.id === reqRow ? { ...r, user: colleague } : r.id === colRow ? { ...r, user: requester } : r));
  check(swapped, 'after the swap');
  assert.deepEqual(q(`SELECT e.action, e.to_status FROM events e JOIN shift_swaps w ON w.id = e.subject_id
    WHERE e.subject = 'swap'`), [['request', 'requested']]);

  // the handover of the last shift that ended, unacknowledged, written before its end; someone is on the next shift
  const handovers = q(`SELECT h.id, h.open_items, h.acknowledged_at IS NULL, h.created_at <= NOW(),
    TIMESTAMP(h.day) + INTERVAL (t.end_min + IF(t.end_min <= t.start_min, 1440, 0)) MINUTE <= NOW(),
    TIMESTAMP(h.day) + INTERVAL (t.end_min + IF(t.end_min <= t.start_min, 1440, 0)) MINUTE > NOW() - INTERVAL 1 DAY,
    (SELECT COUNT(*) FROM roster n JOIN shift_types nt ON nt.id = n.shift_type_id WHERE n.day BETWEEN h.day AND h.day + INTERVAL 1 DAY
      AND TIMESTAMP(n.day) + INTERVAL nt.start_min MINUTE > TIMESTAMP(h.day) + INTERVAL t.start_min MINUTE)
    FROM handovers h JOIN shift_types t ON t.id = h.shift_type_id`);
  assert.equal(handovers.length, 1);
  const [id, items, waiting, written, ended, recent, later] = handovers[0];
  assert.deepEqual([waiting, written, ended, recent], ['1', '1', '1', '1'], `handover ${id}`);
  assert.ok(Number(later) >= 1, 'nobody works after the handed-over shift');
  const lines = items.split('\\n');
  assert.deepEqual(lines.map((l) => l.split(' ')[0]), ['超时维修工单', '超时退换货', '等待配件的维修', '今日到期回访', '未结投诉']);
  assert.match(lines[0], /^超时维修工单 [1-9]\d*：R\d{8}-9\d{3}/, 'the demo overdue repairs are not in the handover');
  assert.deepEqual(q(`SELECT action FROM events WHERE subject = 'handover' AND subject_id = ${Number(id)}`), [['write']]);

  // a duty officer's note, on a day that person was the duty officer
  assert.equal(one(`SELECT COUNT(*) FROM duty_notes n JOIN roster r ON r.user_id = n.user_id AND r.day = n.day
    AND r.shift_type_id = n.shift_type_id JOIN shift_types t ON t.id = n.shift_type_id AND t.duty_officer = 1
    WHERE n.created_at <= NOW()`), '1');
});
