/* The staff repair queue with filters and keyset pagination, and a technician's own jobs. */
#include "customer_phones.h"
#include "list.h"
#include "pages.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "repair_queue.h"
#include "response.h"
#include "roster_duty.h"
#include "valid.h"

#include <string.h>

#define QUEUE_COLUMNS \
	"SELECT r.id, r.public_no, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i'), r.contact_name, r.contact_phone, " \
	"r.product, r.status, r.priority, u.display_name, DATE_FORMAT(r.due_at, '%Y-%m-%d %H:%i'), " \
	"r.status IN (" REPAIR_CLOCK_STATUSES ") AND r.due_at < NOW(), " \
	"DATE_FORMAT(r.due_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(r.visit_at, '%Y-%m-%d %H:%i'), r.address " \
	"FROM repairs r LEFT JOIN users u ON u.id = r.assignee_id "

/* Each filter is off when its first parameter is empty or 0, so one prepared statement serves every
 * combination; MariaDB optimises each execution with the actual values, so the right index is used. */
#define QUEUE_FILTERS \
	"WHERE (? = '' OR r.status = ?) " \
	"AND (? = 0 OR r.assignee_id = ?) AND (? = 0 OR r.assignee_id IS NULL) " \
	"AND (? = 0 OR (r.status IN (" REPAIR_CLOCK_STATUSES ") AND r.due_at < NOW())) " \
	"AND (? = '' OR r.created_at >= ?) AND (? = '' OR r.created_at < DATE_ADD(?, INTERVAL 1 DAY)) " \
	"AND (? = '' OR r.public_no = ?) " \
	"AND (? = '' OR r.contact_phone = ? OR r.customer_id IN " CUSTOMER_IDS ") " \
	"AND (? = '' OR r.serial_no = ? OR r.contact_name LIKE CONCAT(?, '%') OR r.product LIKE CONCAT(?, '%') " \
	"OR (? <> '' AND r.phone_tail = ?)) "

static const char SQL_QUEUE_NEW[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_ID_DESC("r");
static const char SQL_QUEUE_OLD[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_ID_ASC("r");
/* Only open repairs have a due time to sort by (open_due, sql/003_open_due.sql). */
static const char SQL_QUEUE_DUE[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_OPEN_DUE("r");
static const char SQL_MY_JOBS[] = QUEUE_COLUMNS
	"WHERE r.assignee_id = ? AND r.status IN ('assigned','in_progress','waiting_parts') "
	"ORDER BY r.visit_at IS NULL, DATE(r.visit_at) <> CURDATE(), r.visit_at, r.id LIMIT 200";

struct queue_filter {
	struct list_filter list;
	long long assignee;
	int unassigned;
};

static const char *const SORTS[][2] = {{"new", "最新提交"}, {"old", "最早提交"}, {"due", "时限最近（处理中）"}};
#define NSORTS (sizeof(SORTS) / sizeof(SORTS[0]))

static void filter_read(struct request *r, struct queue_filter *f)
{
	list_filter_read(r, &REPAIR_FLOW, "R", SORTS, NSORTS, &f->list);
	const char *a = list_param(r, "assignee", 20);
	f->unassigned = !strcmp(a, "none");
	if (!strcmp(a, "me"))
		f->assignee = r->sess.user_id;
	else if (!parse_id(a, &f->assignee))
		f->assignee = 0;
	/* Technicians list (and find by phone) only the jobs assigned to them. */
	if (r->sess.role == ROLE_TECHNICIAN) {
		f->assignee = r->sess.user_id;
		f->unassigned = 0;
	}
}

/* The cursor of sort "due" is "YYYY-MM-DD HH:MM:SS|id"; the others are an id. */
static int run_queue(struct request *r, const struct queue_filter *qf, struct db_result *res)
{
	const struct list_filter *f = &qf->list;
	const struct list_search *q = &f->search;
	const char *due;
	long long after_id;
	list_cursor_read(&r->arena, f->after, !strcmp(f->sort, "due"), &due, &after_id);
	long long c[CUSTOMER_IDS_MAX];
	int st = customer_phones_owners(r, q->phone, c);
	if (st != DB_OK)
		return st;
	if (!strcmp(f->sort, "due"))
		return db_exec(r->db, &r->arena, res, SQL_QUEUE_DUE,
			       "ssiiii" "ssssssss" CUSTOMER_IDS_TYPES "sssssssssi", f->status, f->status, qf->assignee,
			       qf->assignee, (long long)qf->unassigned, (long long)f->overdue, f->from, f->from, f->to,
			       f->to, q->no, q->no, q->phone, q->phone, c[0], c[1], c[2], c[3], c[4], q->text, q->text,
			       q->like, q->like, q->tail, q->tail, due, due, due, after_id);
	return db_exec(r->db, &r->arena, res, !strcmp(f->sort, "old") ? SQL_QUEUE_OLD : SQL_QUEUE_NEW,
		       "ssiiii" "ssssssss" CUSTOMER_IDS_TYPES "ssssssii", f->status, f->status, qf->assignee, qf->assignee,
		       (long long)qf->unassigned, (long long)f->overdue, f->from, f->from, f->to, f->to, q->no,
		       q->no, q->phone, q->phone, c[0], c[1], c[2], c[3], c[4], q->text, q->text, q->like, q->like,
		       q->tail, q->tail, after_id, after_id);
}

/* One row of a list; the phone is masked unless show_phone. */
static void queue_row(tmpl_dict *d, const struct db_result *res, size_t i, int show_phone)
{
	tmpl_dict *row = list_row_begin(d, res, i, show_phone);
	tmpl_set(row, "PRODUCT", db_cell(res, i, 5));
	tmpl_set(row, "STATUS", db_cell(res, i, 6));
	tmpl_set(row, "STATUS_LABEL", repair_status_label(db_cell(res, i, 6)));
	tmpl_set(row, "PRIORITY_LABEL", priority_label(db_cell(res, i, 7)));
	tmpl_set(row, "ASSIGNEE", db_cell(res, i, 8));
	tmpl_set(row, "DUE", db_cell(res, i, 9));
	tmpl_set(row, "VISIT", db_cell(res, i, 12));
	tmpl_set_filled(row, "ADDRESS", db_cell(res, i, 13));
	if (db_cell_int(res, i, 10))
		tmpl_show(row, "OVERDUE");
}

static void queue_row_masked(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i)
{
	(void)r;
	queue_row(d, res, i, 0);
}

/* GET /staff/repairs (status, assignee, overdue, from, to, q, sort, after): 50 rows a page, phones
 * masked. Answers 200. */
int page_repair_queue(struct request *r)
{
	struct queue_filter f;
	filter_read(r, &f);
	struct db_result res;
	int st = run_queue(r, &f, &res);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "repair_queue.tpl", "维修工单");
	if (f.unassigned)
		tmpl_show(d, "UNASSIGNED_SELECTED");
	if (r->sess.role == ROLE_TECHNICIAN) {
		tmpl_show(d, "ONLY_MINE");
	} else {
		tmpl_show(d, "ASSIGNEE_FILTER");
		st = technician_options(r, d, "ASSIGNEE_OPTION", f.assignee);
		if (st != DB_OK)
			return st;
	}
	list_filter_fill(d, &REPAIR_FLOW, &f.list, SORTS, NSORTS);
	if (f.assignee == r->sess.user_id && f.assignee)
		tmpl_show(d, "ME_SELECTED");
	if (r->sess.role != ROLE_TECHNICIAN)
		tmpl_show(d, "CAN_INTAKE");
	const struct list_param assignee = {
		"assignee", f.unassigned ? "none" : f.assignee ? arena_printf(&r->arena, "%lld", f.assignee) : "",
	};
	list_page_fill(r, d, &res, &f.list, &assignee, 1, strcmp(f.list.sort, "due") ? -1 : 11, queue_row_masked);
	return 0;
}

int my_jobs_fill(struct request *r, tmpl_dict *d)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_MY_JOBS, "i", r->sess.user_id);
	if (st != DB_OK)
		return st;
	tmpl_dict *t = tmpl_include(d, "MY_JOBS", "my_jobs_table.tpl");
	for (size_t i = 0; i < res.nrows; i++)
		queue_row(t, &res, i, 1);
	if (!res.nrows)
		tmpl_show(t, "EMPTY");
	return DB_OK;
}

/* GET /staff/my: the signed-in user's open jobs, today's visits first, with phone and address for
 * the visit, and their shifts of the next 14 days. Answers 200. */
int page_my_jobs(struct request *r)
{
	tmpl_dict *d = page_begin(r, 200, "my_jobs.tpl", "我的工单");
	int st = my_jobs_fill(r, d);
	return st != DB_OK ? st : my_shifts_fill(r, d);
}
