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
#include "status_counts.h"

static const char SQL_STAFF_COUNTS[] =
	"SELECT role, COUNT(*) FROM users WHERE active = 1 GROUP BY role ORDER BY role";
/* What depends on the clock, in one statement: the overdue ones of each kind and the callbacks due
 * today (capped counts), and the user's own open jobs. Columns as enum clock_column. */
static const char SQL_CLOCK_COUNTS[] =
	"SELECT " CAPPED_COUNT(REPAIRS_OVERDUE) ", " CAPPED_COUNT(RETURNS_OVERDUE) ", " CAPPED_COUNT(COMPLAINTS_OVERDUE)
	", " CAPPED_COUNT(CALLBACKS_OVERDUE) ", " CAPPED_COUNT(CALLBACKS_DUE_TODAY) ", "
	"(SELECT COUNT(*) FROM repairs WHERE assignee_id = ? AND status IN ('assigned','in_progress','waiting_parts'))";
enum clock_column { K_REPAIRS_OVERDUE, K_RETURNS_OVERDUE, K_COMPLAINTS_OVERDUE, K_CALLBACKS_OVERDUE, K_CALLBACKS_TODAY,
		    K_MINE, K_NONE = -1 };
static const char SQL_RECENT_AUDIT[] =
	"SELECT DATE_FORMAT(at, '%m-%d %H:%i'), actor, action, target FROM audit_log ORDER BY id DESC LIMIT 8";

/* A record type's block on the home page: open ones by status (from status_counts) and the overdue
 * ones, linking to its queue. */
struct record_stats {
	const char *title, *list, *overdue_id;
	const struct flow *flow;  /* its open statuses are shown, in the table's order */
	const char *also;         /* one more status shown after them, or NULL */
	int overdue, mine, today; /* columns of SQL_CLOCK_COUNTS; K_NONE: not shown */
};

static const struct record_stats RECORD_STATS[] = {
	{"维修工单", "/staff/repairs", "overdue-count", &REPAIR_FLOW, NULL, K_REPAIRS_OVERDUE, K_MINE, K_NONE},
	{"退换货", "/staff/returns", "return-overdue-count", &RETURN_FLOW, NULL, K_RETURNS_OVERDUE, K_NONE, K_NONE},
	/* a resolved complaint waits for the customer's confirmation: the desk still watches it */
	{"投诉", "/staff/complaints", "complaint-overdue-count", &COMPLAINT_FLOW, "resolved", K_COMPLAINTS_OVERDUE, K_NONE,
	 K_NONE},
	{"回访", "/staff/callbacks", "callback-overdue-count", &CALLBACK_FLOW, NULL, K_CALLBACKS_OVERDUE, K_NONE,
	 K_CALLBACKS_TODAY},
};

static void status_count_fill(tmpl_dict *block, const struct record_stats *s, const struct db_result *counts,
			      const char *status)
{
	tmpl_dict *row = tmpl_section(block, "STATUS_COUNT");
	tmpl_set(row, "STATUS", status);
	tmpl_set(row, "LABEL", flow_status_label(s->flow, status));
	tmpl_set_int(row, "COUNT", status_count_of(counts, s->flow->subject, status));
}

/* Adds the block of s to d from the counts read for the page. */
static void record_stats_fill(struct request *r, tmpl_dict *d, const struct record_stats *s,
			      const struct db_result *counts, const struct db_result *clock)
{
	tmpl_dict *block = tmpl_section(d, "RECORD_STATS");
	tmpl_set(block, "TITLE", s->title);
	tmpl_set(block, "LIST", s->list);
	tmpl_set(block, "OVERDUE_ID", s->overdue_id);
	for (unsigned i = 0; i < s->flow->nstatuses; i++)
		if (s->flow->statuses[i].open)
			status_count_fill(block, s, counts, s->flow->statuses[i].code);
	if (s->also)
		status_count_fill(block, s, counts, s->also);
	tmpl_set(block, "OVERDUE", open_count_text(r, db_cell_int(clock, 0, (size_t)s->overdue)));
	if (s->mine != K_NONE)
		tmpl_set(tmpl_section(block, "MINE"), "MINE_COUNT", db_cell(clock, 0, (size_t)s->mine));
	if (s->today != K_NONE)
		tmpl_set(tmpl_section(block, "TODAY"), "TODAY_COUNT",
			 open_count_text(r, db_cell_int(clock, 0, (size_t)s->today)));
}

/* GET /staff: who is on duty now and next, the handovers waiting for the user's acknowledgement, open
 * repairs, returns, complaints and callbacks by status, overdue ones, callbacks due today, the user's
 * own jobs, the staff by role and, for admins, the latest audit entries. Answers 200. */
int page_staff_home(struct request *r)
{
	struct db_result counts, statuses, clock, recent = {0};
	int st = db_exec(r->db, &r->arena, &counts, SQL_STAFF_COUNTS, "");
	if (st == DB_OK)
		st = status_counts_read(r, &statuses);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &clock, SQL_CLOCK_COUNTS, "i", r->sess.user_id);
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
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < sizeof(RECORD_STATS) / sizeof(RECORD_STATS[0]); i++)
		record_stats_fill(r, d, &RECORD_STATS[i], &statuses, &clock);
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
