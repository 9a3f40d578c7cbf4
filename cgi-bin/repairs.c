/* Taking repair requests in: the public form (报修), its confirmation, and staff intake by phone or at the counter. */
#include "form.h"
#include "intake.h"
#include "pages.h"
#include "repair_db.h"
#include "response.h"
#include "valid.h"

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
	return intake_form_page(r, status, "repair_form.tpl", staff ? "登记报修" : "在线报修", staff,
				staff ? "/staff/repairs/new" : "/repair/new");
}

/* Checks the fields; on success vals hold trimmed values with the phone normalised. Returns the
 * number of errors (0 or more) or a negative db_status. */
static int repair_fields_check(struct request *r, tmpl_dict *d, const char **vals)
{
	return intake_fields_check(r, REPAIR_FIELDS, F_COUNT, vals, d, F_PHONE, F_PURCHASE);
}

/* Inserts the repair (ctx: the checked fields) under the number no inside the caller's transaction. */
static int repair_insert(struct request *r, void *ctx, const char *channel, const char *no, long long *id)
{
	const char **v = ctx;
	long long customer = 0;
	struct intake_contact contact = {v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS]};
	int st = intake_customer(r, &contact, &customer);
	if (st != DB_OK)
		return st;
	const struct repair_new n = {
		no, channel, v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS], v[F_PRODUCT], v[F_MODEL], v[F_SERIAL],
		*v[F_PURCHASE] ? v[F_PURCHASE] : NULL, v[F_FAULT], v[F_PREFERRED], customer, 0,
	};
	st = repair_insert_row(r, &n, id);
	if (st != DB_OK)
		return st;
	return intake_event(r, "repair", *id, "new", channel, "已收到您的报修申请");
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
	return intake_public_submit(r, d, errors, 'R', repair_insert, v, "/repair/done");
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
	intake_channel_options(repair_form_page(r, 200, 1), "phone");
	return 0;
}

/* POST /staff/repairs/new (channel and the public form's fields): answers 303 to the new work
 * order, or 422 with the form and messages. */
int page_repair_intake(struct request *r)
{
	const char *v[F_COUNT];
	tmpl_dict *d = repair_form_page(r, 422, 1);
	int errors = repair_fields_check(r, d, v);
	if (errors < 0)
		return errors;
	return intake_staff_submit(r, d, errors, 'R', repair_insert, v, "/staff/repairs");
}
