/* The duty log of a day (值班日志): its handovers, the notes of the duty officer (总值班), and what
 * was taken in during each shift worked that day. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "roster_db.h"
#include "roster_duty.h"
#include "roster_handover.h"
#include "sanbao.h"
#include "valid.h"
#include "workcal.h"

/* Each shift type worked on the day (s), its people and the repairs and returns created in its span;
 * to: the last day of the span, for the queues' date filter. */
static const char SQL_SHIFTS[] =
	"SELECT t.name, t.duty_officer, t.start_min, t.end_min, "
	"(SELECT GROUP_CONCAT(u.display_name ORDER BY u.display_name SEPARATOR '、') FROM roster p "
	"JOIN users u ON u.id = p.user_id WHERE p.day = s.day AND p.shift_type_id = t.id), "
	"DATE_FORMAT(" SHIFT_END("s", "t") " - INTERVAL 1 SECOND, '%Y-%m-%d'), "
	"(SELECT COUNT(*) FROM repairs x WHERE x.created_at >= " SHIFT_START("s", "t") " AND x.created_at < "
	SHIFT_END("s", "t") "), "
	"(SELECT COUNT(*) FROM returns x WHERE x.created_at >= " SHIFT_START("s", "t") " AND x.created_at < "
	SHIFT_END("s", "t") ") "
	"FROM (SELECT DISTINCT day, shift_type_id FROM roster WHERE day = ?) s JOIN shift_types t ON t.id = s.shift_type_id "
	"ORDER BY t.start_min, t.id";
static const char SQL_NOTES[] =
	"SELECT DATE_FORMAT(n.created_at, '%m-%d %H:%i'), u.display_name, t.name, n.note FROM duty_notes n "
	"JOIN users u ON u.id = n.user_id LEFT JOIN shift_types t ON t.id = n.shift_type_id WHERE n.day = ? ORDER BY n.id";
/* The user's duty-officer shift that day, if any. */
static const char SQL_ON_DUTY[] =
	"SELECT r.shift_type_id FROM roster r JOIN shift_types t ON t.id = r.shift_type_id "
	"WHERE r.user_id = ? AND r.day = ? AND t.duty_officer = 1 LIMIT 1";
static const char SQL_NOTE_INSERT[] =
	"INSERT INTO duty_notes (day, shift_type_id, user_id, note, created_at) VALUES (?, ?, ?, ?, NOW())";

enum { T_NAME, T_DUTY, T_START_MIN, T_END_MIN, T_PEOPLE, T_TO, T_REPAIRS, T_RETURNS };

static int shifts_fill(struct request *r, tmpl_dict *d, const char *day)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_SHIFTS, "s", day);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *s = tmpl_section(d, "SHIFT");
		tmpl_set(s, "NAME", db_cell(&res, i, T_NAME));
		if (db_cell_int(&res, i, T_DUTY))
			tmpl_show(s, "DUTY_OFFICER");
		tmpl_set(s, "HOURS", shift_hours_text(&r->arena, (int)db_cell_int(&res, i, T_START_MIN),
						      (int)db_cell_int(&res, i, T_END_MIN)));
		tmpl_set(s, "PEOPLE", db_cell(&res, i, T_PEOPLE));
		tmpl_set(s, "FROM", day);
		tmpl_set(s, "TO", db_cell(&res, i, T_TO));
		tmpl_set(s, "REPAIRS", db_cell(&res, i, T_REPAIRS));
		tmpl_set(s, "RETURNS", db_cell(&res, i, T_RETURNS));
	}
	if (!res.nrows)
		tmpl_show(d, "NO_SHIFTS");
	return DB_OK;
}

static int notes_fill(struct request *r, tmpl_dict *d, const char *day)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_NOTES, "s", day);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *s = tmpl_section(d, "NOTE");
		tmpl_set(s, "AT", db_cell(&res, i, 0));
		tmpl_set(s, "WRITER", db_cell(&res, i, 1));
		tmpl_set(s, "SHIFT", db_cell(&res, i, 2) ? db_cell(&res, i, 2) : "主管");
		tmpl_set(s, "TEXT", db_cell(&res, i, 3));
	}
	if (!res.nrows)
		tmpl_show(d, "NO_NOTES");
	return DB_OK;
}

/* May the user write the day's notes: on its duty-officer shift (*shift_type is that type) or a
 * supervisor (*shift_type 0 unless also on duty). Returns a db_status. */
static int note_writer(struct request *r, const char *day, int *may, long long *shift_type)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_ON_DUTY, "is", r->sess.user_id, day);
	*shift_type = st == DB_OK && res.nrows ? db_cell_int(&res, 0, 0) : 0;
	*may = *shift_type || (r->sess.role & ROLES_SUPERVISOR);
	return st;
}

/* The day's page; message (may be NULL) says why a note was refused. */
static int log_page(struct request *r, int status, const char *day, const char *message)
{
	tmpl_dict *d = page_begin_day(r, status, "duty_log.tpl", arena_printf(&r->arena, "值班日志 %s", day), day);
	tmpl_set(d, "MESSAGE", message);
	if (message)
		tmpl_set(d, "note", form_get(r, "note"));
	int may;
	long long shift_type;
	int st = note_writer(r, day, &may, &shift_type);
	if (st == DB_OK && may)
		tmpl_show(d, "NOTE_FORM");
	if (st == DB_OK)
		st = handover_rows_fill(r, d, day);
	if (st == DB_OK)
		st = notes_fill(r, d, day);
	if (st == DB_OK)
		st = shifts_fill(r, d, day);
	return st;
}

/* GET /staff/duty-log (date=YYYY-MM-DD, today when absent). Answers 200, or 400 for a malformed date. */
int page_duty_log(struct request *r)
{
	const char *day = query_get(r, "date");
	if (day && *day && (valid_date(day) || sanbao_day(day) < 1))
		return page_error(r, 400, "日期格式应为 YYYY-MM-DD。");
	if (!day || !*day) {
		int st = workcal_today(r, &day);
		if (st != DB_OK)
			return st;
	}
	return log_page(r, 200, day, NULL);
}

/* POST /staff/duty-log/note (csrf, date, note): a note of the day's duty officer, or of a supervisor.
 * Answers 303 to the day's log, 400 for a malformed date, or 422 with the reason (someone else, no
 * note, too long). */
int page_duty_note(struct request *r)
{
	const char *day = form_get(r, "date");
	if (!day || valid_date(day) || sanbao_day(day) < 1)
		return page_error(r, 400, "日期格式应为 YYYY-MM-DD。");
	const char *refusal = NULL;
	const char *note = form_text(r, "note", 2000, 1, "值班记录", &refusal);
	int may;
	long long shift_type;
	int st = note_writer(r, day, &may, &shift_type);
	if (st != DB_OK)
		return st;
	if (!may)
		refusal = "只有当天总值班的人员或主管可以写值班记录";
	if (refusal)
		return log_page(r, 422, day, refusal);
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_NOTE_INSERT, "ssis", day,
			     db_id_or_null(&r->arena, shift_type), r->sess.user_id, note);
	if (st == DB_OK)
		st = audit_record(r, "duty_note", arena_printf(&r->arena, "duty_log %s", day), note);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/duty-log?date=%s", day));
}
