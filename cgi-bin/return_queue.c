/* The staff list of returns with filters, search and keyset paging. */
#include "form.h"
#include "customer_phones.h"
#include "list.h"
#include "pages.h"
#include "response.h"
#include "return_flow.h"
#include "valid.h"

#include <string.h>

#define QUEUE_COLUMNS \
	"SELECT t.id, t.public_no, DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i'), t.contact_name, t.contact_phone, " \
	"t.product, t.kind, t.status, DATE_FORMAT(t.open_due, '%Y-%m-%d %H:%i'), t.open_due < NOW(), " \
	"DATE_FORMAT(t.open_due, '%Y-%m-%d %H:%i:%s'), t.amount_paid IS NOT NULL, COALESCE(t.amount_paid, 0), " \
	"DATE_FORMAT(t.created_at, '%Y-%m-%d %H:%i:%s') FROM returns t "
enum { COL_DUE_KEY = 10, COL_CREATED_KEY = 13 };

/* A filter is off when its first parameter is empty or 0, as in the repair queue. A phone-like q is
 * also tried as an order number: some shops' order numbers are eleven digits. */
#define QUEUE_FILTERS \
	"WHERE (? = '' OR t.status = ?) AND (? = '' OR t.kind = ?) AND (? = 0 OR t.open_due < NOW()) " \
	"AND (? = '' OR t.created_at >= ?) AND (? = '' OR t.created_at < DATE_ADD(?, INTERVAL 1 DAY)) " \
	"AND (? = '' OR t.public_no = ?) " \
	"AND (? = '' OR t.contact_phone = ? OR t.customer_id IN " CUSTOMER_IDS " OR t.order_no = ?) " \
	"AND (? = '' OR t.order_no = ? OR t.serial_no = ? OR t.contact_name LIKE CONCAT(?, '%')) "

/* status, kind, overdue, from, to, number, phone (any of the customer's, and as order number), text
 * (order, serial, name) */
#define FILTER_TYPES "ssss" "i" "ssss" "ss" "ss" CUSTOMER_IDS_TYPES "s" "ssss"

static const char SQL_QUEUE_NEW[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_ID_DESC("t");
static const char SQL_QUEUE_OLD[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_ID_ASC("t");
/* Only returns waiting for an answer or a refund have a due time (open_due, sql/006_returns.sql). */
static const char SQL_QUEUE_DUE[] = QUEUE_COLUMNS QUEUE_FILTERS LIST_BY_OPEN_DUE("t");
/* With a date range the rows come in the order of returns_created, so the range is read in order and
 * the page stops after 51 rows: ordered by id, an old range meant skipping every newer return. */
static const char SQL_QUEUE_NEW_DATED[] = QUEUE_COLUMNS QUEUE_FILTERS
	"AND (? = '' OR t.created_at < ? OR (t.created_at = ? AND t.id < ?)) "
	"ORDER BY t.created_at DESC, t.id DESC " LIST_SQL_LIMIT;
static const char SQL_QUEUE_OLD_DATED[] = QUEUE_COLUMNS QUEUE_FILTERS
	"AND (? = '' OR t.created_at > ? OR (t.created_at = ? AND t.id > ?)) "
	"ORDER BY t.created_at, t.id " LIST_SQL_LIMIT;

static const char *const SORTS[][2] = {{"new", "最新提交"}, {"old", "最早提交"}, {"due", "时限最近（待处理）"}};
#define NSORTS (sizeof(SORTS) / sizeof(SORTS[0]))

struct queue_filter {
	struct list_filter list;
	const char *kind;
	int dated;
};

static void filter_read(struct request *r, struct queue_filter *f)
{
	list_filter_read(r, &RETURN_FLOW, "T", SORTS, NSORTS, &f->list);
	f->kind = list_choice_read(r, "kind", RETURN_KINDS, RETURN_KINDS_N, "");
	f->dated = strcmp(f->list.sort, "due") && (*f->list.from || *f->list.to);
}

/* The column the order starts with, for the cursor: -1 for the id alone. */
static int key_column(const struct queue_filter *f)
{
	return !strcmp(f->list.sort, "due") ? COL_DUE_KEY : f->dated ? COL_CREATED_KEY : -1;
}

static int run_queue(struct request *r, const struct queue_filter *qf, struct db_result *res)
{
	const struct list_filter *f = &qf->list;
	const struct list_search *q = &f->search;
	const int due = !strcmp(f->sort, "due"), old = !strcmp(f->sort, "old");
	/* A status whose clock is stopped has no due time to sort by: nothing to list, and no need to
	 * read every open return's due time to find that out. */
	if (due && *f->status && !return_clock_runs(f->status)) {
		*res = (struct db_result){0};
		return DB_OK;
	}
	const char *sql = due ? SQL_QUEUE_DUE
			  : qf->dated ? (old ? SQL_QUEUE_OLD_DATED : SQL_QUEUE_NEW_DATED)
			  : old ? SQL_QUEUE_OLD : SQL_QUEUE_NEW;
	const char *key;
	long long after_id;
	list_cursor_read(&r->arena, f->after, key_column(qf) >= 0, &key, &after_id);
	long long c[CUSTOMER_IDS_MAX];
	int st = customer_phones_owners(r, q->phone, c);
	if (st != DB_OK)
		return st;
	if (key_column(qf) >= 0)
		return db_exec(r->db, &r->arena, res, sql, FILTER_TYPES "sssi", f->status, f->status, qf->kind,
			       qf->kind, (long long)f->overdue, f->from, f->from, f->to, f->to, q->no, q->no, q->phone,
			       q->phone, c[0], c[1], c[2], c[3], c[4], q->q, q->text, q->text, q->text, q->like, key, key, key, after_id);
	return db_exec(r->db, &r->arena, res, sql, FILTER_TYPES "ii", f->status, f->status, qf->kind, qf->kind,
		       (long long)f->overdue, f->from, f->from, f->to, f->to, q->no, q->no, q->phone, q->phone, c[0],
		       c[1], c[2], c[3], c[4], q->q, q->text, q->text, q->text, q->like, after_id, after_id);
}

static void queue_row(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i)
{
	tmpl_dict *row = list_row_begin(d, res, i, 0);
	tmpl_set(row, "PRODUCT", db_cell(res, i, 5));
	tmpl_set(row, "KIND_LABEL", return_kind_label(db_cell(res, i, 6)));
	tmpl_set(row, "STATUS", db_cell(res, i, 7));
	tmpl_set(row, "STATUS_LABEL", flow_status_label(&RETURN_FLOW, db_cell(res, i, 7)));
	tmpl_set(row, "DUE", db_cell(res, i, 8));
	if (db_cell_int(res, i, 9))
		tmpl_show(row, "OVERDUE");
	if (db_cell_int(res, i, 11))
		tmpl_set(row, "PAID", money_format(&r->arena, db_cell_int(res, i, 12)));
}

/* GET /staff/returns (status, kind, overdue, from, to, q, sort, after): 50 rows a page, phones
 * masked. Answers 200. */
int page_return_queue(struct request *r)
{
	struct queue_filter f;
	filter_read(r, &f);
	struct db_result res;
	int st = run_queue(r, &f, &res);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "return_queue.tpl", "退换货");
	list_filter_fill(d, &RETURN_FLOW, &f.list, SORTS, NSORTS);
	form_options(d, "KIND_OPTION", RETURN_KINDS, RETURN_KINDS_N, f.kind);
	if (r->sess.role != ROLE_TECHNICIAN)
		tmpl_show(d, "CAN_INTAKE");
	const struct list_param kind = {"kind", f.kind};
	list_page_fill(r, d, &res, &f.list, &kind, 1, key_column(&f), queue_row);
	return 0;
}
