/* The staff home page. */
#include "pages.h"
#include "response.h"
#include "repair_flow.h"
#include "roles.h"

static const char SQL_STAFF_COUNTS[] =
	"SELECT role, COUNT(*) FROM users WHERE active = 1 GROUP BY role ORDER BY role";
/* The home page's counts stop at COUNT_CAP + 1 rows each: at a million repairs an exact count of
 * tens of thousands of open ones cost most of the page, and "1000+" says all a desk needs. */
#define COUNT_CAP 1000
#define CAPPED(st) "(SELECT '" st "', COUNT(*) FROM (SELECT 1 FROM repairs WHERE status = '" st "' LIMIT 1001) t)"
static const char SQL_REPAIR_COUNTS[] =
	CAPPED("new") " UNION ALL " CAPPED("accepted") " UNION ALL " CAPPED("assigned") " UNION ALL "
	CAPPED("in_progress") " UNION ALL " CAPPED("waiting_parts");
static const char SQL_OVERDUE[] =
	"SELECT COUNT(*) FROM (SELECT 1 FROM repairs FORCE INDEX (repairs_due) "
	"WHERE status IN ('accepted','assigned','in_progress') AND due_at < NOW() LIMIT 1001) t";
static const char SQL_MINE[] =
	"SELECT COUNT(*) FROM repairs WHERE assignee_id = ? AND status IN ('assigned','in_progress','waiting_parts')";
static const char SQL_RECENT_AUDIT[] =
	"SELECT DATE_FORMAT(at, '%m-%d %H:%i'), actor, action, target FROM audit_log ORDER BY id DESC LIMIT 8";

static const char *capped(struct request *r, long long n)
{
	return n > COUNT_CAP ? arena_printf(&r->arena, "%d+", COUNT_CAP) : arena_printf(&r->arena, "%lld", n);
}

static int repair_stats(struct request *r, tmpl_dict *d)
{
	struct db_result counts, overdue, mine;
	int st = db_exec(r->db, &r->arena, &counts, SQL_REPAIR_COUNTS, "");
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &overdue, SQL_OVERDUE, "");
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &mine, SQL_MINE, "i", r->sess.user_id);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < counts.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "REPAIR_COUNT");
		tmpl_set(row, "STATUS", db_cell(&counts, i, 0));
		tmpl_set(row, "LABEL", repair_status_label(db_cell(&counts, i, 0)));
		tmpl_set(row, "COUNT", capped(r, db_cell_int(&counts, i, 1)));
	}
	tmpl_set(d, "OVERDUE", capped(r, db_cell_int(&overdue, 0, 0)));
	tmpl_set(d, "MINE", db_cell(&mine, 0, 0));
	return DB_OK;
}

/* GET /staff: open repairs by status, overdue ones, the user's own jobs, the staff by role and, for
 * admins, the latest audit entries. Answers 200. */
int page_staff_home(struct request *r)
{
	struct db_result counts, recent = {0};
	int st = db_exec(r->db, &r->arena, &counts, SQL_STAFF_COUNTS, "");
	if (st == DB_OK && (r->sess.role & ROLE_ADMIN))
		st = db_exec(r->db, &r->arena, &recent, SQL_RECENT_AUDIT, "");
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "staff_home.tpl", "工作台");
	tmpl_set(d, "USER_NAME", r->sess.display_name);
	tmpl_set(d, "ROLE_LABEL", role_label(r->sess.role));
	st = repair_stats(r, d);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < counts.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "ROLE_COUNT");
		tmpl_set(row, "LABEL", role_label(role_from_code(db_cell(&counts, i, 0))));
		tmpl_set(row, "COUNT", db_cell(&counts, i, 1));
	}
	if (r->sess.role & ROLE_ADMIN) {
		tmpl_show(d, "ADMIN");
		for (size_t i = 0; i < recent.nrows; i++) {
			tmpl_dict *row = tmpl_section(d, "RECENT");
			tmpl_set(row, "AT", db_cell(&recent, i, 0));
			tmpl_set(row, "ACTOR", db_cell(&recent, i, 1));
			tmpl_set(row, "ACTION", db_cell(&recent, i, 2));
			tmpl_set(row, "TARGET", db_cell(&recent, i, 3));
		}
	}
	return 0;
}
