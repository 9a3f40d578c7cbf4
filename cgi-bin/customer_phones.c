/* A customer's phone numbers: listed and edited on the customer page, kept whole by merging. */
#include "customer_phones.h"
#include "audit.h"
#include "pages.h"
#include "response.h"
#include "valid.h"

#include <string.h>

static const char SQL_PHONES[] =
	"SELECT phone, is_primary FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, created_at, phone";
static const char SQL_DEMOTE[] = "UPDATE customer_phones SET is_primary = 0 WHERE customer_id = ?";
static const char SQL_PRIMARY_UPSERT[] =
	"INSERT INTO customer_phones (customer_id, phone, is_primary, created_at) VALUES (?, ?, 1, NOW()) "
	"ON DUPLICATE KEY UPDATE is_primary = 1";
static const char SQL_CUSTOMER_PRIMARY[] =
	"UPDATE customers SET phone_flagged_at = IF(phone <=> ?, phone_flagged_at, NULL), phone = ?, "
	"version = version + 1, updated_at = NOW() WHERE id = ?";
static const char SQL_ADD[] =
	"INSERT INTO customer_phones (customer_id, phone, is_primary, created_at) VALUES (?, ?, 0, NOW())";
static const char SQL_REMOVE[] = "DELETE FROM customer_phones WHERE customer_id = ? AND phone = ? AND is_primary = 0";
static const char SQL_MOVE[] =
	"INSERT IGNORE INTO customer_phones (customer_id, phone, is_primary, created_at) "
	"SELECT ?, phone, 0, created_at FROM customer_phones WHERE customer_id = ?";
static const char SQL_FORGET[] = "DELETE FROM customer_phones WHERE customer_id = ?";
static const char SQL_EDITABLE[] =
	"SELECT 1 FROM customers WHERE id = ? AND merged_into IS NULL AND anonymised = 0 FOR UPDATE";
static const char SQL_OWNERS[] =
	"SELECT customer_id FROM customer_phones WHERE phone = ? ORDER BY customer_id DESC LIMIT 5";
static const char SQL_HAS[] = "SELECT is_primary FROM customer_phones WHERE customer_id = ? AND phone = ?";

int customer_phone_primary_set(struct request *r, long long id, const char *phone)
{
	int st = db_exec(r->db, &r->arena, NULL, SQL_DEMOTE, "i", id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_PRIMARY_UPSERT, "is", id, phone);
	return st;
}

int customer_phones_merge(struct request *r, long long kept, long long other)
{
	int st = db_exec(r->db, &r->arena, NULL, SQL_MOVE, "ii", kept, other);
	return st == DB_OK ? customer_phones_forget(r, other) : st;
}

int customer_phones_forget(struct request *r, long long id)
{
	return db_exec(r->db, &r->arena, NULL, SQL_FORGET, "i", id);
}

int customer_phones_owners(struct request *r, const char *phone, long long ids[CUSTOMER_IDS_MAX])
{
	struct db_result res = {0};
	for (int i = 0; i < CUSTOMER_IDS_MAX; i++)
		ids[i] = 0;
	int st = *phone ? db_exec(r->db, &r->arena, &res, SQL_OWNERS, "s", phone) : DB_OK;
	for (size_t i = 0; st == DB_OK && i < res.nrows && i < CUSTOMER_IDS_MAX; i++)
		ids[i] = db_cell_int(&res, i, 0);
	return st;
}

int customer_phones_load(struct request *r, long long id, struct db_result *out)
{
	return db_exec(r->db, &r->arena, out, SQL_PHONES, "i", id);
}

void customer_phones_show(struct request *r, tmpl_dict *d, long long id, const struct db_result *phones)
{
	for (size_t i = 0; i < phones->nrows; i++) {
		tmpl_dict *p = tmpl_section(d, "PHONE_ROW");
		tmpl_set(p, "PHONE", db_cell(phones, i, 0));
		tmpl_set_int(p, "ID", id);
		tmpl_set(p, "CSRF", r->sess.csrf);
		tmpl_show(p, db_cell_int(phones, i, 1) ? "PRIMARY" : "OTHER");
	}
}

/* POST /staff/customers/#/phones (op = add | remove | primary, phone): adds a further number, removes
 * one that is not the primary, or makes one the primary (customers.phone follows); audited. Answers
 * 303 back to the customer, 404, or 422 (a bad number, one it already has, the primary removed, a
 * merged or anonymised record). */
int page_customer_phones(struct request *r)
{
	const char *op = form_get(r, "op"), *typed = form_get(r, "phone");
	if (!op || (strcmp(op, "add") && strcmp(op, "remove") && strcmp(op, "primary")))
		return page_error(r, 400, "未知的操作。");
	if (!typed || valid_phone(typed))
		return page_error(r, 422, "请填写有效的手机号（11 位）或带区号的固定电话。");
	char phone[32];
	phone_normalise(typed, phone);
	struct db_result res, has;
	long long id = r->path_id;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_EDITABLE, "i", id);
	if (st == DB_OK && !res.nrows) {
		db_rollback(r->db);
		return page_error(r, 404, "没有这个客户，或该记录已合并、已匿名化。");
	}
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &has, SQL_HAS, "is", id, phone);
	if (st != DB_OK)
		return st;
	const char *why = NULL, *action = NULL;
	if (!strcmp(op, "add")) {
		why = has.nrows ? "该客户已有这个号码。" : NULL;
		action = "customer_phone_add";
		if (!why)
			st = db_exec(r->db, &r->arena, NULL, SQL_ADD, "is", id, phone);
	} else if (!strcmp(op, "remove")) {
		why = !has.nrows ? "该客户没有这个号码。" : db_cell_int(&has, 0, 0) ? "主号码不能删除，请先设其他号码为主号码。" : NULL;
		action = "customer_phone_remove";
		if (!why)
			st = db_exec(r->db, &r->arena, NULL, SQL_REMOVE, "is", id, phone);
	} else {
		why = !has.nrows ? "该客户没有这个号码。" : NULL;
		action = "customer_phone_primary";
		if (!why)
			st = customer_phone_primary_set(r, id, phone);
		if (st == DB_OK && !why)
			st = db_exec(r->db, &r->arena, NULL, SQL_CUSTOMER_PRIMARY, "ssi", phone, phone, id);
	}
	if (why) {
		db_rollback(r->db);
		return page_error(r, 422, why);
	}
	/* the number itself stays out of the audit trail, as for every other personal detail */
	if (st == DB_OK)
		st = audit_record(r, action, arena_printf(&r->arena, "客户 #%lld", id), "");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/customers/%lld", id));
}
