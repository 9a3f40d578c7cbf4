/* Numbering, customer matching and the public form's protections for every kind of request. */
#include "intake.h"
#include "customer_phones.h"
#include "events.h"
#include "repair_flow.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

/* The cookie that lets the browser which submitted a request see its confirmation page. */
#define DONE_COOKIE "done"
#define DONE_COOKIE_SECONDS 1800

static const char SQL_TOKEN_CLAIM[] = "INSERT INTO submissions (token, public_no, created_at) VALUES (?, ?, NOW())";
static const char SQL_TOKEN_FIND[] = "SELECT public_no FROM submissions WHERE token = ?";
static const char SQL_TOKEN_SET[] = "UPDATE submissions SET public_no = ? WHERE token = ?";
/* A retry comes within minutes; a day later the token has done its job. A few rows per submission
 * keep the table small without a separate cleaning job. It runs after the numbering transaction:
 * inside it, the delete could wait on another submission's new token row while that one waits
 * for the counter row, a deadlock. */
static const char SQL_TOKEN_PURGE[] = "DELETE FROM submissions WHERE created_at < NOW() - INTERVAL 1 DAY LIMIT 20";
static const char SQL_COUNTER_BUMP[] =
	"INSERT INTO daily_counters (kind, day, last) VALUES (?, CURDATE(), 1) ON DUPLICATE KEY UPDATE last = last + 1";
static const char SQL_COUNTER_GET[] =
	"SELECT last, DATE_FORMAT(CURDATE(), '%Y%m%d') FROM daily_counters WHERE kind = ? AND day = CURDATE()";
/* Any of a customer's numbers matches (customer_phones). */
static const char SQL_CUSTOMER_BY_PHONE[] =
	"SELECT id FROM customers WHERE id IN " CUSTOMERS_WITH_PHONE " AND merged_into IS NULL AND anonymised = 0 "
	"ORDER BY id LIMIT 1";
static const char SQL_CUSTOMER_INSERT[] =
	"INSERT INTO customers (name, phone, email, address, created_at, updated_at) VALUES (?, ?, ?, ?, NOW(), NOW())";

int intake_number(struct request *r, char kind, const char **no)
{
	struct db_result res;
	char k[2] = {kind, 0};
	int st = db_exec(r->db, &r->arena, NULL, SQL_COUNTER_BUMP, "s", k);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_COUNTER_GET, "s", k);
	if (st == DB_OK)
		*no = public_no_format(&r->arena, kind, db_cell(&res, 0, 1), db_cell_int(&res, 0, 0));
	return st;
}

int intake_customer(struct request *r, const struct intake_contact *c, long long *id)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER_BY_PHONE, "s", c->phone);
	if (st != DB_OK)
		return st;
	if (res.nrows) {
		*id = db_cell_int(&res, 0, 0);
		return DB_OK;
	}
	st = db_exec(r->db, &r->arena, &res, SQL_CUSTOMER_INSERT, "ssss", c->name, c->phone, c->email ? c->email : "",
		     c->address ? c->address : "");
	*id = (long long)res.insert_id;
	return st == DB_OK ? customer_phone_primary_set(r, *id, c->phone) : st;
}

/* A hex token of 64 characters, as random_hex(32) makes. */
static int token_ok(const char *t)
{
	if (!t || strlen(t) != 64)
		return 0;
	for (const char *p = t; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

void intake_form_token(struct request *r, tmpl_dict *form)
{
	const char *token = form_get(r, "token");
	tmpl_set(form, "TOKEN", token_ok(token) ? token : random_hex(&r->arena, 32));
}

/* The confirmation, for this browser only: its form's token goes along in a short-lived cookie. */
static int redirect_done(struct request *r, const char *done_path, const char *no, const char *token)
{
	if (token_ok(token))
		response_cookie(r, DONE_COOKIE, token, DONE_COOKIE_SECONDS);
	return page_redirect(r, arena_printf(&r->arena, "%s?no=%s", done_path, no));
}

const char *intake_honeypot(struct request *r)
{
	const char *honeypot = form_get(r, "website");
	return honeypot && *honeypot ? "提交未通过校验，请直接联系客服。" : NULL;
}

int intake_token_claim(struct request *r, const char *token, const char *no, const char **used)
{
	if (!token_ok(token))
		return DB_OK;
	struct db_result res;
	int st = db_exec(r->db, &r->arena, NULL, SQL_TOKEN_CLAIM, "ss", token, no);
	if (st != DB_DUP)
		return st;
	db_rollback(r->db);
	st = db_exec(r->db, &r->arena, &res, SQL_TOKEN_FIND, "s", token);
	if (st != DB_OK)
		return st;
	*used = res.nrows ? db_cell(&res, 0, 0) : "";
	return DB_DUP;
}

void intake_public_cleanup(struct request *r)
{
	if (db_exec(r->db, &r->arena, NULL, SQL_TOKEN_PURGE, "") == DB_OK)
		throttle_purge(r);
}

int intake_public_submit(struct request *r, tmpl_dict *form, int errors, char kind, intake_insert_fn insert,
			 void *ctx, const char *done_path)
{
	const char *token = form_get(r, "token");
	const char *bot = intake_honeypot(r);
	intake_form_token(r, form);
	if (bot) {
		tmpl_set(form, "MESSAGE", bot);
		return 0;
	}
	if (errors) {
		tmpl_set(form, "MESSAGE", "请按提示修改标红的内容后重新提交。");
		return 0;
	}
	struct db_result res;
	int st = DB_OK;
	if (token_ok(token)) {
		st = db_exec(r->db, &r->arena, &res, SQL_TOKEN_FIND, "s", token);
		if (st != DB_OK)
			return st;
		if (res.nrows && *db_cell(&res, 0, 0))
			return redirect_done(r, done_path, db_cell(&res, 0, 0), token);
	}
	long long locked = 0, id = 0;
	const char *key = throttle_addr_key(r, "s:"), *no = NULL, *used = NULL;
	st = throttle_locked(r, key, NULL, &locked);
	if (st != DB_OK)
		return st;
	if (locked > 0)
		return page_error(r, 429, "提交过于频繁，请稍后再试，或拨打客服电话。");

	st = db_begin(r->db);
	/* Claiming the token first makes a second copy of the form wait here, then find the first's number. */
	if (st == DB_OK)
		st = intake_token_claim(r, token, "", &used);
	if (st == DB_DUP)
		return redirect_done(r, done_path, used, token);
	if (st == DB_OK)
		st = intake_number(r, kind, &no);
	if (st == DB_OK)
		st = insert(r, ctx, "web", no, &id);
	if (st == DB_OK && token_ok(token))
		st = db_exec(r->db, &r->arena, NULL, SQL_TOKEN_SET, "ss", no, token);
	if (st == DB_OK)
		st = throttle_hit(r, key, r->cfg->submit_max_per_hour, 60, 60, NULL);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	/* The request is saved; a failed clean-up is for the next submission to do. */
	intake_public_cleanup(r);
	return redirect_done(r, done_path, no, token);
}

void intake_channel_options(tmpl_dict *form, const char *selected)
{
	static const char *const channels[][2] = {{"phone", "电话"}, {"counter", "柜台"}};
	form_options(form, "CHANNEL_OPTION", channels, 2, selected);
}

int intake_staff_submit(struct request *r, tmpl_dict *form, int errors, char kind, intake_insert_fn insert,
			void *ctx, const char *detail_path)
{
	const char *channel = form_get(r, "channel");
	if (!channel || (strcmp(channel, "phone") && strcmp(channel, "counter"))) {
		form_error(r, form, "channel", "请选择受理渠道");
		errors++;
	}
	intake_channel_options(form, channel);
	if (errors) {
		tmpl_set(form, "MESSAGE", "请按提示修改标红的内容后重新提交。");
		return 0;
	}
	long long id = 0;
	const char *no = NULL;
	int st = db_begin(r->db);
	if (st == DB_OK)
		st = intake_number(r, kind, &no);
	if (st == DB_OK)
		st = insert(r, ctx, channel, no, &id);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "%s/%lld", detail_path, id));
}

/* A request by its number: a row when it exists, with the time its first answer is due while
 * nobody has answered yet (NULL after that). */
static const char SQL_REPAIR_FIND[] =
	"SELECT IF(status = 'new', DATE_FORMAT(due_at, '%Y-%m-%d %H:%i'), NULL) FROM repairs WHERE public_no = ?";
static const char SQL_RETURN_FIND[] =
	"SELECT IF(status = 'requested', DATE_FORMAT(due_at, '%Y-%m-%d %H:%i'), NULL) FROM returns WHERE public_no = ?";
/* The number this browser submitted, by the one-time token of its form kept in its cookie. */
static const char SQL_TOKEN_OF[] = "SELECT 1 FROM submissions WHERE token = ? AND public_no = ?";

/* Looks request no of kind up: *found, and *due when its first answer is still due. */
static int request_find(struct request *r, char kind, const char *no, int *found, const char **due)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, kind == 'R' ? SQL_REPAIR_FIND : SQL_RETURN_FIND, "s", no);
	*found = st == DB_OK && res.nrows;
	*due = *found ? db_cell(&res, 0, 0) : NULL;
	return st;
}

int intake_answer_due_fill(struct request *r, char kind, const char *no, tmpl_dict *d)
{
	int found;
	const char *due;
	int st = request_find(r, kind, no, &found, &due);
	if (st == DB_OK && due)
		tmpl_set(tmpl_section(d, "ANSWER_DUE"), "AT", due);
	return st;
}

int intake_done_page(struct request *r, char kind, const char *tpl, const char *title)
{
	const char *no = query_get(r, "no"), *token = cookie_get(r, DONE_COOKIE), *due;
	int found;
	if (!public_no_valid(no, kind))
		return page_error(r, 404, "没有找到这个单号。");
	int st = request_find(r, kind, no, &found, &due);
	if (st != DB_OK)
		return st;
	if (!found)
		return page_error(r, 404, "没有找到这个单号。");
	struct db_result mine = {0};
	if (token_ok(token) && (st = db_exec(r->db, &r->arena, &mine, SQL_TOKEN_OF, "ss", token, no)) != DB_OK)
		return st;
	/* Another browser, or this one later, learns nothing from a number alone: tracking asks for the phone. */
	tmpl_dict *d = page_begin(r, 200, mine.nrows ? tpl : "done_elsewhere.tpl", mine.nrows ? title : "进度查询");
	tmpl_set(d, "NO", no);
	if (mine.nrows && due)
		tmpl_set(tmpl_section(d, "ANSWER_DUE"), "AT", due);
	return 0;
}

int intake_purchase_date_check(struct request *r, tmpl_dict *form, const char *field, const char *value)
{
	if (!*value || valid_date(value))
		return 0;
	const char *today;
	int st = workcal_today(r, &today);
	if (st != DB_OK)
		return st;
	if (strcmp(value, today) <= 0)
		return 0;
	form_error(r, form, field, "购买日期不能晚于今天");
	return 1;
}

tmpl_dict *intake_form_page(struct request *r, int status, const char *tpl, const char *title, int staff,
			    const char *action)
{
	tmpl_dict *d = page_begin(r, status, tpl, title);
	if (staff) {
		tmpl_show(d, "STAFF_FORM");
		tmpl_set(d, "CSRF", r->sess.csrf);
	} else {
		tmpl_show(d, "PUBLIC_FORM");
	}
	tmpl_set(d, "ACTION", action);
	return d;
}

int intake_fields_check(struct request *r, const struct field_rule *rules, size_t n, const char **vals,
			tmpl_dict *form, size_t phone, size_t purchase)
{
	int errors = form_validate(r, rules, n, vals, form);
	if (!errors) {
		char normal[32];
		phone_normalise(vals[phone], normal);
		vals[phone] = arena_strdup(&r->arena, normal);
	}
	int late = intake_purchase_date_check(r, form, rules[purchase].name, vals[purchase]);
	return late < 0 ? late : errors + late;
}

const char *intake_created_by(struct request *r)
{
	return db_id_or_null(&r->arena, r->sess.user_id);
}

int intake_event(struct request *r, const char *subject, long long id, const char *to, const char *channel,
		 const char *public_note)
{
	int staff = r->sess.user_id != 0;
	return event_record(r, subject, id, staff ? "intake" : "submit", NULL, to, staff ? channel_label(channel) : "",
			    public_note);
}
