/* Taking repair requests in: the public form (报修), its confirmation, and staff intake by phone or at the counter. */
#include "events.h"
#include "form.h"
#include "intake.h"
#include "pages.h"
#include "repair_flow.h"
#include "response.h"
#include "session.h"
#include "valid.h"

#include <string.h>

static const char SQL_REPAIR_INSERT[] =
	"INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, contact_email, address, "
	"product, model, serial_no, purchase_date, warranty_until, fault, preferred_time, created_by, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"DATE_ADD(?, INTERVAL COALESCE((SELECT warranty_months FROM products WHERE name = ? AND active = 1), ?) MONTH), "
	"?, ?, ?, NOW(), NOW())";

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
	int late = intake_purchase_date_check(r, d, "purchase_date", vals[F_PURCHASE]);
	return late < 0 ? late : errors + late;
}

/* Inserts the repair under the number no inside the caller's transaction. */
static int repair_insert(struct request *r, const char **v, const char *channel, const char *no, long long *id)
{
	struct db_result res;
	long long customer = 0;
	struct intake_contact contact = {v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS]};
	int st = intake_customer(r, &contact, &customer);
	if (st != DB_OK)
		return st;
	const char *purchase = *v[F_PURCHASE] ? v[F_PURCHASE] : NULL;
	const char *creator = r->sess.user_id ? arena_printf(&r->arena, "%lld", r->sess.user_id) : NULL;
	st = db_exec(r->db, &r->arena, &res, SQL_REPAIR_INSERT, "sisssssssssssisss", no, customer, channel,
		     v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS], v[F_PRODUCT], v[F_MODEL], v[F_SERIAL], purchase, purchase,
		     v[F_PRODUCT], (long long)r->cfg->default_warranty_months, v[F_FAULT], v[F_PREFERRED], creator);
	if (st != DB_OK)
		return st;
	*id = (long long)res.insert_id;
	return event_record(r, "repair", *id, r->sess.user_id ? "intake" : "submit", NULL, "new",
			    r->sess.user_id ? channel_label(channel) : "", "已收到您的报修申请");
}

static int public_insert(struct request *r, void *ctx, const char *no, long long *id)
{
	return repair_insert(r, ctx, "web", no, id);
}

/* GET /repair/new: the public form with a fresh one-time token. Answers 200. */
int page_repair_form(struct request *r)
{
	intake_form_token(r, repair_form_page(r, 200, 0));
	return 0;
}

/* POST /repair/new: answers 303 to /repair/done with the new number (the same number again when
 * the form's token was already used), 422 with the form and messages, 429 when this address sent
 * too many. */
int page_repair_submit(struct request *r)
{
	const char *v[F_COUNT];
	tmpl_dict *d = repair_form_page(r, 422, 0);
	int errors = repair_fields_check(r, d, v);
	if (errors < 0)
		return errors;
	return intake_public_submit(r, d, errors, 'R', public_insert, v, "/repair/done");
}

/* GET /repair/done?no=: the confirmation with the number and a link to tracking. Answers 200, or 404
 * for a malformed number. */
int page_repair_done(struct request *r)
{
	return intake_done_page(r, 'R', "repair_done.tpl", "报修已提交");
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
		st = intake_number(r, 'R', &no);
	if (st == DB_OK)
		st = repair_insert(r, v, channel, no, &id);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/repairs/%lld", id));
}
