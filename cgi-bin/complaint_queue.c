/* The staff list of complaints (投诉) with filters, search and keyset paging. */
#include "callback_flow.h"
#include "form.h"
#include "list.h"
#include "pages.h"
#include "response.h"

#include <string.h>

#define QUEUE_COLUMNS \
	"SELECT k.id, k.public_no, DATE_FORMAT(k.created_at, '%Y-%m-%d %H:%i'), c.name, c.phone, " \
	"COALESCE(rp.public_no, rt.public_no, ''), k.subject, k.subject_id, k.source, k.status, " \
	"COALESCE(u.display_name, ''), DATE_FORMAT(k.open_due, '%Y-%m-%d %H:%i'), k.open_due < NOW(), " \
	"DATE_FORMAT(k.open_due, '%Y-%m-%d %H:%i:%s') " \
	"FROM complaints k JOIN customers c ON c.id = k.customer_id " \
	"LEFT JOIN repairs rp ON k.subject = 'repair' AND rp.id = k.subject_id " \
	"LEFT JOIN returns rt ON k.subject = 'return' AND rt.id = k.subject_id " \
	"LEFT JOIN users u ON u.id = k.handler_id "
enum { COL_SUBJECT_NO = 5, COL_DUE_KEY = 13 };

/* A filter is off when its first parameter is empty or 0. A number is the complaint's own or the
 * number of the repair or return it is about. */
#define QUEUE_FILTERS \
	"WHERE (? = '' OR k.status = ?) AND (? = '' OR k.source = ?) AND (? = 0 OR k.open_due < NOW()) " \
	"AND (? = '' OR k.created_at >= ?) AND (? = '' OR k.created_at < DATE_ADD(?, INTERVAL 1 DAY)) " \
	"AND (? = '' OR k.public_no = ? " \
	"OR (k.subject = 'repair' AND k.subject_id = (SELECT id FROM repairs WHERE public_no = ?)) " \
	"OR (k.subject = 'return' AND k.subject_id = (SELECT id FROM returns WHERE public_no = ?))) " \
	"AND (? = '' OR c.phone = ?) AND (? = '' OR c.name LIKE CONCAT(?, '%')) "

/* status, source, overdue, from, to, number (own, repair's, return's), phone, name */
#define FILTER_TYPES "ssss" "i" "ssss" "ssss" "ss" "ss"

static const char SQL_QUEUE_NEW[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_ID_DESC("k");
static const char SQL_QUEUE_OLD[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_ID_ASC("k");
/* open_due is the next time limit of a complaint still being handled, NULL otherwise
 * (sql/007_callbacks_complaints.sql): this order reads complaints_open_due. */
static const char SQL_QUEUE_DUE[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_OPEN_DUE("k");

static const char *const SORTS[][2] = {{"new", "最新登记"}, {"old", "最早登记"}, {"due", "时限最近（处理中）"}};
#define NSORTS (sizeof(SORTS) / sizeof(SORTS[0]))

struct queue_filter {
	struct list_filter list;
	const char *source;
};

static int run_queue(struct request *r, const struct queue_filter *qf, struct db_result *res)
{
	const struct list_filter *f = &qf->list;
	const struct list_search *q = &f->search;
	const int due = !strcmp(f->sort, "due");
	/* a resolved or closed complaint has no time limit left to sort by */
	if (due && *f->status && !flow_status_open(&COMPLAINT_FLOW, f->status)) {
		*res = (struct db_result){0};
		return DB_OK;
	}
	const char *key;
	long long after_id;
	list_cursor_read(&r->arena, f->after, due, &key, &after_id);
	if (due)
		return db_exec(r->db, &r->arena, res, SQL_QUEUE_DUE, FILTER_TYPES "sssi", f->status, f->status,
			       qf->source, qf->source, (long long)f->overdue, f->from, f->from, f->to, f->to, q->no, q->no,
			       q->no, q->no, q->phone, q->phone, q->text, q->like, key, key, key, after_id);
	return db_exec(r->db, &r->arena, res, !strcmp(f->sort, "old") ? SQL_QUEUE_OLD : SQL_QUEUE_NEW,
		       FILTER_TYPES "ii", f->status, f->status, qf->source, qf->source, (long long)f->overdue, f->from,
		       f->from, f->to, f->to, q->no, q->no, q->no, q->no, q->phone, q->phone, q->text, q->like, after_id,
		       after_id);
}

static void queue_row(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i)
{
	(void)r;
	tmpl_dict *row = list_row_begin(d, res, i, 0);
	const char *subject = db_cell(res, i, 6);
	if (*db_cell(res, i, COL_SUBJECT_NO)) {
		tmpl_dict *s = tmpl_section(row, "SUBJECT");
		tmpl_set(s, "SUBJECT_PATH", !strcmp(subject, "repair") ? "repairs" : "returns");
		tmpl_set(s, "SUBJECT_ID", db_cell(res, i, 7));
		tmpl_set(s, "SUBJECT_NO", db_cell(res, i, COL_SUBJECT_NO));
	}
	tmpl_set(row, "SOURCE_LABEL", complaint_source_label(db_cell(res, i, 8)));
	tmpl_set(row, "STATUS", db_cell(res, i, 9));
	tmpl_set(row, "STATUS_LABEL", flow_status_label(&COMPLAINT_FLOW, db_cell(res, i, 9)));
	tmpl_set(row, "HANDLER", db_cell(res, i, 10));
	tmpl_set(row, "DUE", db_cell(res, i, 11));
	if (db_cell_int(res, i, 12))
		tmpl_show(row, "OVERDUE");
}

/* GET /staff/complaints (status, source, overdue, from, to, q, sort, after): 50 rows a page, phones
 * masked; q is a complaint's number, its repair's or return's number, a phone or a name. Answers 200. */
int page_complaint_queue(struct request *r)
{
	struct queue_filter f;
	list_filter_read(r, &COMPLAINT_FLOW, "CRT", SORTS, NSORTS, &f.list);
	f.source = list_choice_read(r, "source", COMPLAINT_SOURCES, COMPLAINT_SOURCES_N, "");
	struct db_result res;
	int st = run_queue(r, &f, &res);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "complaint_queue.tpl", "投诉");
	list_filter_fill(d, &COMPLAINT_FLOW, &f.list, SORTS, NSORTS);
	form_options(d, "SOURCE_OPTION", COMPLAINT_SOURCES, COMPLAINT_SOURCES_N, f.source);
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR))
		tmpl_show(d, "CAN_OPEN");
	const struct list_param source = {"source", f.source};
	list_page_fill(r, d, &res, &f.list, &source, 1, !strcmp(f.list.sort, "due") ? COL_DUE_KEY : -1, queue_row);
	return 0;
}
