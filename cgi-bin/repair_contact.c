/* A request never changes the customer record by itself (anyone who knows a phone number can send
 * one); the work order shows what differs and an agent takes it over, audited. */
#include "audit.h"
#include "events.h"
#include "pages.h"
#include "repair_contact.h"
#include "response.h"
#include "valid.h"

#include <string.h>

static const char SQL_CUSTOMER_TAKE[] =
	"UPDATE customers SET name = IF(?, ?, name), email = IF(?, ?, email), address = IF(?, ?, address), "
	"version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ? AND merged_into IS NULL AND anonymised = 0";

enum { C_NAME, C_EMAIL, C_ADDRESS, C_COUNT };
static const char *const FIELDS[C_COUNT] = {"name", "email", "address"};
static const char *const LABELS[C_COUNT] = {"姓名", "邮箱", "地址"};

static void pair(const struct repair *p, int i, const char **on_request, const char **in_record)
{
	const char *req[C_COUNT] = {p->contact_name, p->contact_email, p->address};
	const char *rec[C_COUNT] = {p->customer_name, p->customer_email, p->customer_address};
	*on_request = req[i] ? req[i] : "";
	*in_record = rec[i] ? rec[i] : "";
}

/* Only a value given on the request can differ: an empty one leaves the record as it is. */
static int differs(const struct repair *p, int i)
{
	const char *q, *c;
	pair(p, i, &q, &c);
	return *q && strcmp(q, c) != 0;
}

void repair_contact_fill(struct request *r, tmpl_dict *d, const struct repair *p)
{
	(void)r;
	tmpl_dict *box = NULL;
	for (int i = 0; i < C_COUNT; i++) {
		if (!differs(p, i))
			continue;
		if (!box) {
			box = tmpl_section(d, "CONTACT_DIFF");
			tmpl_set(box, "CUSTOMER_VERSION", p->customer_version);
		}
		const char *q, *c;
		pair(p, i, &q, &c);
		tmpl_dict *row = tmpl_section(box, "DIFF_ROW");
		tmpl_set(row, "FIELD", FIELDS[i]);
		tmpl_set(row, "LABEL", LABELS[i]);
		tmpl_set(row, "ON_REQUEST", q);
		tmpl_set(row, "IN_RECORD", *c ? c : "（空）");
	}
}

/* POST /staff/repairs/#/contact (csrf, customer_version, take_name, take_email, take_address): copies
 * the ticked details of the request into the customer record. Answers 303 back to the work order,
 * 404, 409 when the record changed since the page was shown, 422 when nothing was ticked. */
int page_repair_contact_take(struct request *r)
{
	struct repair p;
	int st = repair_load_path(r, &p);
	if (st != DB_OK || !p.id)
		return st;
	long long version = 0;
	if (!parse_id(form_get(r, "customer_version"), &version))
		return page_error(r, 400, "表单缺少版本信息，请刷新页面后重试。");
	long long take[C_COUNT];
	const char *changed = "";
	for (int i = 0; i < C_COUNT; i++) {
		const char *v = form_get(r, arena_printf(&r->arena, "take_%s", FIELDS[i]));
		take[i] = v && !strcmp(v, "1") && differs(&p, i);
		if (take[i])
			changed = arena_printf(&r->arena, "%s%s%s", changed, *changed ? "、" : "", LABELS[i]);
	}
	if (!*changed)
		return page_error(r, 422, "没有选择要更新的内容，客户资料未改动。");
	struct db_result res;
	const char *q[C_COUNT], *c;
	for (int i = 0; i < C_COUNT; i++)
		pair(&p, i, &q[i], &c);
	st = db_begin(r->db);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER_TAKE, "isisisii", take[C_NAME], q[C_NAME],
			     take[C_EMAIL], q[C_EMAIL], take[C_ADDRESS], q[C_ADDRESS], p.customer_id, version);
	if (st == DB_OK && res.affected == 0) {
		db_rollback(r->db);
		return page_error(r, 409, "客户资料已被他人修改（或已合并、匿名化），请刷新工单后重试。");
	}
	const char *detail = arena_printf(&r->arena, "从报修单 %s 采用：%s", p.public_no, changed);
	if (st == DB_OK)
		st = audit_record(r, "customer_update", arena_printf(&r->arena, "客户 #%lld", p.customer_id), detail);
	if (st == DB_OK)
		st = event_record(r, "repair", p.id, "contact_adopt", NULL, NULL, detail, NULL);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/repairs/%lld", p.id));
}
