/* The staff home page. */
#include "audit_labels.h"
#include "pages.h"
#include "response.h"
#include "repair_flow.h"
#include "repair_queue.h"
#include "return_flow.h"
#include "callback_flow.h"
#include "open_work.h"
#include "roles.h"
#include "roster_duty.h"
#include "roster_handover.h"

static const char SQL_STAFF_COUNTS[] =
	"SELECT role, COUNT(*) FROM users WHERE active = 1 GROUP BY role ORDER BY role";
#define CAPPED(table, st) "(SELECT '" st "', " CAPPED_COUNT(table " WHERE status = '" st "'") ")"
static const char SQL_REPAIR_COUNTS[] =
	CAPPED("repairs", "new") " UNION ALL " CAPPED("repairs", "accepted") " UNION ALL "
	CAPPED("repairs", "assigned") " UNION ALL " CAPPED("repairs", "in_progress") " UNION ALL "
	CAPPED("repairs", "waiting_parts");
static const char SQL_REPAIR_OVERDUE[] = "SELECT " CAPPED_COUNT(REPAIRS_OVERDUE);
static const char SQL_RETURN_COUNTS[] =
	CAPPED("returns", "requested") " UNION ALL " CAPPED("returns", "approved") " UNION ALL "
	CAPPED("returns", "received") " UNION ALL " CAPPED("returns", "inspected");
static const char SQL_RETURN_OVERDUE[] = "SELECT " CAPPED_COUNT(RETURNS_OVERDUE);
static const char SQL_COMPLAINT_COUNTS[] =
	CAPPED("complaints", "open") " UNION ALL " CAPPED("complaints", "investigating") " UNION ALL "
	CAPPED("complaints", "reopened") " UNION ALL " CAPPED("complaints", "resolved");
static const char SQL_COMPLAINT_OVERDUE[] = "SELECT " CAPPED_COUNT(COMPLAINTS_OVERDUE);
static const char SQL_CALLBACK_COUNTS[] = CAPPED("callbacks", "due") " UNION ALL " CAPPED("callbacks", "taken");
static const char SQL_CALLBACK_OVERDUE[] = "SELECT " CAPPED_COUNT(CALLBACKS_OVERDUE);
static const char SQL_CALLBACK_TODAY[] = "SELECT " CAPPED_COUNT(CALLBACKS_DUE_TODAY);
static const char SQL_MINE[] =
	"SELECT COUNT(*) FROM repairs WHERE assignee_id = ? AND status IN ('assigned','in_progress','waiting_parts')";
static const char SQL_RECENT_AUDIT[] =
	"SELECT DATE_FORMAT(at, '%m-%d %H:%i'), actor, action, target FROM audit_log ORDER BY id DESC LIMIT 8";

/* A record type's block on the home page: open ones by status and the overdue ones, linking to its queue. */
struct record_stats {
	const char *title, *list, *overdue_id;
	const struct flow *flow;
	const char *counts, *overdue;
	const char *mine;  /* the user's own open ones (/staff/my), or NULL */
	const char *today; /* the ones due before tomorrow (the list's tab=today), or NULL */
};

static const struct record_stats RECORD_STATS[] = {
	{"维修工单", "/staff/repairs", "overdue-count", &REPAIR_FLOW, SQL_REPAIR_COUNTS, SQL_REPAIR_OVERDUE, SQL_MINE, NULL},
	{"退换货", "/staff/returns", "return-overdue-count", &RETURN_FLOW, SQL_RETURN_COUNTS, SQL_RETURN_OVERDUE, NULL, NULL},
	{"投诉", "/staff/complaints", "complaint-overdue-count", &COMPLAINT_FLOW, SQL_COMPLAINT_COUNTS,
	 SQL_COMPLAINT_OVERDUE, NULL, NULL},
	{"回访", "/staff/callbacks", "callback-overdue-count", &CALLBACK_FLOW, SQL_CALLBACK_COUNTS, SQL_CALLBACK_OVERDUE, NULL,
	 SQL_CALLBACK_TODAY},
};

/* Adds the block of s to d. Returns a db_status. */
static int record_stats_fill(struct request *r, tmpl_dict *d, const struct record_stats *s)
{
	struct db_result counts, overdue, mine, today;
	int st = db_exec(r->db, &r->arena, &counts, s->counts, "");
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &overdue, s->overdue, "");
	if (st == DB_OK && s->mine)
		st = db_exec(r->db, &r->arena, &mine, s->mine, "i", r->sess.user_id);
	if (st == DB_OK && s->today)
		st = db_exec(r->db, &r->arena, &today, s->today, "");
	if (st != DB_OK)
		return st;
	tmpl_dict *block = tmpl_section(d, "RECORD_STATS");
	tmpl_set(block, "TITLE", s->title);
	tmpl_set(block, "LIST", s->list);
	tmpl_set(block, "OVERDUE_ID", s->overdue_id);
	for (size_t i = 0; i < counts.nrows; i++) {
		tmpl_dict *row = tmpl_section(block, "STATUS_COUNT");
		tmpl_set(row, "STATUS", db_cell(&counts, i, 0));
		tmpl_set(row, "LABEL", flow_status_label(s->flow, db_cell(&counts, i, 0)));
		tmpl_set(row, "COUNT", open_count_text(r, db_cell_int(&counts, i, 1)));
	}
	tmpl_set(block, "OVERDUE", open_count_text(r, db_cell_int(&overdue, 0, 0)));
	if (s->mine)
		tmpl_set(tmpl_section(block, "MINE"), "MINE_COUNT", db_cell(&mine, 0, 0));
	if (s->today)
		tmpl_set(tmpl_section(block, "TODAY"), "TODAY_COUNT", open_count_text(r, db_cell_int(&today, 0, 0)));
	return DB_OK;
}

/* GET /staff: who is on duty now and next, the handovers waiting for the user's acknowledgement, open
 * repairs, returns, complaints and callbacks by status, overdue ones, callbacks due today, the user's
 * own jobs, the staff by role and, for admins, the latest audit entries. Answers 200. */
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
	/* A technician's day is their jobs: they come first. */
	if (r->sess.role == ROLE_TECHNICIAN)
		st = my_jobs_fill(r, tmpl_section(d, "MY_JOBS_FIRST"));
	if (st == DB_OK)
		st = duty_now_fill(r, d);
	if (st == DB_OK)
		st = handovers_waiting_fill(r, d);
	for (size_t i = 0; i < sizeof(RECORD_STATS) / sizeof(RECORD_STATS[0]) && st == DB_OK; i++)
		st = record_stats_fill(r, d, &RECORD_STATS[i]);
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
			const char *label = audit_action_label(&r->arena, db_cell(&recent, i, 2));
			tmpl_set(row, "ACTION", label ? label : db_cell(&recent, i, 2));
			tmpl_set(row, "TARGET", db_cell(&recent, i, 3));
		}
	}
	return 0;
}
