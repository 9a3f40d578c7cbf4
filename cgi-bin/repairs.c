/* Taking repair requests in: the public form (报修), its confirmation, and staff intake by phone or at the counter. */
#include "events.h"
#include "form.h"
#include "pages.h"
#include "repair_flow.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "valid.h"

#include <string.h>

static const char SQL_TOKEN_CLAIM[] = "INSERT INTO submissions (token, public_no, created_at) VALUES (?, '', NOW())";
static const char SQL_TOKEN_FIND[] = "SELECT public_no FROM submissions WHERE token = ?";
static const char SQL_TOKEN_SET[] = "UPDATE submissions SET public_no = ? WHERE token = ?";
/* A retry comes within minutes; a day later the token has done its job. A few rows per submission
 * keep the table small without a separate cleaning job. It runs after the numbering transaction:
 * inside it, the delete could wait on another submission's new token row while that one waits
 * for the counter row, a deadlock. */
static const char SQL_TOKEN_PURGE[] = "DELETE FROM submissions WHERE created_at < NOW() - INTERVAL 1 DAY LIMIT 20";
static const char SQL_COUNTER_BUMP[] =
	"INSERT INTO daily_counters (kind, day, last) VALUES ('R', CURDATE(), 1) ON DUPLICATE KEY UPDATE last = last + 1";
static const char SQL_COUNTER_GET[] =
	"SELECT last, DATE_FORMAT(CURDATE(), '%Y%m%d') FROM daily_counters WHERE kind = 'R' AND day = CURDATE()";
static const char SQL_CUSTOMER_BY_PHONE[] =
	"SELECT id FROM customers WHERE phone = ? AND merged_into IS NULL AND anonymised = 0 ORDER BY id LIMIT 1";
static const char SQL_CUSTOMER_INSERT[] =
	"INSERT INTO customers (name, phone, email, address, created_at, updated_at) VALUES (?, ?, ?, ?, NOW(), NOW())";
static const char SQL_REPAIR_INSERT[] =
	"INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, contact_email, address, "
	"product, model, serial_no, purchase_date, warranty_until, fault, preferred_time, created_by, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"DATE_ADD(?, INTERVAL COALESCE((SELECT warranty_months FROM products WHERE name = ? AND active = 1), ?) MONTH), "
	"?, ?, ?, NOW(), NOW())";
static const char SQL_TODAY[] = "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')";

enum { F_NAME, F_PHONE, F_EMAIL, F_ADDRESS, F_PRODUCT, F_MODEL, F_SERIAL, F_PURCHASE, F_FAULT, F_PREFERRED, F_COUNT };

static const struct field_rule REPAIR_FIELDS[F_COUNT] = {
	{"name", 1, 64, valid_display_name},
	{"phone", 1, 24, valid_phone},
	{"email", 0, 128, valid_email},
	{"address", 1, 255, NULL},
	{"product", 1, 64, NULL},
	{"model", 0, 64, NULL},
	{"serial_no", 0, 64, valid_text_line},
	{"purchase_date", 0, 10, valid_date},
	{"fault", 1, 2000, NULL},
	{"preferred_time", 0, 64, NULL},
};

/* A hex token of 64 characters, as form_token() makes. */
static int token_ok(const char *t)
{
	if (!t || strlen(t) != 64)
		return 0;
	for (const char *p = t; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

static tmpl_dict *repair_form_page(struct request *r, int status, int staff)
{
	tmpl_dict *d = page_begin(r, status, "repair_form.tpl", staff ? "登记报修" : "在线报修");
	if (staff) {
		tmpl_show(d, "STAFF_FORM");
		tmpl_set(d, "CSRF", r->sess.csrf);
		tmpl_set(d, "ACTION", "/staff/repairs/new");
	} else {
		tmpl_show(d, "PUBLIC_FORM");
		tmpl_set(d, "ACTION", "/repair/new");
	}
	return d;
}

static void channel_options(tmpl_dict *d, const char *selected)
{
	static const char *codes[][2] = {{"phone", "电话报修"}, {"counter", "柜台报修"}};
	for (size_t i = 0; i < 2; i++) {
		tmpl_dict *o = tmpl_section(d, "CHANNEL_OPTION");
		tmpl_set(o, "CODE", codes[i][0]);
		tmpl_set(o, "LABEL", codes[i][1]);
		if (selected && !strcmp(selected, codes[i][0]))
			tmpl_show(o, "SELECTED");
	}
}

/* Checks the fields; on success vals hold trimmed values with the phone normalised. Returns the
 * number of errors (0 or more) or a negative db_status. */
static int repair_fields_check(struct request *r, tmpl_dict *d, const char **vals)
{
	int errors = form_validate(r, REPAIR_FIELDS, F_COUNT, vals, d);
	if (!errors) {
		char phone[32];
		phone_normalise(vals[F_PHONE], phone);
		vals[F_PHONE] = arena_strdup(&r->arena, phone);
	}
	if (*vals[F_PURCHASE] && !valid_date(vals[F_PURCHASE])) {
		struct db_result today;
		int st = db_exec(r->db, &r->arena, &today, SQL_TODAY, "");
		if (st != DB_OK)
			return st;
		if (strcmp(vals[F_PURCHASE], db_cell(&today, 0, 0)) > 0) {
			form_error(d, "purchase_date", "购买日期不能晚于今天");
			errors++;
		}
	}
	return errors;
}

/* Finds the customer by phone, or creates one from the request. An existing record is never
 * changed here: whoever knows a customer's phone could otherwise rewrite their details. The
 * request keeps what was typed, and staff take it over from the work order. */
static int customer_match(struct request *r, const char **v, long long *id)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER_BY_PHONE, "s", v[F_PHONE]);
	if (st != DB_OK)
		return st;
	if (res.nrows) {
		*id = db_cell_int(&res, 0, 0);
		return DB_OK;
	}
	st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER_INSERT, "ssss", v[F_NAME], v[F_PHONE], v[F_EMAIL],
		     v[F_ADDRESS]);
	*id = (long long)res.insert_id;
	return st;
}

/* Inserts the repair with a new public number inside the caller's transaction. */
static int repair_insert(struct request *r, const char **v, const char *channel, long long *id, const char **no)
{
	struct db_result res;
	long long customer = 0;
	int st = db_exec(r->db, &r->arena, NULL, SQL_COUNTER_BUMP, "");
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_COUNTER_GET, "");
	if (st != DB_OK)
		return st;
	*no = public_no_format(&r->arena, 'R', db_cell(&res, 0, 1), db_cell_int(&res, 0, 0));
	st = customer_match(r, v, &customer);
	if (st != DB_OK)
		return st;
	const char *purchase = *v[F_PURCHASE] ? v[F_PURCHASE] : NULL;
	const char *creator = r->sess.user_id ? arena_printf(&r->arena, "%lld", r->sess.user_id) : NULL;
	st = db_exec(r->db, &r->arena, &res, SQL_REPAIR_INSERT, "sisssssssssssisss", *no, customer, channel,
		     v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS], v[F_PRODUCT], v[F_MODEL], v[F_SERIAL], purchase, purchase,
		     v[F_PRODUCT], (long long)r->cfg->default_warranty_months, v[F_FAULT], v[F_PREFERRED], creator);
	if (st != DB_OK)
		return st;
	*id = (long long)res.insert_id;
	return event_record(r, "repair", *id, r->sess.user_id ? "intake" : "submit", NULL, "new",
			    r->sess.user_id ? channel_label(channel) : "", "已收到您的报修申请");
}

/* GET /repair/new: the public form with a fresh one-time token. Answers 200. */
int page_repair_form(struct request *r)
{
	tmpl_dict *d = repair_form_page(r, 200, 0);
	tmpl_set(d, "TOKEN", random_hex(&r->arena, 32));
	return 0;
}

static int redirect_done(struct request *r, const char *no)
{
	return page_redirect(r, arena_printf(&r->arena, "/repair/done?no=%s", no));
}

/* POST /repair/new: answers 303 to /repair/done with the new number (the same number again when
 * the form's token was already used), 422 with the form and messages, 429 when this address sent
 * too many. */
int page_repair_submit(struct request *r)
{
	const char *v[F_COUNT];
	const char *token = form_get(r, "token");
	tmpl_dict *d = repair_form_page(r, 422, 0);
	tmpl_set(d, "TOKEN", token_ok(token) ? token : random_hex(&r->arena, 32));
	const char *honeypot = form_get(r, "website");
	int errors = repair_fields_check(r, d, v);
	if (errors < 0)
		return errors;
	if (honeypot && *honeypot) {
		tmpl_set(d, "MESSAGE", "提交未通过校验，请直接联系客服。");
		return 0;
	}
	if (errors) {
		tmpl_set(d, "MESSAGE", "请按提示修改标红的内容后重新提交。");
		return 0;
	}
	struct db_result res;
	int st = DB_OK;
	if (token_ok(token)) {
		st = db_exec(r->db, &r->arena, &res, SQL_TOKEN_FIND, "s", token);
		if (st != DB_OK)
			return st;
		if (res.nrows && *db_cell(&res, 0, 0))
			return redirect_done(r, db_cell(&res, 0, 0));
	}
	long long locked = 0, id = 0;
	const char *key = throttle_addr_key(r, "s:"), *no = NULL;
	st = throttle_locked(r, key, NULL, &locked);
	if (st != DB_OK)
		return st;
	if (locked > 0)
		return page_error(r, 429, "提交过于频繁，请稍后再试，或拨打客服电话报修。");

	st = db_begin(r->db);
	/* Claiming the token first makes a second copy of the form wait here, then find the first's number. */
	if (st == DB_OK && token_ok(token))
		st = db_exec(r->db, &r->arena, NULL, SQL_TOKEN_CLAIM, "s", token);
	if (st == DB_DUP) {
		db_rollback(r->db);
		st = db_exec(r->db, &r->arena, &res, SQL_TOKEN_FIND, "s", token);
		if (st != DB_OK)
			return st;
		return redirect_done(r, db_cell(&res, 0, 0));
	}
	if (st == DB_OK)
		st = repair_insert(r, v, "web", &id, &no);
	if (st == DB_OK && token_ok(token))
		st = db_exec(r->db, &r->arena, NULL, SQL_TOKEN_SET, "ss", no, token);
	if (st == DB_OK)
		st = throttle_hit(r, key, r->cfg->submit_max_per_hour, 60, 60, NULL);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	/* The request is saved; a failed clean-up is for the next submission to do. */
	if (db_exec(r->db, &r->arena, NULL, SQL_TOKEN_PURGE, "") == DB_OK)
		throttle_purge(r);
	return redirect_done(r, no);
}

/* GET /repair/done?no=: the confirmation with the number and a link to tracking. It does not look
 * the number up, so it tells nothing about other requests. Answers 200, or 404 for a malformed number. */
int page_repair_done(struct request *r)
{
	const char *no = query_get(r, "no");
	if (!public_no_valid(no, 'R'))
		return page_error(r, 404, "没有找到这个单号。");
	tmpl_dict *d = page_begin(r, 200, "repair_done.tpl", "报修已提交");
	tmpl_set(d, "NO", no);
	return 0;
}

/* GET /staff/repairs/new: intake of a request taken by phone or at the counter. Answers 200. */
int page_repair_intake_form(struct request *r)
{
	channel_options(repair_form_page(r, 200, 1), "phone");
	return 0;
}

/* POST /staff/repairs/new (channel and the public form's fields): answers 303 to the new work
 * order, or 422 with the form and messages. */
int page_repair_intake(struct request *r)
{
	const char *v[F_COUNT];
	const char *channel = form_get(r, "channel");
	tmpl_dict *d = repair_form_page(r, 422, 1);
	int errors = repair_fields_check(r, d, v);
	if (errors < 0)
		return errors;
	if (!channel || (strcmp(channel, "phone") && strcmp(channel, "counter"))) {
		form_error(d, "channel", "请选择报修渠道");
		errors++;
	}
	channel_options(d, channel);
	if (errors) {
		tmpl_set(d, "MESSAGE", "请按提示修改标红的内容后重新提交。");
		return 0;
	}
	long long id = 0;
	const char *no = NULL;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = repair_insert(r, v, channel, &id, &no);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/repairs/%lld", id));
}
