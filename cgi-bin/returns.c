/* Taking return, exchange and refund requests in (退换货): the public form, its confirmation, and
 * staff intake by phone or at the counter. */
#include "intake.h"
#include "pages.h"
#include "response.h"
#include "return_flow.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

static const char SQL_RETURN_INSERT[] =
	"INSERT INTO returns (public_no, customer_id, channel, contact_name, contact_phone, address, order_no, "
	"product, serial_no, purchase_date, bought_online, has_fault, amount_paid, kind, reason, repair_no, due_at, "
	"created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), NOW())";

enum { F_NAME, F_PHONE, F_ORDER, F_PRODUCT, F_KIND, F_REASON, F_SERIAL, F_PURCHASE, F_AMOUNT, F_REPAIR_NO,
       F_ADDRESS, F_ONLINE, F_FAULT, F_COUNT };

/* Where it was bought and whether it is faulty decide which 三包 rule applies; "" is "I don't know". */
static const char *const BOUGHT_CHOICES[][2] = {{"online", "网上购买"}, {"store", "实体门店"}, {"", "不清楚"}};
static const char *const FAULT_CHOICES[][2] = {{"1", "有质量问题（性能故障）"}, {"0", "无质量问题（无理由退换）"}};

static const char *kind_check(const char *v)
{
	return return_kind_label(v) ? NULL : "请选择退货、换货或退款";
}

/* Only the form of the number: whether such a repair exists is not the public's to learn. */
static const char *repair_no_check(const char *v)
{
	return public_no_valid(v, 'R') ? NULL : "维修单号的格式如 R20261126-0007";
}

static const char *bought_check(const char *v)
{
	return !strcmp(v, "online") || !strcmp(v, "store") ? NULL : "请选择购买渠道";
}

static const char *fault_check(const char *v)
{
	return !strcmp(v, "1") || !strcmp(v, "0") ? NULL : "请选择是否有质量问题";
}

static const struct field_rule RETURN_FIELDS[F_COUNT] = {
	{"name", 1, 64, valid_display_name},
	{"phone", 1, 24, valid_phone},
	{"order_no", 1, 64, valid_text_line},
	{"product", 1, 64, valid_text_line},
	{"kind", 1, 16, kind_check},
	{"reason", 1, 2000, NULL},
	{"serial_no", 0, 64, valid_text_line},
	{"purchase_date", 0, 10, valid_date},
	{"amount_paid", 0, 0, NULL}, /* form_money checks it */
	{"repair_no", 0, 24, repair_no_check},
	{"address", 0, 255, valid_text_line},
	{"bought_online", 0, 8, bought_check},
	{"has_fault", 0, 1, fault_check},
};

/* The checked form: trimmed values, and the amount paid in cents as text (NULL when not given). */
struct return_input {
	const char *v[F_COUNT];
	const char *amount_paid;
};

static tmpl_dict *return_form_page(struct request *r, int status, int staff)
{
	return intake_form_page(r, status, "return_form.tpl", staff ? "登记退换货" : "退换货申请", staff,
				staff ? "/staff/returns/new" : "/return/new");
}

static void choices_show(tmpl_dict *d, const char *kind, const char *bought, const char *fault)
{
	form_options(d, "KIND_OPTION", RETURN_KINDS, RETURN_KINDS_N, kind);
	form_options(d, "BOUGHT_OPTION", BOUGHT_CHOICES, 3, bought);
	form_options(d, "FAULT_OPTION", FAULT_CHOICES, 2, fault);
}

/* A fresh form: no kind chosen, where bought unknown, a fault (the usual case). */
static tmpl_dict *return_form_fresh(struct request *r, int staff)
{
	tmpl_dict *d = return_form_page(r, 200, staff);
	choices_show(d, NULL, "", "1");
	return d;
}

/* Checks the fields into in, with the phone normalised and the choices shown as chosen. Returns the
 * number of fields in error or a negative db_status. */
static int return_fields_check(struct request *r, tmpl_dict *d, struct return_input *in)
{
	int errors = intake_fields_check(r, RETURN_FIELDS, F_COUNT, in->v, d, F_PHONE, F_PURCHASE);
	if (errors < 0)
		return errors;
	const char *refusal = NULL;
	long long cents = 0;
	int money = form_money(r, "amount_paid", "实付金额", &cents, &refusal);
	if (money < 0) {
		form_error(r, d, "amount_paid", refusal);
		errors++;
	}
	in->amount_paid = money > 0 ? arena_printf(&r->arena, "%lld", cents) : NULL;
	if (!*in->v[F_FAULT])
		in->v[F_FAULT] = "1";
	choices_show(d, in->v[F_KIND], in->v[F_ONLINE], in->v[F_FAULT]);
	return errors;
}

/* Inserts the return (ctx: the checked input) under the number no inside the caller's transaction,
 * with the answer due returns_answer_hours business hours from now. */
static int return_insert(struct request *r, void *ctx, const char *channel, const char *no, long long *id)
{
	const struct return_input *in = ctx;
	const char *const *v = in->v;
	struct db_result res;
	long long customer = 0;
	char due[20];
	struct intake_contact contact = {v[F_NAME], v[F_PHONE], NULL, v[F_ADDRESS]};
	int st = intake_customer(r, &contact, &customer);
	if (st == DB_OK)
		st = workcal_due_from_now(r, r->cfg->returns_answer_hours, due);
	if (st != DB_OK)
		return st;
	const char *bought = !*v[F_ONLINE] ? NULL : !strcmp(v[F_ONLINE], "online") ? "1" : "0";
	st = db_exec(r->db, &r->arena, &res, SQL_RETURN_INSERT, "sissssssssssssssss", no, customer, channel,
		     v[F_NAME], v[F_PHONE], v[F_ADDRESS], v[F_ORDER], v[F_PRODUCT], v[F_SERIAL],
		     *v[F_PURCHASE] ? v[F_PURCHASE] : NULL, bought, v[F_FAULT], in->amount_paid, v[F_KIND],
		     v[F_REASON], v[F_REPAIR_NO], due, intake_created_by(r));
	if (st != DB_OK)
		return st;
	*id = (long long)res.insert_id;
	return intake_event(r, "return", *id, "requested", channel, "已收到您的退换货申请");
}

/* GET /return/new: the public form with a fresh one-time token. Answers 200. */
int page_return_form(struct request *r)
{
	intake_form_token(r, return_form_fresh(r, 0));
	return 0;
}

/* The POST of the public form or of staff intake: the fields checked, then the submission. */
static int return_post(struct request *r, int staff)
{
	struct return_input in;
	tmpl_dict *d = return_form_page(r, 422, staff);
	int errors = return_fields_check(r, d, &in);
	if (errors < 0)
		return errors;
	if (staff)
		return intake_staff_submit(r, d, errors, 'T', return_insert, &in, "/staff/returns");
	return intake_public_submit(r, d, errors, 'T', return_insert, &in, "/return/done");
}

/* POST /return/new: answers 303 to /return/done with the new T number (the same number again when
 * the form's token was already used), 422 with the form and messages, 429 when this address sent
 * too many. */
int page_return_submit(struct request *r)
{
	return return_post(r, 0);
}

/* GET /return/done?no=: the confirmation with the number and a link to tracking. Answers 200, or 404
 * for a malformed number. */
int page_return_done(struct request *r)
{
	return intake_done_page(r, 'T', "return_done.tpl", "退换货申请已提交");
}

/* GET /staff/returns/new: intake of a request taken by phone or at the counter. Answers 200. */
int page_return_intake_form(struct request *r)
{
	intake_channel_options(return_form_fresh(r, 1), "phone");
	return 0;
}

/* POST /staff/returns/new (channel and the public form's fields): answers 303 to the new return's
 * page, or 422 with the form and messages. */
int page_return_intake(struct request *r)
{
	return return_post(r, 1);
}
