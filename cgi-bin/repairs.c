/* Taking repair requests in: the public form (报修), its confirmation, and staff intake by phone or at the counter. */
#include "form.h"
#include "intake.h"
#include "pages.h"
#include "product_db.h"
#include "repair_db.h"
#include "response.h"
#include "valid.h"

#include <string.h>

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

/* What the insert needs besides the checked fields: the product staff picked (0 for none). */
struct repair_intake {
	const char **vals;
	long long product_id;
};

static tmpl_dict *repair_form_page(struct request *r, int status, int staff)
{
	return intake_form_page(r, status, "repair_form.tpl", staff ? "登记报修" : "在线报修", staff,
				staff ? "/staff/repairs/new" : "/repair/new");
}

/* Staff pick the product from the products table (its warranty follows); the typed name is then
 * optional. Returns a db_status. */
static int staff_form_page(struct request *r, int status, tmpl_dict **d)
{
	*d = repair_form_page(r, status, 1);
	/* A refused form gets its channel choices from intake_staff_submit. */
	if (status == 200)
		intake_channel_options(*d, "phone");
	return product_options(r, *d, "PRODUCT_OPTION", status == 200 ? NULL : form_get(r, "product_id"));
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
	const struct repair_intake *in = ctx;
	const char **v = in->vals;
	long long customer = 0;
	struct intake_contact contact = {v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS]};
	int st = intake_customer(r, &contact, &customer);
	if (st != DB_OK)
		return st;
	const struct repair_new n = {
		no, channel, v[F_NAME], v[F_PHONE], v[F_EMAIL], v[F_ADDRESS], v[F_PRODUCT], v[F_MODEL], v[F_SERIAL],
		*v[F_PURCHASE] ? v[F_PURCHASE] : NULL, v[F_FAULT], v[F_PREFERRED], customer, 0, in->product_id,
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
	struct repair_intake in = {v, 0};
	return intake_public_submit(r, d, errors, 'R', repair_insert, &in, "/repair/done");
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
	tmpl_dict *d;
	return staff_form_page(r, 200, &d);
}

/* POST /staff/repairs/new (channel, product_id and the public form's fields; product may be empty
 * when product_id is picked): answers 303 to the new work order, or 422 with the form and messages. */
int page_repair_intake(struct request *r)
{
	tmpl_dict *d;
	int st = staff_form_page(r, 422, &d);
	if (st != DB_OK)
		return st;
	struct repair_intake in = {NULL, 0};
	const char *name = NULL, *model = NULL, *refusal = NULL;
	st = product_pick(r, &in.product_id, &name, &model, &refusal);
	if (st != DB_OK)
		return st;
	struct field_rule rules[F_COUNT];
	memcpy(rules, REPAIR_FIELDS, sizeof(rules));
	rules[F_PRODUCT].required = !in.product_id;
	const char *v[F_COUNT];
	int errors = intake_fields_check(r, rules, F_COUNT, v, d, F_PHONE, F_PURCHASE);
	if (errors < 0)
		return errors;
	if (refusal) {
		form_error(r, d, "product_id", refusal);
		errors++;
	}
	/* The picked product names the repair; a model typed over the product's is kept. */
	if (in.product_id && !errors) {
		v[F_PRODUCT] = name;
		if (!*v[F_MODEL])
			v[F_MODEL] = model;
	}
	in.vals = v;
	return intake_staff_submit(r, d, errors, 'R', repair_insert, &in, "/staff/repairs");
}
