/* Customer records: search, the record with its repairs and returns, edit, and the supervisor's merge,
 * anonymise and delete. Customers are created by intake; here they are kept tidy. */
#include "audit.h"
#include "customer_phones.h"
#include "callback_db.h"
#include "confirm.h"
#include "events.h"
#include "form.h"
#include "pages.h"
#include "repair_flow.h"
#include "return_flow.h"
#include "response.h"
#include "session.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define PAGE_ROWS 50
#define RECORDS_SHOWN 100
#define ANONYMOUS_NAME "已匿名客户"

#define CUSTOMER_LIST \
	"SELECT id, name, phone, anonymised, DATE_FORMAT(updated_at, '%Y-%m-%d') FROM customers " \
	"WHERE merged_into IS NULL "
static const char SQL_LIST_PHONE[] =
	CUSTOMER_LIST "AND id IN " CUSTOMERS_WITH_PHONE " AND id < ? ORDER BY id DESC LIMIT ?";
static const char SQL_LIST_NAME[] = CUSTOMER_LIST "AND name LIKE ? ESCAPE '!' AND id < ? ORDER BY id DESC LIMIT ?";
static const char SQL_LIST_RECENT[] = CUSTOMER_LIST
	"AND (? = 0 OR (updated_at, id) < (SELECT updated_at, id FROM customers WHERE id = ?)) "
	"ORDER BY updated_at DESC, id DESC LIMIT ?";
static const char SQL_CUSTOMER[] =
	"SELECT id, name, phone, email, address, notes, anonymised, merged_into, version, "
	"DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(phone_flagged_at, '%Y-%m-%d %H:%i') FROM customers WHERE id = ?";
/* Other records sharing any of the customer's numbers: likely the same person, to merge. */
static const char SQL_SAME_PHONE[] =
	"SELECT DISTINCT o.customer_id FROM customer_phones m JOIN customer_phones o ON o.phone = m.phone "
	"AND o.customer_id <> m.customer_id JOIN customers c ON c.id = o.customer_id AND c.merged_into IS NULL "
	"WHERE m.customer_id = ? ORDER BY o.customer_id LIMIT 10";
/* A new phone clears the mark a wrong number left (assignments run left to right: phone is the old one). */
static const char SQL_CUSTOMER_UPDATE[] =
	"UPDATE customers SET phone_flagged_at = IF(phone <=> ?, phone_flagged_at, NULL), name = ?, phone = ?, email = ?, address = ?, notes = ?, version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ? AND merged_into IS NULL AND anonymised = 0";
static const char SQL_MERGE_LOCK[] =
	"SELECT id, merged_into, anonymised FROM customers WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
static const char SQL_MERGED_REPOINT[] = "UPDATE customers SET merged_into = ? WHERE merged_into = ?";
static const char SQL_MARK_MERGED[] =
	"UPDATE customers SET merged_into = ?, anonymised = 1, name = '', phone = '', email = '', address = '', "
	"notes = '', version = version + 1, updated_at = NOW() WHERE id = ?";
static const char SQL_ANONYMISE[] =
	"UPDATE customers SET name = '" ANONYMOUS_NAME "', phone = '', email = '', address = '', notes = '', "
	"anonymised = 1, version = version + 1, updated_at = NOW() WHERE id = ? AND merged_into IS NULL";
/* Callbacks go with the customer on a merge, and one keeps a customer from being deleted. */
static const char SQL_CALLBACKS_MOVE[] = "UPDATE callbacks SET customer_id = ? WHERE customer_id = ?";
static const char SQL_CALLBACKS_ANY[] = "SELECT id FROM callbacks WHERE customer_id = ? LIMIT 1 FOR UPDATE";
static const char SQL_CUSTOMER_DELETE[] = "DELETE FROM customers WHERE id = ? OR merged_into = ?";

/* The records a customer has: the page lists them, a merge moves them, anonymising blanks the contact
 * details typed on them, and a customer with any is not deleted. The statements of each type differ
 * only in the table, the kind column and the contact columns blanked. */
struct record_type {
	const char *subject;              /* events.subject */
	const struct flow *flow;
	const char *row, *some, *none, *cut; /* template sections: a row, the table, none at all, only the latest shown */
	const char *list, *ids, *move, *anonymise, *any;
};

#define RECORD_SQL(table, kind, blank) \
	"SELECT id, public_no, product, status, " kind ", DATE_FORMAT(created_at, '%Y-%m-%d') FROM " table \
	" WHERE customer_id = ? ORDER BY id DESC LIMIT ?", \
	"SELECT id FROM " table " WHERE customer_id = ? ORDER BY id FOR UPDATE", \
	"UPDATE " table " SET customer_id = ? WHERE customer_id = ?", \
	"UPDATE " table " SET contact_name = '" ANONYMOUS_NAME "', contact_phone = '', " blank "address = '', " \
	"version = version + 1 WHERE customer_id = ?", \
	"SELECT id FROM " table " WHERE customer_id = ? LIMIT 1 FOR UPDATE"

static const struct record_type RECORD_TYPES[] = {
	{"repair", &REPAIR_FLOW, "REPAIR", "REPAIRS", "NO_REPAIRS", "REPAIRS_CUT",
	 RECORD_SQL("repairs", "''", "contact_email = '', ")},
	{"return", &RETURN_FLOW, "RETURN", "RETURNS", "NO_RETURNS", "RETURNS_CUT", RECORD_SQL("returns", "kind", "")},
};
#define NTYPES (sizeof(RECORD_TYPES) / sizeof(RECORD_TYPES[0]))
/* Columns of a record_type's list. */
enum { L_ID, L_PUBLIC_NO, L_PRODUCT, L_STATUS, L_KIND, L_CREATED };

/* Columns of SQL_CUSTOMER. */
enum { C_ID, C_NAME, C_PHONE, C_EMAIL, C_ADDRESS, C_NOTES, C_ANONYMISED, C_MERGED_INTO, C_VERSION, C_CREATED,
       C_UPDATED, C_PHONE_FLAGGED };

/* Form fields, in the order of SQL_CUSTOMER's columns C_NAME..C_NOTES. */
static const struct field_rule EDIT_CUSTOMER[] = {
	{"name", 1, 64, valid_text_line},
	{"phone", 1, 32, valid_phone},
	{"email", 0, 128, valid_email},
	{"address", 0, 255, valid_text_line},
	{"notes", 0, 1000, NULL},
};
#define EDIT_FIELDS (sizeof(EDIT_CUSTOMER) / sizeof(EDIT_CUSTOMER[0]))

/* A customer row with what its page shows next to it; records[i] of RECORD_TYPES[i]. */
struct customer {
	struct db_result row, records[NTYPES], same_phone, phones;
};

static const char *customer_target(struct request *r, long long id)
{
	return arena_printf(&r->arena, "客户 #%lld", id);
}

static const char *trim(struct arena *a, const char *v)
{
	while (*v == ' ' || *v == '\t')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	return arena_strndup(a, v, n);
}

/* q as a LIKE pattern matching names that start with it, with '!' as the escape character. */
static const char *like_prefix(struct arena *a, const char *q)
{
	char *out = arena_alloc(a, 2 * strlen(q) + 2), *o = out;
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '!')
			*o++ = '!';
		*o++ = *q;
	}
	*o++ = '%';
	return out;
}

/* Runs the search that q asks for: exact phone, name prefix, or the most recently updated. */
static int customers_search(struct request *r, const char *q, long long before, struct db_result *res,
			    const char **heading)
{
	long long limit = PAGE_ROWS + 1;
	if (!*q) {
		*heading = "最近更新的客户";
		return db_exec(r->db, &r->arena, res, SQL_LIST_RECENT, "iii", before, before, limit);
	}
	long long below = before ? before : LLONG_MAX;
	if (!valid_phone(q)) {
		char phone[32];
		phone_normalise(q, phone);
		*heading = arena_printf(&r->arena, "电话为 %s 的客户", phone);
		return db_exec(r->db, &r->arena, res, SQL_LIST_PHONE, "sii", phone, below, limit);
	}
	*heading = arena_printf(&r->arena, "姓名以“%s”开头的客户", q);
	return db_exec(r->db, &r->arena, res, SQL_LIST_NAME, "sii", like_prefix(&r->arena, q), below, limit);
}

/* GET /staff/customers (q, before): search by exact phone or name prefix, 50 a page, phones masked.
 * Answers 200. */
int page_customers(struct request *r)
{
	const char *q = trim(&r->arena, query_get(r, "q") ? query_get(r, "q") : "");
	const char *b = query_get(r, "before");
	long long before = 0;
	if (!b || !parse_id(b, &before))
		before = 0;
	struct db_result res;
	const char *heading;
	int st = customers_search(r, q, before, &res, &heading);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "customers.tpl", "客户资料");
	tmpl_set(d, "Q", q);
	tmpl_set(d, "HEADING", heading);
	size_t shown = res.nrows > PAGE_ROWS ? PAGE_ROWS : res.nrows;
	for (size_t i = 0; i < shown; i++) {
		tmpl_dict *row = tmpl_section(d, "CUSTOMER");
		char masked[32];
		phone_mask(db_cell(&res, i, 2), masked);
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "NAME", db_cell(&res, i, 1));
		tmpl_set(row, "PHONE", *db_cell(&res, i, 2) ? masked : "");
		tmpl_set(row, "UPDATED", db_cell(&res, i, 4));
		if (db_cell_int(&res, i, 3))
			tmpl_show(row, "ANONYMISED");
	}
	if (!shown)
		tmpl_show(d, "EMPTY");
	if (before)
		tmpl_show(d, "FIRST_PAGE");
	if (res.nrows > PAGE_ROWS) {
		tmpl_dict *next = tmpl_section(d, "NEXT_PAGE");
		tmpl_set(next, "BEFORE", db_cell(&res, PAGE_ROWS - 1, 0));
	}
	return 0;
}

/* Loads the customer of the path with its latest repairs and returns and other customer records with
 * the same phone. Leaves c->row.nrows 0 when there is no such customer. */
static int customer_load(struct request *r, struct customer *c)
{
	int st = db_exec(r->db, &r->arena, &c->row, SQL_CUSTOMER, "i", r->path_id);
	if (st != DB_OK || !c->row.nrows)
		return st;
	for (size_t t = 0; t < NTYPES && st == DB_OK; t++)
		st = db_exec(r->db, &r->arena, &c->records[t], RECORD_TYPES[t].list, "ii", r->path_id,
			     (long long)RECORDS_SHOWN);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &c->same_phone, SQL_SAME_PHONE, "i", r->path_id);
	if (st == DB_OK)
		st = customer_phones_load(r, r->path_id, &c->phones);
	return st;
}

/* The rows of one record type's table on the customer page. */
static void records_fill(tmpl_dict *d, const struct record_type *t, const struct db_result *res)
{
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *row = tmpl_section(d, t->row);
		const char *status = db_cell(res, i, L_STATUS);
		tmpl_set(row, "ID", db_cell(res, i, L_ID));
		tmpl_set(row, "PUBLIC_NO", db_cell(res, i, L_PUBLIC_NO));
		tmpl_set(row, "PRODUCT", db_cell(res, i, L_PRODUCT));
		tmpl_set(row, "STATUS", status);
		tmpl_set(row, "STATUS_LABEL", flow_status_label(t->flow, status));
		tmpl_set(row, "KIND_LABEL", return_kind_label(db_cell(res, i, L_KIND)));
		tmpl_set(row, "CREATED", db_cell(res, i, L_CREATED));
	}
	tmpl_show(d, res->nrows ? t->some : t->none);
	if (res->nrows >= RECORDS_SHOWN)
		tmpl_show(d, t->cut);
}

/* The merge, anonymise and delete forms, for supervisors and admins on records not merged away. */
static void supervisor_fill(tmpl_dict *d, const struct customer *c)
{
	tmpl_dict *s = tmpl_section(d, "SUPERVISOR");
	if (!db_cell_int(&c->row, 0, C_ANONYMISED)) {
		tmpl_show(s, "MERGE");
		tmpl_show(s, "ANONYMISE");
		tmpl_show(s, "SCHEDULE");
	}
	for (size_t i = 0; i < c->same_phone.nrows; i++)
		tmpl_set(tmpl_section(s, "SAME_PHONE"), "ID", db_cell(&c->same_phone, i, 0));
	if (c->same_phone.nrows)
		tmpl_show(s, "HAS_SAME_PHONE");
}

/* The page of one customer: record, edit form, repairs and, for supervisors, merge, anonymise, delete. */
static tmpl_dict *customer_page(struct request *r, int status, const struct customer *c)
{
	static const char *keys[] = {"NAME", "PHONE", "EMAIL", "ADDRESS", "NOTES"};
	const struct db_result *row = &c->row;
	tmpl_dict *d = page_begin(r, status, "customer.tpl", "客户资料");
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set(d, "ID", db_cell(row, 0, C_ID));
	tmpl_set(d, "VERSION", db_cell(row, 0, C_VERSION));
	tmpl_set(d, "CREATED", db_cell(row, 0, C_CREATED));
	tmpl_set(d, "UPDATED", db_cell(row, 0, C_UPDATED));
	for (size_t i = 0; i < EDIT_FIELDS; i++) {
		tmpl_set_filled(d, keys[i], db_cell(row, 0, C_NAME + i));
	page_phone(d, "PHONE", db_cell(row, 0, C_PHONE));
		tmpl_set(d, EDIT_CUSTOMER[i].name, db_cell(row, 0, C_NAME + i));
	}
	const char *merged = db_cell(row, 0, C_MERGED_INTO);
	if (merged) {
		tmpl_set(tmpl_section(d, "MERGED"), "MERGED_INTO", merged);
		return d;
	}
	tmpl_show(d, "RECORD");
	if (db_cell(row, 0, C_PHONE_FLAGGED))
		tmpl_set(tmpl_section(d, "PHONE_FLAGGED"), "FLAGGED_AT", db_cell(row, 0, C_PHONE_FLAGGED));
	for (size_t t = 0; t < NTYPES; t++)
		records_fill(d, &RECORD_TYPES[t], &c->records[t]);
	tmpl_show(d, db_cell_int(row, 0, C_ANONYMISED) ? "ANONYMISED" : "EDIT");
	if (!db_cell_int(row, 0, C_ANONYMISED))
		customer_phones_show(r, tmpl_section(d, "PHONES"), db_cell_int(row, 0, C_ID), &c->phones);
	if (r->sess.role & ROLES_SUPERVISOR)
		supervisor_fill(d, c);
	/* The callback form's subject: the latest repair, or what a refused form chose. */
	static const char *const about[][2] = {{"repair", "最近一次维修"}, {"customer", "客户本人"}};
	const char *chosen = r->method == M_POST ? form_get(r, "about") : NULL;
	form_options(d, "ABOUT_OPTION", about, 2, chosen ? chosen : "repair");
	return d;
}

/* Loads the customer of the path into c; answers 404 when missing. Returns a db_status, and sets
 * *done when the response is already made. */
static int customer_find(struct request *r, struct customer *c, int *done)
{
	int st = customer_load(r, c);
	*done = st == DB_OK && !c->row.nrows;
	if (*done)
		page_error(r, 404, "没有这个客户。");
	return st;
}

/* GET /staff/customers/#: the full record (phone whole), edit form, repairs and returns, supervisor actions.
 * Answers 200 or 404. */
int page_customer(struct request *r)
{
	struct customer c;
	int done, st = customer_find(r, &c, &done);
	if (st != DB_OK || done)
		return st;
	/* The page shows the whole phone and address: who looked is in the trail. */
	st = audit_contact_view(r, customer_target(r, r->path_id), r->path_id);
	if (st != DB_OK)
		return st;
	customer_page(r, 200, &c);
	return 0;
}

/* Names of the fields whose new value differs from the stored one, for the audit trail (no
 * personal data goes into it). */
static const char *changed_fields(struct request *r, const struct customer *c, const char **vals)
{
	const char *out = "";
	for (size_t i = 0; i < EDIT_FIELDS; i++)
		if (strcmp(vals[i], db_cell(&c->row, 0, C_NAME + i)) != 0)
			out = arena_printf(&r->arena, "%s%s%s", out, *out ? "," : "", EDIT_CUSTOMER[i].name);
	return *out ? arena_printf(&r->arena, "changed: %s", out) : "no change";
}

/* POST /staff/customers/# (version, name, phone, email, address, notes). Answers 303 back, 400 without
 * a version, 404, 409 when someone else saved first, or 422 (bad field; merged or anonymised record). */
int page_customer_update(struct request *r)
{
	struct customer c;
	int done, st = customer_find(r, &c, &done);
	if (st != DB_OK || done)
		return st;
	if (db_cell(&c.row, 0, C_MERGED_INTO) || db_cell_int(&c.row, 0, C_ANONYMISED))
		return page_error(r, 422, "该客户记录已合并或已匿名化，不能再修改。");
	const char *vs = form_get(r, "version");
	long long version;
	if (!vs || !parse_id(vs, &version))
		return page_error(r, 400, "缺少版本号，请刷新页面后重试。");
	const char *v[EDIT_FIELDS];
	tmpl_dict *d = customer_page(r, 422, &c);
	tmpl_set(d, "VERSION", vs);
	if (form_validate(r, EDIT_CUSTOMER, EDIT_FIELDS, v, d))
		return 0;
	char phone[32];
	phone_normalise(v[1], phone);
	v[1] = phone;
	struct db_result res;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER_UPDATE, "ssssssii", v[1], v[0], v[1], v[2], v[3], v[4],
			     r->path_id, version);
	if (st == DB_OK && res.affected == 0) {
		db_rollback(r->db);
		return page_error(r, 409, "该客户资料已被他人修改，请刷新后重试。");
	}
	/* the number typed here is the primary one; one it replaces stays among the further numbers */
	if (st == DB_OK)
		st = customer_phone_primary_set(r, r->path_id, v[1]);
	if (st == DB_OK)
		st = audit_record(r, "customer_update", customer_target(r, r->path_id), changed_fields(r, &c, v));
	if (st == DB_OK)
		st = session_flash(r, "客户资料已保存");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/customers/%lld", r->path_id));
}

/* Locks both customers and sets *why to the reason other may not be merged into the path's
 * customer, or NULL. Returns a db_status. */
static int merge_refusal(struct request *r, long long other, const char **why)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_MERGE_LOCK, "ii", r->path_id, other);
	if (st != DB_OK)
		return st;
	int found = 0;
	*why = NULL;
	for (size_t i = 0; i < res.nrows; i++) {
		const char *merged = db_cell(&res, i, 1);
		if (db_cell_int(&res, i, 0) != other) {
			if (merged || db_cell_int(&res, i, 2))
				*why = "本记录已合并或已匿名化，不能接收其他记录";
			continue;
		}
		found = 1;
		if (merged)
			*why = arena_printf(&r->arena, "客户 #%lld 已合并到 #%s", other, merged);
	}
	if (!found)
		*why = arena_printf(&r->arena, "没有编号为 %lld 的客户", other);
	return DB_OK;
}

enum record_change { RECORDS_MOVE, RECORDS_ANONYMISE };

/* In the open transaction: moves the records of every type of customer of to customer to, or blanks
 * their contact details, with the timeline event action (note) on each. Sets *counts to what was
 * changed, for the audit trail ("2 repairs, 1 returns"). Returns a db_status. */
static int records_change(struct request *r, enum record_change how, long long of, long long to,
			  const char *action, const char *note, const char **counts)
{
	int st = DB_OK;
	*counts = "";
	for (size_t t = 0; t < NTYPES && st == DB_OK; t++) {
		const struct record_type *type = &RECORD_TYPES[t];
		struct db_result ids;
		st = db_exec(r->db, &r->arena, &ids, type->ids, "i", of);
		if (st != DB_OK)
			break;
		if (how == RECORDS_MOVE)
			st = db_exec(r->db, &r->arena, NULL, type->move, "ii", to, of);
		else
			st = db_exec(r->db, &r->arena, NULL, type->anonymise, "i", of);
		for (size_t i = 0; i < ids.nrows && st == DB_OK; i++)
			st = event_record(r, type->subject, db_cell_int(&ids, i, 0), action, NULL, NULL, note, NULL);
		*counts = arena_printf(&r->arena, "%s%s%zu %ss", *counts, t ? ", " : "", ids.nrows, type->subject);
	}
	return st;
}

/* Moves other's repairs and returns to the path's customer and blanks other, marking it merged; in the
 * open transaction, after merge_refusal. */
static int merge_apply(struct request *r, long long other)
{
	long long kept = r->path_id;
	const char *moved;
	int st = records_change(r, RECORDS_MOVE, other, kept, "customer_merge",
				arena_printf(&r->arena, "客户记录 #%lld 合并到 #%lld", other, kept), &moved);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_CALLBACKS_MOVE, "ii", kept, other);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_MERGED_REPOINT, "ii", kept, other);
	if (st == DB_OK)
		st = customer_phones_merge(r, kept, other);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_MARK_MERGED, "ii", kept, other);
	if (st == DB_OK)
		st = audit_record(r, "customer_merge", customer_target(r, kept),
				  arena_printf(&r->arena, "merged #%lld into #%lld, moved %s", other, kept, moved));
	return st;
}

/* POST /staff/customers/#/merge (other_id, confirm): the duplicate's repairs and returns move here and it is
 * blanked and marked merged. Answers 200 with the confirmation page without confirm=1, 303 back, 404, or 422 (itself, unknown or already merged id; this record
 * merged or anonymised). */
int page_customer_merge(struct request *r)
{
	struct customer c;
	int done, st = customer_find(r, &c, &done);
	if (st != DB_OK || done)
		return st;
	if (db_cell(&c.row, 0, C_MERGED_INTO) || db_cell_int(&c.row, 0, C_ANONYMISED))
		return page_error(r, 422, "本记录已合并或已匿名化，不能再接收其他记录。");
	const char *raw = form_get(r, "other_id");
	raw = trim(&r->arena, raw ? raw : "");
	long long other = 0;
	const char *why = NULL;
	if (!parse_id(raw, &other))
		why = "请填写重复记录的客户编号（数字）";
	else if (other == r->path_id)
		why = "不能把客户与自己合并";
	else if ((st = db_begin(r->db)) == DB_OK)
		st = merge_refusal(r, other, &why);
	if (st == DB_OK && !why && !confirm_given(r)) {
		db_rollback(r->db);
		return confirm_page(r, "确认合并客户",
				    arena_printf(&r->arena, "客户 #%lld 的维修、退换货和回访记录将转到本记录（客户 #%lld），"
						 "#%lld 的个人信息被清空并标为已合并。合并后不能撤销。", other, r->path_id, other),
				    "确认合并", arena_printf(&r->arena, "/staff/customers/%lld", r->path_id));
	}
	if (st == DB_OK && !why)
		st = merge_apply(r, other);
	if (st == DB_OK && !why)
		st = session_flash(r, arena_printf(&r->arena, "已将客户 #%lld 合并到本记录，其服务记录已转到这里", other));
	if (st == DB_OK && !why)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	if (why) {
		db_rollback(r->db);
		tmpl_dict *d = customer_page(r, 422, &c);
		tmpl_set(d, "other_id", raw);
		form_error(r, d, "other_id", why);
		return 0;
	}
	return page_redirect(r, arena_printf(&r->arena, "/staff/customers/%lld", r->path_id));
}

/* POST /staff/customers/#/anonymise: blanks the personal data of the customer and of its repairs and
 * returns (the order numbers stay: the shop's records need them).
 * Answers 200 with the confirmation page without confirm=1, 303 back, 404, or 422 for a merged record. */
int page_customer_anonymise(struct request *r)
{
	struct customer c;
	int done, st = customer_find(r, &c, &done);
	if (st != DB_OK || done)
		return st;
	struct db_result res;
	const char *counts;
	if (!db_cell(&c.row, 0, C_MERGED_INTO) && !confirm_given(r))
		return confirm_page(r, "确认匿名化客户",
				    arena_printf(&r->arena, "客户 #%lld 的姓名、电话、邮箱、地址和备注将被清除，其维修和退换货单上的"
						 "联系信息也一并清除（单号保留）。匿名化后不能恢复。", r->path_id),
				    "确认匿名化", arena_printf(&r->arena, "/staff/customers/%lld", r->path_id));
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_ANONYMISE, "i", r->path_id);
	if (st == DB_OK && res.affected == 0) {
		db_rollback(r->db);
		return page_error(r, 422, "该客户记录已合并到其他记录，无需匿名化。");
	}
	if (st == DB_OK)
		st = customer_phones_forget(r, r->path_id);
	if (st == DB_OK)
		st = records_change(r, RECORDS_ANONYMISE, r->path_id, 0, "anonymise", "客户资料已按要求匿名化", &counts);
	if (st == DB_OK)
		st = audit_record(r, "customer_anonymise", customer_target(r, r->path_id),
				  arena_printf(&r->arena, "anonymised %s", counts));
	if (st == DB_OK)
		st = session_flash(r, "该客户的个人信息已匿名化");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/customers/%lld", r->path_id));
}

/* POST /staff/customers/#/delete: deletes a customer without repairs or returns (and the records
 * merged into it). Answers 200 with the confirmation page without confirm=1, 303 to the list, 404, or 422
 * when it has any. */
int page_customer_delete(struct request *r)
{
	struct customer c;
	int done, st = customer_find(r, &c, &done);
	if (st != DB_OK || done)
		return st;
	struct db_result any = {0};
	st = db_begin(r->db);
	for (size_t t = 0; t < NTYPES && st == DB_OK && !any.nrows; t++)
		st = db_exec(r->db, &r->arena, &any, RECORD_TYPES[t].any, "i", r->path_id);
	if (st == DB_OK && !any.nrows)
		st = db_exec(r->db, &r->arena, &any, SQL_CALLBACKS_ANY, "i", r->path_id);
	if (st == DB_OK && any.nrows) {
		db_rollback(r->db);
		tmpl_dict *d = customer_page(r, 422, &c);
		tmpl_set(d, "DELETE_ERROR", "该客户有服务记录，不能删除，可改为匿名化处理。");
		return 0;
	}
	if (st == DB_OK && !confirm_given(r)) {
		db_rollback(r->db);
		return confirm_page(r, "确认删除客户",
				    arena_printf(&r->arena, "客户 #%lld 的资料（以及合并到它的记录）将被永久删除。删除后不能恢复。",
						 r->path_id),
				    "确认删除", arena_printf(&r->arena, "/staff/customers/%lld", r->path_id));
	}
	if (st == DB_OK)
		st = customer_phones_forget(r, r->path_id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_CUSTOMER_DELETE, "ii", r->path_id, r->path_id);
	if (st == DB_OK)
		st = audit_record(r, "customer_delete", customer_target(r, r->path_id), "");
	if (st == DB_OK)
		st = session_flash(r, arena_printf(&r->arena, "客户 #%lld 已删除", r->path_id));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, "/staff/customers");
}

/* The callback form's refusal, or NULL; *about_repair says whether it is about the latest repair. */
static const char *callback_refusal(struct request *r, const struct customer *c, const char **due, const char **note,
				    int *about_repair)
{
	const char *why = NULL, *about = form_get(r, "about");
	*about_repair = about && !strcmp(about, "repair");
	*due = form_datetime(r, "due", "回访时间", &why);
	*note = form_text(r, "note", 500, 0, "备注", &why);
	if (db_cell(&c->row, 0, C_MERGED_INTO) || db_cell_int(&c->row, 0, C_ANONYMISED))
		why = "该客户记录已合并或已匿名化，不能安排回访";
	else if (!why && !*due)
		why = "请填写回访时间";
	else if (!why && *about_repair && !c->records[0].nrows)
		why = "该客户没有维修记录，请选择回访客户本人";
	return why;
}

/* POST /staff/customers/#/callback (due, about = repair | customer, note): a callback by hand about the
 * customer's latest repair or the customer as a whole. Answers 303 to the callback, 404, or 422 with
 * the customer's page (bad field; merged or anonymised record). */
int page_customer_callback(struct request *r)
{
	struct customer c;
	const char *due, *note;
	int about_repair, done, st = customer_find(r, &c, &done);
	if (st != DB_OK || done)
		return st;
	const char *why = callback_refusal(r, &c, &due, &note, &about_repair);
	if (why) {
		tmpl_dict *d = customer_page(r, 422, &c);
		tmpl_set(d, "due", form_get(r, "due"));
		tmpl_set(d, "callback_note", note);
		form_error(r, d, "due", why);
		return 0;
	}
	/* RECORD_TYPES[0] are the repairs, latest first */
	long long subject = about_repair ? db_cell_int(&c.records[0], 0, L_ID) : r->path_id, id;
	st = db_begin(r->db);
	if (st == DB_OK)
		st = callback_schedule(r, about_repair ? "repair" : "customer", subject, r->path_id, "manual", due, 0, &id);
	if (st == DB_OK && *note)
		st = event_record(r, "callback", id, "note", NULL, NULL, note, NULL);
	if (st == DB_OK)
		st = session_flash(r, arena_printf(&r->arena, "已安排回访 #%lld，回访时间 %.16s", id, due));
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/callbacks/%lld", id));
}
