/* The staff list of callbacks (回访): due today, overdue, mine, all; search and keyset paging. */
#include "callback_flow.h"
#include "callback_view.h"
#include "form.h"
#include "list.h"
#include "pages.h"
#include "response.h"

#include <string.h>

/* The number is a repair's or a return's (only one of the two is given), found in callbacks_subject. */
#define SEARCH_NUMBER \
	"AND (? = '' OR (c.subject = 'repair' AND c.subject_id = (SELECT id FROM repairs WHERE public_no = ?))) " \
	"AND (? = '' OR (c.subject = 'return' AND c.subject_id = (SELECT id FROM returns WHERE public_no = ?))) "
/* A phone or a name finds the customers first, then their callbacks (callbacks_customer): the IN must
 * stand alone in the WHERE to be read that way, so a list without them has a statement of its own,
 * with the same parameters (then all empty). */
#define SEARCH_CUSTOMER \
	"AND c.customer_id IN (SELECT id FROM customers WHERE (? = '' OR phone = ?) AND (? = '' OR name LIKE CONCAT(?, '%'))) "
#define NO_CUSTOMER "AND ? = '' AND ? = '' AND ? = '' AND ? = '' "
#define SEARCH_TYPES "ss" "ss" "ss" "ss"

/* The open tabs read callbacks_open_due in order (open_due is due_at while due or taken). */
#define OPEN_WHERE \
	CALLBACK_COLUMNS CALLBACK_FROM "WHERE (? = 0 OR c.open_due < CURDATE() + INTERVAL 1 DAY) " \
	"AND (? = 0 OR c.open_due < NOW()) AND (? = 0 OR (c.taken_by = ? AND c.status = 'taken')) " SEARCH_NUMBER
#define ALL_WHERE CALLBACK_COLUMNS CALLBACK_FROM "WHERE (? = '' OR c.status = ?) " SEARCH_NUMBER
static const char SQL_OPEN[] = OPEN_WHERE NO_CUSTOMER LIST_BY_OPEN_DUE("c");
static const char SQL_OPEN_CUSTOMER[] = OPEN_WHERE SEARCH_CUSTOMER LIST_BY_OPEN_DUE("c");
static const char SQL_ALL[] = ALL_WHERE NO_CUSTOMER LIST_BY_ID_DESC("c");
static const char SQL_ALL_CUSTOMER[] = ALL_WHERE SEARCH_CUSTOMER LIST_BY_ID_DESC("c");

static const char *const TABS[][2] = {{"today", "今日待回访"}, {"overdue", "已超时"}, {"mine", "我的回访"}, {"all", "全部"}};
#define NTABS (sizeof(TABS) / sizeof(TABS[0]))
/* The order is the tab's; list_filter_read wants a table of sorts. */
static const char *const SORTS[][2] = {{"due", "回访时间"}};

struct queue_filter {
	struct list_filter list;
	const char *tab;
	const char *no_repair, *no_return;
};

/* The tab asked for; without one, overdue=1 (the staff home's link) is the overdue tab and a status
 * (any status is only in "all") the all tab. */
static void filter_read(struct request *r, struct queue_filter *f)
{
	list_filter_read(r, &CALLBACK_FLOW, "RT", SORTS, 1, &f->list);
	const char *dflt = f->list.overdue ? "overdue" : *f->list.status ? "all" : "today";
	f->tab = list_choice_read(r, "tab", TABS, NTABS, dflt);
	if (strcmp(f->tab, "all"))
		f->list.status = "";
	f->list.overdue = !strcmp(f->tab, "overdue");
	const char *no = f->list.search.no;
	f->no_repair = no[0] == 'R' ? no : "";
	f->no_return = no[0] == 'T' ? no : "";
}

static int is_open_tab(const struct queue_filter *f)
{
	return strcmp(f->tab, "all") != 0;
}

static int run_queue(struct request *r, const struct queue_filter *qf, struct db_result *res)
{
	const struct list_filter *f = &qf->list;
	const struct list_search *q = &f->search;
	const char *key;
	long long after_id;
	int customer = *q->phone || *q->text;
	list_cursor_read(&r->arena, f->after, is_open_tab(qf), &key, &after_id);
	if (!is_open_tab(qf))
		return db_exec(r->db, &r->arena, res, customer ? SQL_ALL_CUSTOMER : SQL_ALL, "ss" SEARCH_TYPES "ii", f->status, f->status, qf->no_repair,
			       qf->no_repair, qf->no_return, qf->no_return, q->phone, q->phone, q->text, q->like, after_id,
			       after_id);
	return db_exec(r->db, &r->arena, res, customer ? SQL_OPEN_CUSTOMER : SQL_OPEN, "iiii" SEARCH_TYPES "sssi", (long long)!strcmp(qf->tab, "today"),
		       (long long)f->overdue, (long long)!strcmp(qf->tab, "mine"), r->sess.user_id, qf->no_repair,
		       qf->no_repair, qf->no_return, qf->no_return, q->phone, q->phone, q->text, q->like, key, key, key,
		       after_id);
}

static void queue_row(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i)
{
	callback_row_fill(r, list_row_begin(d, res, i, 0), res, i);
}

/* GET /staff/callbacks (tab = today | overdue | mine | all, status [all only], q, after): 50 rows a
 * page by due time (the open tabs) or newest first (all), phones masked. Answers 200. */
int page_callback_queue(struct request *r)
{
	struct queue_filter f;
	filter_read(r, &f);
	struct db_result res;
	int st = run_queue(r, &f, &res);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "callback_queue.tpl", "回访");
	list_filter_fill(d, &CALLBACK_FLOW, &f.list, SORTS, 1);
	form_options(d, "TAB", TABS, NTABS, f.tab);
	tmpl_set(d, "tab", f.tab);
	if (!is_open_tab(&f))
		tmpl_show(d, "STATUS_FILTER");
	if (r->sess.role & ROLES_SUPERVISOR)
		tmpl_show(d, "CAN_BULK");
	const struct list_param tab = {"tab", f.tab};
	list_page_fill(r, d, &res, &f.list, &tab, 1, is_open_tab(&f) ? CB_DUE_KEY : -1, queue_row);
	return 0;
}
