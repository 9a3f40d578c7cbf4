/* A complaint an agent takes on the phone (电话投诉), about a repair or return or a customer as a whole. */
#include "callback_db.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "session.h"
#include "valid.h"

#include <string.h>

static const char SQL_REQUEST[] =
	"SELECT 'repair', id, customer_id FROM repairs WHERE public_no = ? "
	"UNION ALL SELECT 'return', id, customer_id FROM returns WHERE public_no = ?";
/* A merged customer's complaints go to the record it was merged into. */
static const char SQL_CUSTOMER[] = "SELECT COALESCE(merged_into, id) FROM customers WHERE id = ?";

static const char *valid_request_no(const char *v)
{
	return public_no_valid(v, 'R') || public_no_valid(v, 'T') ? NULL : "请填写维修单号（R…）或退换货单号（T…）";
}

static const char *valid_customer_id(const char *v)
{
	long long id;
	return parse_id(v, &id) ? NULL : "客户编号应为数字";
}

enum { F_NO, F_CUSTOMER, F_DESCRIPTION, F_COUNT };

static const struct field_rule COMPLAINT_FIELDS[F_COUNT] = {
	{"no", 0, 24, valid_request_no},
	{"customer_id", 0, 18, valid_customer_id},
	{"description", 1, 2000, NULL},
};

static tmpl_dict *form_page(struct request *r, int status)
{
	tmpl_dict *d = page_begin(r, status, "complaint_new.tpl", "登记投诉");
	tmpl_set(d, "CSRF", r->sess.csrf);
	return d;
}

/* GET /staff/complaints/new (no, customer_id: what the complaint is about, when linked from a repair,
 * a return or a customer). Answers 200. */
int page_complaint_new_form(struct request *r)
{
	tmpl_dict *d = form_page(r, 200);
	tmpl_set(d, "no", query_get(r, "no"));
	tmpl_set(d, "customer_id", query_get(r, "customer_id"));
	return 0;
}

/* What the checked fields name: the request of number no (subject "repair" or "return"), else the
 * customer. Marks the field in error in d when there is none. Returns a db_status. */
static int subject_find(struct request *r, tmpl_dict *d, const char **v, const char **subject, long long *id,
			long long *customer, int *errors)
{
	struct db_result res;
	int st;
	if (*v[F_NO]) {
		st = db_exec(r->db, &r->arena, &res, SQL_REQUEST, "ss", v[F_NO], v[F_NO]);
		if (st == DB_OK && res.nrows) {
			*subject = db_cell(&res, 0, 0);
			*id = db_cell_int(&res, 0, 1);
			*customer = db_cell_int(&res, 0, 2);
		} else if (st == DB_OK) {
			form_error(r, d, "no", "没有这个单号");
			++*errors;
		}
		return st;
	}
	if (!*v[F_CUSTOMER]) {
		form_error(r, d, "no", "请填写单号或客户编号");
		++*errors;
		return DB_OK;
	}
	parse_id(v[F_CUSTOMER], customer);
	st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER, "i", *customer);
	if (st == DB_OK && res.nrows) {
		*subject = "customer";
		*id = *customer = db_cell_int(&res, 0, 0);
	} else if (st == DB_OK) {
		form_error(r, d, "customer_id", "没有这个客户");
		++*errors;
	}
	return st;
}

/* POST /staff/complaints/new (csrf, no or customer_id, description): the complaint is opened from the
 * phone with its time limits. Answers 303 to the complaint, or 422 with the form and messages. */
int page_complaint_new(struct request *r)
{
	const char *v[F_COUNT];
	tmpl_dict *d = form_page(r, 422);
	int errors = form_validate(r, COMPLAINT_FIELDS, F_COUNT, v, d);
	const char *subject = NULL;
	long long subject_id = 0, customer = 0, id = 0;
	int st = errors ? DB_OK : subject_find(r, d, v, &subject, &subject_id, &customer, &errors);
	if (st != DB_OK)
		return st;
	if (errors) {
		tmpl_set(d, "MESSAGE", "请按提示修改标红的内容后重新提交。");
		return 0;
	}
	st = db_begin(r->db);
	if (st == DB_OK)
		st = complaint_open(r, subject, subject_id, customer, 0, 0, "phone", v[F_DESCRIPTION], &id);
	if (st == DB_OK)
		st = session_flash(r, "投诉已登记");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/complaints/%lld", id));
}
