/* Editing the month roster one shift at a time: assign and remove, by admins and supervisors. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "session.h"
#include "roster_db.h"
#include "roster_edit.h"
#include "roster_grid.h"
#include "valid.h"

#include <string.h>

static const char SQL_NAMES[] =
	"SELECT u.display_name, t.name FROM users u JOIN shift_types t ON t.id = ? WHERE u.id = ?";
static const char SQL_INSERT[] =
	"INSERT INTO roster (user_id, day, shift_type_id, created_by, created_at) VALUES (?, ?, ?, ?, NOW())";
static const char SQL_ROW[] =
	"SELECT r.user_id, DATE_FORMAT(r.day, '%Y-%m-%d'), u.display_name, t.name FROM roster r "
	"JOIN users u ON u.id = r.user_id JOIN shift_types t ON t.id = r.shift_type_id WHERE r.id = ?";
static const char SQL_DELETE[] = "DELETE FROM roster WHERE id = ?";

const char *const ROSTER_STALE = "本月值班表已被他人修改，请刷新页面后重试。";

int roster_edit_month(struct request *r, struct roster_month *m, long long *version)
{
	const char *bad = roster_month_parse(form_trimmed(r, "month"), m) ? "月份格式不正确，应为 YYYY-MM。"
			  : !parse_int_range(form_trimmed(r, "version"), 0, 2147483647LL, version)
				  ? "缺少本月值班表的版本号，请刷新页面后重试。"
				  : NULL;
	if (bad)
		page_error(r, 400, bad);
	return bad ? -1 : 0;
}

int roster_edit_insert(struct request *r, const struct roster_add *add, const char **detail)
{
	struct db_result names;
	int st = db_exec(r->db, &r->arena, &names, SQL_NAMES, "ii", add->shift_type_id, add->user_id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_INSERT, "isii", add->user_id, add->day, add->shift_type_id,
			     r->sess.user_id);
	if (st == DB_OK)
		*detail = arena_printf(&r->arena, "%s #%lld %s %s", names.nrows ? db_cell(&names, 0, 0) : "?", add->user_id,
				       add->day, names.nrows ? db_cell(&names, 0, 1) : "?");
	return st;
}

/* Begins an edit of month m as a page loaded at version showed it. Returns a db_status; DB_STALE when
 * the month changed since. */
static int edit_begin(struct request *r, const struct roster_month *m, long long version)
{
	int st = db_begin(r->db);
	return st == DB_OK ? roster_month_take(r, m->ym, version) : st;
}

/* Ends an edit that went through: the audit entry, commit, and back to the month. */
static int edit_done(struct request *r, const struct roster_month *m, const char *action, const char *detail)
{
	int st = audit_record(r, action, arena_printf(&r->arena, "roster %s", m->ym), detail);
	if (st == DB_OK)
		st = session_flash(r, arena_printf(&r->arena, "值班表已更新：%s", detail));
	if (st == DB_OK)
		st = db_commit(r->db);
	return st != DB_OK ? st : page_redirect(r, arena_printf(&r->arena, "/staff/roster?month=%s", m->ym));
}

/* Ends an edit that was refused after its transaction began: nothing is kept. */
static int edit_refused(struct request *r, int status, const struct roster_month *m, const char *why)
{
	db_rollback(r->db);
	return status == 409 ? page_error(r, 409, why) : roster_grid_show(r, status, m, why);
}

/* POST /staff/roster/assign (user_id, day, shift_type_id, month, version). Answers 303 to the month,
 * 400 for a malformed month, 409 when the month changed since the page was loaded, or 422 with the
 * grid and the reason (a rule, an inactive person, a role the shift does not take, a day twice). */
int page_roster_assign(struct request *r)
{
	struct roster_month m;
	long long version;
	if (roster_edit_month(r, &m, &version))
		return 0;
	struct roster_add add = {0, form_trimmed(r, "day"), 0};
	if (!parse_id(form_trimmed(r, "user_id"), &add.user_id) || !parse_id(form_trimmed(r, "shift_type_id"), &add.shift_type_id))
		return roster_grid_show(r, 422, &m, "请选择员工和班次。");
	if (valid_date(add.day) || strncmp(add.day, m.ym, 7))
		return roster_grid_show(r, 422, &m, arena_printf(&r->arena, "请填写 %s 月内的日期。", m.ym));
	const char *why, *detail;
	int st = edit_begin(r, &m, version);
	if (st == DB_STALE)
		return edit_refused(r, 409, &m, ROSTER_STALE);
	if (st == DB_OK)
		st = roster_check_user(r, add.user_id, &add, 1, NULL, 0, &why);
	if (st == DB_OK && why)
		return edit_refused(r, 422, &m, why);
	if (st == DB_OK)
		st = roster_edit_insert(r, &add, &detail);
	if (st == DB_DUP)
		return edit_refused(r, 422, &m, "该员工当天已排了这个班次。");
	return st != DB_OK ? st : edit_done(r, &m, "roster_assign", detail);
}

/* POST /staff/roster/remove (roster_id, month, version). Answers 303 to the month, 400, 404 for a
 * shift that is gone, 409 when the month changed since the page was loaded, or 422 for a shift of
 * another month. Taking a shift away cannot break a rule (less work, more rest), and a person
 * deactivated since must still be taken off the roster: roster_check_user is not asked. */
int page_roster_remove(struct request *r)
{
	struct roster_month m;
	long long version, id;
	if (roster_edit_month(r, &m, &version))
		return 0;
	if (!parse_id(form_trimmed(r, "roster_id"), &id))
		return page_error(r, 400, "缺少要删除的班次。");
	struct db_result row;
	int st = edit_begin(r, &m, version);
	if (st == DB_STALE)
		return edit_refused(r, 409, &m, ROSTER_STALE);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &row, SQL_ROW, "i", id);
	if (st != DB_OK)
		return st;
	if (!row.nrows) {
		db_rollback(r->db);
		return page_error(r, 404, "该班次已不存在，可能已被删除。");
	}
	if (strncmp(db_cell(&row, 0, 1), m.ym, 7))
		return edit_refused(r, 422, &m, "该班次不在本月。");
	st = db_exec(r->db, &r->arena, NULL, SQL_DELETE, "i", id);
	return st != DB_OK ? st
			   : edit_done(r, &m, "roster_remove",
				       arena_printf(&r->arena, "%s #%s %s %s", db_cell(&row, 0, 2), db_cell(&row, 0, 0),
						    db_cell(&row, 0, 1), db_cell(&row, 0, 3)));
}
