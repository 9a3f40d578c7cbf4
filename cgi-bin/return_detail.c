/* One return for staff: every field, the 三包 verdict, the time limit, the timeline, and the actions
 * the status and role allow. */
#include "callback_db.h"
#include "events.h"
#include "flow_post.h"
#include "form.h"
#include "intake.h"
#include "pages.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "response.h"
#include "return_flow.h"
#include "return_rules.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

static const char SQL_DECIDE[] =
	"UPDATE returns SET status = ?, decision_note = ?, decision_exception = ?, decided_by = ?, decided_at = NOW(), "
	"version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_RECEIVE[] =
	"UPDATE returns SET status = 'received', received_condition = ?, inbound_logistics = ?, received_at = NOW(), "
	"version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_INSPECT[] =
	"UPDATE returns SET status = 'inspected', inspection = ?, inspection_notes = ?, inspected_by = ?, "
	"inspected_at = NOW(), due_at = ?, version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_REFUND[] =
	"UPDATE returns SET status = 'refunded', refund_amount = ?, refund_method = ?, refund_reference = ?, "
	"refund_note = ?, refunded_at = NOW(), version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_EXCHANGE[] =
	"UPDATE returns SET status = 'exchanged', replacement_product = ?, replacement_serial = ?, "
	"outbound_logistics = ?, exchanged_at = NOW(), version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_CONVERT[] =
	"UPDATE returns SET status = 'converted', new_repair_id = ?, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_CLOSE[] =
	"UPDATE returns SET status = 'closed', closed_at = NOW(), version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_CANCEL[] =
	"UPDATE returns SET status = 'cancelled', cancel_reason = ?, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";

/* Fields a refused form keeps, under the names the forms use. */

static const char *yes_no(const char *flag, const char *yes, const char *no, const char *unknown)
{
	return !flag ? unknown : !strcmp(flag, "1") ? yes : no;
}

static const char *money_or_empty(struct request *r, int known, long long cents)
{
	return known ? money_format(&r->arena, cents) : "";
}

/* The answer is due while requested, the refund or exchange after inspection. */
static int sla_fill(struct request *r, tmpl_dict *d, const struct return_request *t)
{
	struct sla_view v = {
		.due = t->due_at, .now = t->now, .running = return_clock_runs(t->status),
		.done_at = !t->inspected_at ? t->decided_at : t->refunded_at ? t->refunded_at : t->exchanged_at,
	};
	tmpl_set(d, "SLA_LABEL", t->inspected_at ? "退款 / 换货时限" : "答复时限");
	return sla_view_fill(r, d, &v);
}

/* Shows section when value is set and not empty: a step not yet taken takes no room on the page. */
static void show_if(tmpl_dict *d, const char *section, const char *value)
{
	if (value && *value)
		tmpl_show(d, section);
}

static void fields_fill(struct request *r, tmpl_dict *d, const struct return_request *t)
{
	char masked[32];
	tmpl_set_int(d, "ID", t->id);
	tmpl_set_int(d, "VERSION", t->version);
	tmpl_set_int(d, "CUSTOMER_ID", t->customer_id);
	tmpl_set(d, "NO", t->public_no);
	tmpl_set(d, "STATUS", t->status);
	tmpl_set(d, "STATUS_LABEL", flow_status_label(&RETURN_FLOW, t->status));
	tmpl_set(d, "KIND_LABEL", return_kind_label(t->kind));
	tmpl_set(d, "CHANNEL_LABEL", strcmp(t->channel, "web") ? channel_label(t->channel) : "网上申请");
	tmpl_set(d, "NAME", t->contact_name);
	phone_mask(t->contact_phone, masked);
	page_phone(d, "PHONE", r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR) ? t->contact_phone : masked);
	tmpl_set(d, "ADDRESS", t->address);
	tmpl_set_filled(d, "ORDER_NO", t->order_no);
	tmpl_set(d, "PRODUCT", t->product);
	tmpl_set(d, "SERIAL", t->serial_no);
	tmpl_set(d, "PURCHASE_DATE", t->purchase_date ? t->purchase_date : "未提供");
	tmpl_set(d, "ONLINE", yes_no(t->bought_online, "网购", "实体店", "未说明"));
	tmpl_set(d, "FAULT", yes_no(t->has_fault, "性能故障", "无故障，无理由退货", ""));
	tmpl_set_filled(d, "PAID", money_or_empty(r, t->has_amount_paid, t->amount_paid));
	tmpl_set(d, "REASON", t->reason);
	tmpl_set(d, "REPAIR_NO", t->repair_no);
	tmpl_set(d, "CREATED", t->created_at);
	tmpl_set(d, "UPDATED", t->updated_at);
	tmpl_set(d, "DECISION_NOTE", t->decision_note);
	if (t->decision_exception && !strcmp(t->decision_exception, "1"))
		tmpl_show(d, "DECISION_EXCEPTION");
	tmpl_set(d, "DECIDED_BY", t->decided_by_name);
	tmpl_set(d, "DECIDED_AT", t->decided_at);
	tmpl_set(d, "CONDITION", t->received_condition);
	tmpl_set(d, "INBOUND", t->inbound_logistics);
	tmpl_set(d, "RECEIVED_AT", t->received_at);
	tmpl_set(d, "INSPECTION", inspection_label(t->inspection));
	tmpl_set(d, "INSPECTION_NOTES", t->inspection_notes);
	tmpl_set(d, "INSPECTED_BY", t->inspected_by_name);
	tmpl_set(d, "INSPECTED_AT", t->inspected_at);
	tmpl_set(d, "REFUND_AMOUNT", money_or_empty(r, t->has_refund_amount, t->refund_amount));
	tmpl_set(d, "REFUND_METHOD", refund_method_label(t->refund_method));
	tmpl_set(d, "REFUND_REFERENCE", t->refund_reference);
	tmpl_set(d, "REFUND_NOTE", t->refund_note);
	tmpl_set(d, "REFUNDED_AT", t->refunded_at);
	tmpl_set(d, "REPLACEMENT", t->replacement_product);
	tmpl_set(d, "REPLACEMENT_SERIAL", t->replacement_serial);
	tmpl_set(d, "OUTBOUND", t->outbound_logistics);
	tmpl_set(d, "EXCHANGED_AT", t->exchanged_at);
	if (t->new_repair_id) {
		tmpl_dict *n = tmpl_section(d, "NEW_REPAIR");
		tmpl_set_int(n, "REPAIR_ID", t->new_repair_id);
		tmpl_set(n, "REPAIR_NO", t->new_repair_no);
	}
	tmpl_set(d, "CANCEL_REASON", t->cancel_reason);
	tmpl_set(d, "CLOSED_AT", t->closed_at);
	tmpl_set(d, "CSRF", r->sess.csrf);
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR))
		tmpl_show(d, "CUSTOMER_LINK");
	show_if(d, "HAS_ADDRESS", t->address);
	show_if(d, "HAS_SERIAL", t->serial_no);
	show_if(d, "HAS_REPAIR_NO", t->repair_no);
	show_if(d, "DECIDED", t->decided_at);
	show_if(d, "RECEIVED", t->received_at);
	show_if(d, "INSPECTED", t->inspected_at);
	show_if(d, "REFUNDED", t->refunded_at);
	show_if(d, "EXCHANGED", t->exchanged_at);
	show_if(d, "CANCELLED", t->cancel_reason);
}

/* The 三包 panel: the verdict, what it allows and the repairs it counted; and in the approve and
 * reject forms, whether that decision would go against it. */
static void rules_fill(tmpl_dict *d, const struct return_request *t, const struct return_rules *rules)
{
	tmpl_set(d, "SANBAO_TEXT", rules->v.text);
	tmpl_set(d, "SANBAO_RULE", rules->v.rule);
	tmpl_set(d, "SANBAO_ALLOWED", sanbao_allowed_text(rules->v.allowed));
	tmpl_set_int(d, "SANBAO_REPAIRS", rules->c.warranty_repairs);
	for (size_t i = 0; i < rules->repairs.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "COUNTED_REPAIR");
		tmpl_set(row, "REPAIR_ID", db_cell(&rules->repairs, i, 0));
		tmpl_set(row, "REPAIR_NO", db_cell(&rules->repairs, i, 1));
		tmpl_set(row, "REPAIR_DATE", db_cell(&rules->repairs, i, 2));
	}
	if (sanbao_against(&rules->v, t->kind, 1))
		tmpl_show(d, "AGAINST_APPROVE");
	if (sanbao_against(&rules->v, t->kind, 0))
		tmpl_show(d, "AGAINST_REJECT");
}

/* Renders the whole page; message (may be NULL) explains a refused or invalid action. */
static int detail_page(struct request *r, int status, const struct return_request *t, const char *message)
{
	struct return_rules rules;
	int st = return_rules_load(r, t, &rules);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, status, "return_detail.tpl", arena_printf(&r->arena, "退换货 %s", t->public_no));
	fields_fill(r, d, t);
	rules_fill(d, t, &rules);
	tmpl_set(d, "MESSAGE", message);
	/* Defaults of two fields; the refused form's own section (flow_actions_show) holds what was typed. */
	tmpl_set(d, "replacement_product", t->product);
	tmpl_set(d, "amount", t->has_amount_paid ? money_input(&r->arena, t->amount_paid) : "");
	form_options(d, "INSPECTION_OPTION", INSPECTION_RESULTS, INSPECTION_RESULTS_N,
		     message ? form_get(r, "inspection") : NULL);
	form_options(d, "METHOD_OPTION", REFUND_METHODS, REFUND_METHODS_N,
		     message ? form_get(r, "method") : "original");
	flow_actions_show(r, d, &RETURN_FLOW, t->status, 0);
	st = sla_fill(r, d, t);
	if (st == DB_OK)
		st = events_fill(r, &RETURN_FLOW, t->id, 0, d, "EVENT");
	return st;
}

/* GET /staff/returns/#. Answers 200 or 404. */
int page_return_detail(struct request *r)
{
	struct return_request t;
	int st = return_load_path(r, &t);
	if (st != DB_OK || !t.id)
		return st;
	return detail_page(r, 200, &t, NULL);
}

/* The event note of a decision: what was decided, against the verdict or not, and the rule's text. */
static const char *decision_note(struct request *r, const char *what, const char *reason, int against,
				 const struct sanbao_verdict *v, const char *note)
{
	return arena_printf(&r->arena, "%s%s%s%s。三包判断：%s%s%s", what, against ? "（例外处理，与三包判断不符）" : "",
			    *reason ? "：" : "", reason, v->text, *note ? "。备注：" : "", note);
}

static int run_decide(struct request *r, const struct flow_action *a, const struct return_request *t,
		      struct action_outcome *o, struct db_result *res)
{
	int approve = !strcmp(a->code, "approve");
	struct return_rules rules;
	int st = return_rules_load(r, t, &rules);
	if (st != DB_OK)
		return st;
	int against = sanbao_against(&rules.v, t->kind, approve);
	const char *reason, *note = "";
	if (approve) {
		note = form_text(r, "note", 500, 0, "备注", &o->refusal);
		reason = form_text(r, "exception_reason", 500, against, "例外处理的理由", &o->refusal);
		if (!against)
			reason = "";
		o->public_note = "您的申请已通过，请按客服指引寄回商品";
	} else {
		/* shown to the customer in the public note, whose column holds 255 characters */
		reason = form_text(r, "reason", 200, 1, "拒绝理由", &o->refusal);
		o->public_note = arena_printf(&r->arena, "您的申请未通过：%s", reason);
	}
	if (o->refusal)
		return DB_OK;
	o->note = decision_note(r, approve ? "同意" : "拒绝", reason, against, &rules.v, note);
	return db_exec(r->db, &r->arena, res, SQL_DECIDE, "ssiiii", a->to, *reason ? reason : note, (long long)against,
		       r->sess.user_id, t->id, t->version);
}

static int run_receive(struct request *r, const struct return_request *t, struct action_outcome *o,
		       struct db_result *res)
{
	const char *condition = form_text(r, "condition", 500, 1, "商品状况", &o->refusal);
	const char *logistics = form_text(r, "inbound_logistics", 64, 0, "寄回物流单号", &o->refusal);
	if (o->refusal)
		return DB_OK;
	o->note = arena_printf(&r->arena, "商品状况：%s%s%s", condition, *logistics ? "；寄回物流单号 " : "", logistics);
	o->public_note = "已收到您寄回的商品，正在检测";
	return db_exec(r->db, &r->arena, res, SQL_RECEIVE, "ssii", condition, logistics, t->id, t->version);
}

static int run_inspect(struct request *r, const struct return_request *t, struct action_outcome *o,
		       struct db_result *res)
{
	const char *result = form_get(r, "inspection");
	const char *label = inspection_label(result);
	const char *notes = form_text(r, "notes", 2000, 0, "检测说明", &o->refusal);
	if (!label) {
		o->refusal = "请选择检测结果";
		o->field = "inspection";
	}
	if (o->refusal)
		return DB_OK;
	char due[20];
	int st = workcal_due(r, t->now, (long)r->cfg->returns_refund_hours * 60, due);
	if (st != DB_OK)
		return st;
	o->note = arena_printf(&r->arena, "%s%s%s；退款 / 换货时限 %s", label, *notes ? "：" : "", notes, due);
	o->public_note = arena_printf(&r->arena, "商品检测完成：%s", label);
	return db_exec(r->db, &r->arena, res, SQL_INSPECT, "ssisii", result, notes, r->sess.user_id, due, t->id,
		       t->version);
}

/* A refunded or exchanged return is called back, as a resolved repair is. */
static int schedule_callback(struct request *r, const struct return_request *t, const char *reason)
{
	long long callback;
	return callback_schedule(r, "return", t->id, t->customer_id, reason, NULL, 0, &callback);
}

static int run_refund(struct request *r, const struct return_request *t, struct action_outcome *o,
		      struct db_result *res)
{
	long long cents = 0;
	int given = form_money(r, "amount", "退款金额", &cents, &o->refusal);
	const char *method = form_get(r, "method");
	const char *method_label = refund_method_label(method);
	const char *note = form_text(r, "refund_note", 500, 0, "部分退款的原因", &o->refusal);
	const char *reference = form_text(r, "reference", 64, method && strcmp(method, "cash"), "交易流水号", &o->refusal);
	if (o->refusal)
		return DB_OK;
	if (!given || cents <= 0) {
		o->refusal = "请填写大于 0 的退款金额";
		o->field = "amount";
	} else if (t->has_amount_paid && cents > t->amount_paid) {
		o->refusal = arena_printf(&r->arena, "退款金额不能超过实付金额 %s", money_format(&r->arena, t->amount_paid));
		o->field = "amount";
	} else if (t->has_amount_paid && cents < t->amount_paid && !*note) {
		o->refusal = "部分退款（少于实付金额）请填写原因";
		o->field = "refund_note";
	} else if (!method_label) {
		o->refusal = "请选择退款方式";
		o->field = "method";
	}
	if (o->refusal)
		return DB_OK;
	const char *amount = money_format(&r->arena, cents);
	o->note = arena_printf(&r->arena, "退款 %s（%s）%s%s%s%s", amount, method_label, *reference ? "，流水号 " : "",
			       reference, *note ? "；" : "", note);
	o->public_note = arena_printf(&r->arena, "已退款 %s（%s）", amount, method_label);
	int st = db_exec(r->db, &r->arena, res, SQL_REFUND, "isssii", cents, method, reference, note, t->id, t->version);
	return st == DB_OK && res->affected ? schedule_callback(r, t, "refunded") : st;
}

static int run_exchange(struct request *r, const struct return_request *t, struct action_outcome *o,
			struct db_result *res)
{
	const char *product = form_text(r, "replacement_product", 64, 0, "换货产品", &o->refusal);
	const char *serial = form_text(r, "replacement_serial", 64, 1, "新机序列号", &o->refusal);
	const char *logistics = form_text(r, "outbound_logistics", 64, 1, "发货物流单号", &o->refusal);
	if (o->refusal)
		return DB_OK;
	if (!*product)
		product = t->product;
	o->note = arena_printf(&r->arena, "换货 %s，序列号 %s，发货物流单号 %s", product, serial, logistics);
	o->public_note = arena_printf(&r->arena, "换货商品已发出，物流单号 %s", logistics);
	int st = db_exec(r->db, &r->arena, res, SQL_EXCHANGE, "sssii", product, serial, logistics, t->id, t->version);
	return st == DB_OK && res->affected ? schedule_callback(r, t, "exchanged") : st;
}

/* The repair made from the return: its contact, product and purchase; the fault as the customer and
 * the inspection described it. Its own timeline starts with where it came from. */
static int run_to_repair(struct request *r, const struct return_request *t, struct action_outcome *o,
			 struct db_result *res)
{
	const char *no;
	long long repair_id;
	int st = intake_number(r, 'R', &no);
	if (st != DB_OK)
		return st;
	const char *fault = arena_printf(&r->arena, "%s\n检测：%s%s%s", t->reason, inspection_label(t->inspection),
					 t->inspection_notes && *t->inspection_notes ? "，" : "",
					 t->inspection_notes ? t->inspection_notes : "");
	const struct repair_new n = {
		no, t->channel, t->contact_name, t->contact_phone, "", t->address ? t->address : "", t->product, "",
		t->serial_no ? t->serial_no : "", t->purchase_date, utf8_prefix(&r->arena, fault, 2000), "",
		t->customer_id, t->id, 0,
	};
	st = repair_insert_row(r, &n, &repair_id);
	if (st == DB_OK)
		st = event_record(r, "repair", repair_id, "intake", NULL, "new",
				  arena_printf(&r->arena, "由退换货 %s 转入", t->public_no),
				  arena_printf(&r->arena, "由退换货申请 %s 转为维修", t->public_no));
	if (st != DB_OK)
		return st;
	o->note = arena_printf(&r->arena, "转为维修工单 %s", no);
	o->public_note = arena_printf(&r->arena, "已转为维修，维修单号 %s", no);
	return db_exec(r->db, &r->arena, res, SQL_CONVERT, "iii", repair_id, t->id, t->version);
}

static int run_close(struct request *r, const struct return_request *t, struct action_outcome *o,
		     struct db_result *res)
{
	o->note = form_text(r, "note", 500, 0, "备注", &o->refusal);
	if (o->refusal)
		return DB_OK;
	o->public_note = "服务已完成，感谢您的支持";
	return db_exec(r->db, &r->arena, res, SQL_CLOSE, "ii", t->id, t->version);
}

static int run_cancel(struct request *r, const struct return_request *t, struct action_outcome *o,
		      struct db_result *res)
{
	const char *reason = form_text(r, "reason", 500, 1, "取消原因", &o->refusal);
	if (o->refusal)
		return DB_OK;
	o->note = reason;
	o->public_note = "申请已取消";
	return db_exec(r->db, &r->arena, res, SQL_CANCEL, "sii", reason, t->id, t->version);
}

static int run_action(struct request *r, const struct flow_action *a, void *record, struct action_outcome *o,
		      struct db_result *res)
{
	const struct return_request *t = record;
	if (!strcmp(a->code, "approve") || !strcmp(a->code, "reject"))
		return run_decide(r, a, t, o, res);
	if (!strcmp(a->code, "receive"))
		return run_receive(r, t, o, res);
	if (!strcmp(a->code, "inspect"))
		return run_inspect(r, t, o, res);
	if (!strcmp(a->code, "refund"))
		return run_refund(r, t, o, res);
	if (!strcmp(a->code, "exchange"))
		return run_exchange(r, t, o, res);
	if (!strcmp(a->code, "to_repair"))
		return run_to_repair(r, t, o, res);
	if (!strcmp(a->code, "close"))
		return run_close(r, t, o, res);
	if (!strcmp(a->code, "cancel"))
		return run_cancel(r, t, o, res);
	o->refusal = "未知的操作";
	return DB_OK;
}

static int detail_page_of(struct request *r, int status, void *record, const char *message)
{
	return detail_page(r, status, record, message);
}

static int reload(struct request *r, void *record)
{
	return return_load(r, r->path_id, record);
}

/* POST /staff/returns/#/action (csrf, action, version, and the action's fields). Answers 303 back to
 * the return; 422 with the page and a message for an action the status or role does not allow or a
 * bad field; 409 when someone else changed the return since the page was loaded; 404; 200 with the
 * confirmation page for a cancel without confirm=1. */
int page_return_action(struct request *r)
{
	struct return_request t;
	int st = return_load_path(r, &t);
	if (st != DB_OK || !t.id)
		return st;
	struct flow_post post = {
		.flow = &RETURN_FLOW, .record = &t, .id = t.id, .version = t.version, .status = t.status,
		.run = run_action, .page = detail_page_of, .reload = reload,
		.back = arena_printf(&r->arena, "/staff/returns/%lld", t.id), .irreversible = "cancel",
		.what = arena_printf(&r->arena, "退换货申请 %s", t.public_no),
	};
	return flow_post_run(r, &post);
}
