/* One work order for staff: every field, time limit, labour, timeline, and the actions the status and role allow. */
#include "audit.h"
#include "callback_db.h"
#include "events.h"
#include "flow_post.h"
#include "form.h"
#include "kpi_db.h"
#include "pages.h"
#include "product_db.h"
#include "repair_contact.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "response.h"
#include "roles.h"
#include "sla.h"
#include "valid.h"
#include "workcal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_LABOUR[] =
	"SELECT DATE_FORMAT(l.work_date, '%Y-%m-%d'), u.display_name, l.minutes, l.note FROM repair_labour l "
	"JOIN users u ON u.id = l.user_id WHERE l.repair_id = ? ORDER BY l.id";
static const char SQL_TECHNICIAN_NAME[] =
	"SELECT display_name FROM users WHERE id = ? AND role = 'technician' AND active = 1";
static const char SQL_ACCEPT[] =
	"UPDATE repairs SET status = 'accepted', priority = ?, due_at = ?, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_ASSIGN[] =
	"UPDATE repairs SET status = 'assigned', assignee_id = ?, visit_at = ?, version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_SET_STATUS[] =
	"UPDATE repairs SET status = ?, version = version + 1, updated_at = NOW(), "
	"closed_at = IF(? = 'closed', NOW(), closed_at) WHERE id = ? AND version = ?";
static const char SQL_PAUSE[] =
	"UPDATE repairs SET status = 'waiting_parts', sla_paused_minutes = ?, version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_RESUME[] =
	"UPDATE repairs SET status = 'in_progress', due_at = ?, sla_paused_minutes = NULL, version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_RESOLVE[] =
	"UPDATE repairs SET status = 'resolved', result = ?, parts_used = ?, labour_cost = ?, parts_cost = ?, "
	"warranty_repair = ?, fault_category_id = ?, resolve_minutes = ?, "
	"resolved_on_time = IF(due_at IS NULL, NULL, NOW() <= due_at), resolved_at = NOW(), version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_FAULT_CATEGORIES[] = "SELECT id, name FROM fault_categories WHERE active = 1 ORDER BY sort, id";
static const char SQL_FAULT_CATEGORY[] = "SELECT id FROM fault_categories WHERE id = ? AND active = 1";
static const char SQL_CANCEL[] =
	"UPDATE repairs SET status = 'cancelled', cancel_reason = ?, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_LABOUR_ADD[] =
	"INSERT INTO repair_labour (repair_id, user_id, work_date, minutes, note, created_at) "
	"VALUES (?, ?, CURDATE(), ?, ?, NOW())";
/* The warranty follows the corrected product and purchase date (none without a date). */
static const char SQL_PRODUCT_FIX[] =
	"UPDATE repairs SET product_id = ?, product = ?, model = ?, serial_no = ?, purchase_date = ?, "
	"warranty_until = DATE_ADD(?, INTERVAL " PRODUCT_WARRANTY_MONTHS " MONTH), version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_WARRANTY_UNTIL[] = "SELECT DATE_FORMAT(warranty_until, '%Y-%m-%d') FROM repairs WHERE id = ?";
static const char SQL_LABOUR_SUM[] =
	"UPDATE repairs SET labour_minutes = labour_minutes + ?, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";

/* The time-limit line: left or over in working time, paused while waiting for parts. */
static int sla_fill(struct request *r, tmpl_dict *d, const struct repair *p)
{
	int waiting = !strcmp(p->status, "waiting_parts");
	struct sla_view v = {
		.due = p->due_at, .now = p->now, .running = repair_status_open(p->status) && !waiting,
		.paused_minutes = waiting ? p->sla_paused_minutes : NULL, .pause_reason = "等待配件",
		.done_at = p->resolved_at,
	};
	/* before acceptance the limit is the first response's */
	tmpl_set(d, "SLA_LABEL", !strcmp(p->status, "new") ? "受理时限" : "处理时限");
	return sla_view_fill(r, d, &v);
}

static const char *warranty_text(struct request *r, const struct repair *p)
{
	if (!p->warranty_until)
		return "未知（未提供购买日期）";
	if (strncmp(p->warranty_until, p->now, 10) >= 0)
		return arena_printf(&r->arena, "在保（至 %s）", p->warranty_until);
	return arena_printf(&r->arena, "已过保（%s 到期）", p->warranty_until);
}

static void fields_fill(struct request *r, tmpl_dict *d, const struct repair *p)
{
	char masked[32];
	tmpl_set_int(d, "ID", p->id);
	tmpl_set_int(d, "VERSION", p->version);
	tmpl_set_int(d, "CUSTOMER_ID", p->customer_id);
	tmpl_set(d, "NO", p->public_no);
	tmpl_set(d, "STATUS", p->status);
	tmpl_set(d, "STATUS_LABEL", repair_status_label(p->status));
	tmpl_set(d, "PRIORITY_LABEL", priority_label(p->priority));
	tmpl_set(d, "CHANNEL_LABEL", channel_label(p->channel));
	tmpl_set(d, "NAME", p->contact_name);
	page_phone(d, "PHONE", repair_phone_shown(r, p, masked));
	if (repair_contact_visible(r, p)) {
		tmpl_set_filled(d, "EMAIL", p->contact_email);
		tmpl_set_filled(d, "ADDRESS", p->address);
	} else {
		tmpl_show(d, "CONTACT_HIDDEN");
	}
	tmpl_set(d, "PRODUCT", p->product);
	tmpl_set(d, "MODEL", p->model);
	tmpl_set_filled(d, "SERIAL", p->serial_no);
	tmpl_set_filled(d, "PURCHASE_DATE", p->purchase_date);
	tmpl_set(d, "WARRANTY", warranty_text(r, p));
	tmpl_set_filled(d, "FAULT", p->fault);
	tmpl_set_filled(d, "PREFERRED", p->preferred_time);
	tmpl_set_filled(d, "ASSIGNEE", p->assignee_name);
	tmpl_set_filled(d, "VISIT", p->visit_at);
	tmpl_set(d, "CREATED", p->created_at);
	tmpl_set(d, "UPDATED", p->updated_at);
	tmpl_set_filled(d, "RESULT", p->result);
	tmpl_set_filled(d, "PARTS", p->parts_used);
	tmpl_set(d, "LABOUR_COST", p->labour_cost);
	tmpl_set(d, "PARTS_COST", p->parts_cost);
	if (p->labour_cost || p->parts_cost)
		tmpl_show(d, "COSTS");
	tmpl_set_filled(d, "WARRANTY_REPAIR", !p->warranty_repair ? "" : *p->warranty_repair == '1' ? "是" : "否");
	if (p->labour_minutes)
		tmpl_set_filled(d, "LABOUR_MINUTES", duration_text(&r->arena, p->labour_minutes));
	tmpl_set_filled(d, "CANCEL_REASON", p->cancel_reason);
	tmpl_set(d, "CSRF", r->sess.csrf);
	if (p->return_id) {
		tmpl_dict *t = tmpl_section(d, "FROM_RETURN");
		tmpl_set_int(t, "RETURN_ID", p->return_id);
		tmpl_set(t, "RETURN_NO", p->return_no);
	}
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR)) {
		tmpl_show(d, "CUSTOMER_LINK");
		repair_contact_fill(r, d, p);
	}
}

static void priority_options(tmpl_dict *d, const char *selected)
{
	static const char *codes[] = {"low", "normal", "high", "urgent"};
	for (size_t i = 0; i < 4; i++) {
		tmpl_dict *o = tmpl_section(d, "PRIORITY_OPTION");
		tmpl_set(o, "CODE", codes[i]);
		tmpl_set(o, "LABEL", priority_label(codes[i]));
		if (!strcmp(codes[i], selected))
			tmpl_show(o, "SELECTED");
	}
}

/* Shows the form of every action the user may take now (template sections CAN_<code>); message is
 * the refused form's (its choices come back as sent). */
static int actions_fill(struct request *r, tmpl_dict *d, const struct repair *p, const char *message)
{
	int is_assignee = p->assignee_id == r->sess.user_id;
	flow_actions_show(r, d, &REPAIR_FLOW, p->status, is_assignee);
	/* A refused form's choice stays chosen; otherwise the order's own. */
	const char *posted = r->method == M_POST ? form_get(r, "action") : NULL;
	const char *priority = posted && !strcmp(posted, "accept") ? form_get(r, "priority") : NULL;
	long long assignee = p->assignee_id;
	if (posted && !strcmp(posted, "assign"))
		parse_id(form_get(r, "assignee_id"), &assignee);
	if (!repair_action_refusal(repair_action_find("accept"), p->status, r->sess.role, is_assignee))
		priority_options(d, priority ? priority : p->priority);
	int st = DB_OK;
	if (!repair_action_refusal(repair_action_find("product_fix"), p->status, r->sess.role, is_assignee))
		st = product_options(r, d, "PRODUCT_OPTION",
				     message ? form_get(r, "product_id")
					     : p->product_id ? arena_printf(&r->arena, "%lld", p->product_id) : NULL);
	if (st == DB_OK && !repair_action_refusal(repair_action_find("assign"), p->status, r->sess.role, is_assignee))
		return technician_options(r, d, "TECHNICIAN_OPTION", assignee);
	return st;
}

static int labour_fill(struct request *r, tmpl_dict *d, long long id)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_LABOUR, "i", id);
	if (st != DB_OK)
		return st;
	if (res.nrows)
		tmpl_show(d, "HAS_LABOUR");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "LABOUR");
		tmpl_set(row, "DATE", db_cell(&res, i, 0));
		tmpl_set(row, "WHO", db_cell(&res, i, 1));
		tmpl_set(row, "MINUTES", db_cell(&res, i, 2));
		tmpl_set(row, "NOTE", db_cell(&res, i, 3));
	}
	return DB_OK;
}

/* The resolve form's 故障分类 choices, the one kept from a refused form selected. */
static int fault_categories_fill(struct request *r, tmpl_dict *d, const char *selected)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_FAULT_CATEGORIES, "");
	if (st == DB_OK)
		form_options_rows(d, "FAULT_CATEGORY", &res, selected);
	return st;
}

/* Renders the whole detail page; message (may be NULL) explains a refused or invalid action. */
static int detail_page(struct request *r, int status, const struct repair *p, const char *message)
{
	tmpl_dict *d = page_begin(r, status, "repair_detail.tpl", arena_printf(&r->arena, "工单 %s", p->public_no));
	fields_fill(r, d, p);
	tmpl_set(d, "MESSAGE", message);
	/* The refused form's own fields come back in its section (flow_actions_show); the choices here.
	 * Unrefused, the product correction form starts from what the order has, and the assign form
	 * from the visit booked now, so reassigning keeps it unless changed. */
	const char *now[][2] = {{"product", p->product}, {"model", p->model}, {"serial_no", p->serial_no},
				{"purchase_date", p->purchase_date}};
	for (size_t i = 0; !message && i < sizeof(now) / sizeof(now[0]); i++)
		tmpl_set(d, now[i][0], now[i][1]);
	if (!message && p->visit_at && strlen(p->visit_at) == 16)
		tmpl_set(d, "visit_at", arena_printf(&r->arena, "%.10sT%s", p->visit_at, p->visit_at + 11));
	const char *exception = message ? form_get(r, "visit_exception") : NULL;
	if (exception && !strcmp(exception, "1"))
		tmpl_show(d, "VISIT_EXCEPTION_CHECKED");
	static const char *const warranty[][2] = {{"1", "是（免费）"}, {"0", "否（收费）"}};
	form_options(d, "WARRANTY_OPTION", warranty, 2, message ? form_get(r, "warranty_repair") : NULL);
	int st = sla_fill(r, d, p);
	if (st == DB_OK)
		st = fault_categories_fill(r, d, message ? form_get(r, "fault_category_id") : NULL);
	if (st == DB_OK)
		st = actions_fill(r, d, p, message);
	if (st == DB_OK)
		st = labour_fill(r, d, p->id);
	if (st == DB_OK)
		st = events_fill(r, &REPAIR_FLOW, p->id, 0, d, "EVENT");
	return st;
}

/* GET /staff/repairs/#: the work order; a view with the customer's whole phone and address is in the
 * audit trail. Answers 200, 403 (a technician's view of another's job) or 404. */
int page_repair_detail(struct request *r)
{
	struct repair p;
	int st = repair_load_path(r, &p);
	if (st != DB_OK || !p.id)
		return st;
	if (repair_contact_visible(r, &p))
		st = audit_contact_view(r, arena_printf(&r->arena, "repair #%lld", p.id), p.customer_id);
	return st != DB_OK ? st : detail_page(r, 200, &p, NULL);
}

static int run_accept(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	const char *priority = form_get(r, "priority");
	int pi = priority_index(priority);
	if (pi < 0) {
		o->refusal = "请选择优先级";
		o->field = "priority";
		return DB_OK;
	}
	char due[20];
	int st = workcal_due(r, p->now, (long)r->cfg->sla_hours[pi] * 60, due);
	if (st != DB_OK)
		return st;
	o->note = arena_printf(&r->arena, "优先级 %s，处理时限 %s", priority_label(priority), due);
	o->public_note = "已受理，我们会尽快安排维修人员";
	return db_exec(r->db, &r->arena, res, SQL_ACCEPT, "ssii", priority, due, p->id, p->version);
}

/* Sets *problem to why a visit at visit ("YYYY-MM-DD HH:MM:SS") cannot be booked (past, or outside
 * working time), or NULL when it can. Returns a db_status. */
static int visit_problem(struct request *r, const struct repair *p, const char *visit, const char **problem)
{
	*problem = NULL;
	if (strcmp(visit, p->now) <= 0) {
		*problem = "上门时间已经过去";
		return DB_OK;
	}
	int working = 0;
	int st = workcal_working(r, visit, &working);
	if (st == DB_OK && !working)
		*problem = arena_printf(&r->arena, "上门时间不在工作时间内（工作日 %02d:%02d–%02d:%02d）",
					r->cfg->work_start_min / 60, r->cfg->work_start_min % 60,
					r->cfg->work_end_min / 60, r->cfg->work_end_min % 60);
	return st;
}

static int run_assign(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	long long tech = 0;
	struct db_result name;
	if (!parse_id(form_get(r, "assignee_id"), &tech)) {
		o->refusal = "请选择维修人员";
		o->field = "assignee_id";
		return DB_OK;
	}
	const char *visit = form_datetime(r, "visit_at", "上门时间", &o->refusal);
	if (o->refusal)
		return DB_OK;
	/* A form without the field keeps the time booked before (the page's form comes prefilled). */
	if (!form_get(r, "visit_at") && p->visit_at)
		visit = arena_printf(&r->arena, "%s:00", p->visit_at);
	/* A visit booked before stands as it is; a new one is in the future and in working time unless
	 * the supervisor confirms an exception, which the timeline records. */
	const char *problem = NULL;
	int st = DB_OK;
	if (visit && !(p->visit_at && !strncmp(visit, p->visit_at, 16)))
		st = visit_problem(r, p, visit, &problem);
	if (st != DB_OK)
		return st;
	const char *exception = form_get(r, "visit_exception");
	int confirmed = exception && !strcmp(exception, "1");
	if (problem && !confirmed) {
		o->refusal = arena_printf(&r->arena, "%s；如确需安排，请勾选“例外”确认", problem);
		return DB_OK;
	}
	st = db_exec(r->db, &r->arena, &name, SQL_TECHNICIAN_NAME, "i", tech);
	if (st != DB_OK)
		return st;
	if (!name.nrows) {
		o->refusal = "所选人员不是在职的维修人员";
		o->field = "assignee_id";
		return DB_OK;
	}
	o->note = arena_printf(&r->arena, "派给 %s%s%s%s%s%s", db_cell(&name, 0, 0), visit ? "，上门时间 " : "",
			       visit ? visit : "", problem ? "（主管确认例外：" : "", problem ? problem : "",
			       problem ? "）" : "");
	o->public_note = visit ? arena_printf(&r->arena, "已安排维修人员，预约上门时间 %.16s", visit) : "已安排维修人员";
	return db_exec(r->db, &r->arena, res, SQL_ASSIGN, "isii", tech, visit, p->id, p->version);
}

static int run_wait_parts(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	o->note = form_text(r, "note", 500, 1, "所需配件", &o->refusal);
	if (o->refusal)
		return DB_OK;
	const char *left = NULL;
	long minutes;
	if (p->due_at) {
		int st = workcal_left(r, p->now, p->due_at, &minutes);
		if (st != DB_OK)
			return st;
		left = arena_printf(&r->arena, "%ld", minutes);
	}
	o->public_note = "正在等待配件，到货后继续维修";
	return db_exec(r->db, &r->arena, res, SQL_PAUSE, "sii", left, p->id, p->version);
}

static int run_resume(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	struct sla_calendar cal;
	long long now;
	int st = workcal_load(r, &cal);
	if (st != DB_OK || sla_parse(p->now, &now))
		return st != DB_OK ? st : DB_ERR;
	const char *due = p->due_at;
	if (p->sla_paused_minutes) {
		long left = strtol(p->sla_paused_minutes, NULL, 10);
		char buf[20];
		/* Time already over stays over: it is counted back in wall-clock minutes. */
		sla_format(left >= 0 ? sla_add(&cal, now, left) : now + left * 60LL, buf);
		due = arena_strdup(&r->arena, buf);
	}
	o->note = due ? arena_printf(&r->arena, "处理时限顺延至 %s", due) : "";
	o->public_note = "配件已到，继续维修";
	return db_exec(r->db, &r->arena, res, SQL_RESUME, "sii", due, p->id, p->version);
}

/* A money field as the DECIMAL column takes it, NULL when empty; *charged is set when it is above 0. */
static const char *money_text(struct request *r, const char *name, const char *label, struct action_outcome *o,
			      int *charged)
{
	long long cents;
	if (form_money(r, name, label, &cents, &o->refusal) <= 0)
		return NULL;
	if (cents > 0)
		*charged = 1;
	return money_input(&r->arena, cents);
}

#define WARRANTY_CHARGED "保修期内维修选了“是”（免费），却填写了人工费或配件费。请改为“否（收费）”或把费用清零；" \
	"确需对保修单收费时，勾选“确认保修单收取费用”后再提交。"

static int run_resolve(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	const char *result = form_text(r, "result", 2000, 1, "维修结果", &o->refusal);
	const char *parts = form_text(r, "parts_used", 1000, 0, "使用配件", &o->refusal);
	int charged = 0;
	const char *labour = money_text(r, "labour_cost", "人工费", o, &charged);
	const char *parts_cost = money_text(r, "parts_cost", "配件费", o, &charged);
	const char *w = form_get(r, "warranty_repair");
	const char *confirmed = form_get(r, "confirm_warranty_charge");
	/* A warranty order with costs is almost always a slip that bills the customer for free work. */
	if (!w || (strcmp(w, "0") && strcmp(w, "1"))) {
		o->refusal = "请选择是否保修期内维修";
		o->field = "warranty_repair";
	} else if (w[0] == '1' && charged && !(confirmed && !strcmp(confirmed, "1")) && !o->refusal) {
		o->refusal = WARRANTY_CHARGED;
		o->field = "warranty_repair";
	}
	/* The category is optional (older clients and scripts resolve without one: 未分类 in reports). */
	const char *given = form_trimmed(r, "fault_category_id");
	long long category = 0;
	if (*given && !parse_id(given, &category) && !o->refusal) {
		o->refusal = "请选择故障分类";
		o->field = "fault_category_id";
	}
	if (o->refusal)
		return DB_OK;
	int st = DB_OK;
	if (category) {
		struct db_result found;
		st = db_exec(r->db, &r->arena, &found, SQL_FAULT_CATEGORY, "i", category);
		if (st != DB_OK)
			return st;
		if (!found.nrows) {
			o->refusal = "所选故障分类不存在或已停用";
			o->field = "fault_category_id";
			return DB_OK;
		}
	}
	/* Working time from submission to now, for the reports' resolution times. */
	long minutes = 0;
	st = workcal_left(r, p->created_at, p->now, &minutes);
	if (st != DB_OK)
		return st;
	o->note = result;
	o->public_note = "维修已完成";
	st = db_exec(r->db, &r->arena, res, SQL_RESOLVE, "ssssisiii", result, parts, labour, parts_cost,
		     (long long)(w[0] == '1'), db_id_or_null(&r->arena, category), (long long)(minutes > 0 ? minutes : 0), p->id, p->version);
	long long callback;
	if (st == DB_OK && res->affected)
		st = callback_schedule(r, "repair", p->id, p->customer_id, "resolved", NULL, 0, &callback);
	if (st == DB_OK && res->affected)
		st = kpi_repair_resolved(r, p->id);
	return st;
}

static int run_cancel(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	const char *reason = form_text(r, "reason", 500, 1, "取消原因", &o->refusal);
	if (o->refusal)
		return DB_OK;
	o->note = reason;
	o->public_note = "工单已取消";
	return db_exec(r->db, &r->arena, res, SQL_CANCEL, "sii", reason, p->id, p->version);
}

static int run_labour(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	long long minutes;
	const char *note = form_text(r, "note", 255, 0, "工作内容", &o->refusal);
	if (!parse_int_range(form_get(r, "minutes"), 1, 24 * 60, &minutes)) {
		o->refusal = "工时应为 1 到 1440 之间的分钟数";
		o->field = "minutes";
	}
	if (o->refusal)
		return DB_OK;
	o->note = arena_printf(&r->arena, "%lld 分钟%s%s", minutes, *note ? "：" : "", note);
	int st = db_exec(r->db, &r->arena, NULL, SQL_LABOUR_ADD, "iiis", p->id, r->sess.user_id, minutes, note);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, res, SQL_LABOUR_SUM, "iii", minutes, p->id, p->version);
	/* By the labour's work date (CURDATE), as kpi_rebuild() counts it. */
	if (st == DB_OK && res->affected)
		st = kpi_add(r, r->sess.user_id, NULL, &(struct kpi_delta){.labour_minutes = minutes});
	return st;
}

/* "old → new" of one corrected field, appended to changes when it changed. */
static const char *change(struct request *r, const char *changes, const char *label, const char *old, const char *now)
{
	old = old ? old : "";
	now = now ? now : "";
	if (!strcmp(old, now))
		return changes;
	return arena_printf(&r->arena, "%s%s%s %s → %s", changes, *changes ? "；" : "", label, *old ? old : "（空）",
			    *now ? now : "（空）");
}

static int run_product_fix(struct request *r, const struct repair *p, struct action_outcome *o, struct db_result *res)
{
	long long product_id;
	const char *name = NULL, *model = NULL;
	int st = product_pick(r, &product_id, &name, &model, &o->refusal);
	if (st != DB_OK || o->refusal)
		return st;
	const char *product = product_id ? name : form_text(r, "product", 64, 1, "产品名称", &o->refusal);
	const char *typed_model = form_text(r, "model", 64, 0, "型号", &o->refusal);
	const char *serial = form_text(r, "serial_no", 64, 0, "序列号", &o->refusal);
	const char *bought = form_trimmed(r, "purchase_date");
	if (*bought && (valid_date(bought) || strncmp(bought, p->now, 10) > 0))
		o->refusal = "购买日期应为不晚于今天的日期";
	if (o->refusal)
		return DB_OK;
	model = *typed_model || !product_id ? typed_model : model;
	const char *changes = change(r, "", "产品", p->product, product);
	changes = change(r, changes, "型号", p->model, model);
	changes = change(r, changes, "序列号", p->serial_no, serial);
	changes = change(r, changes, "购买日期", p->purchase_date, bought);
	if (!*changes && product_id == p->product_id) {
		o->refusal = "产品信息没有改动";
		return DB_OK;
	}
	const char *date = *bought ? bought : NULL, *picked = db_id_or_null(&r->arena, product_id);
	st = db_exec(r->db, &r->arena, res, SQL_PRODUCT_FIX, "ssssssssiii", picked, product, model, serial, date, date,
		     picked, product, (long long)r->cfg->default_warranty_months, p->id, p->version);
	struct db_result until;
	if (st == DB_OK && res->affected)
		st = db_exec(r->db, &r->arena, &until, SQL_WARRANTY_UNTIL, "i", p->id);
	if (st != DB_OK || !res->affected)
		return st;
	const char *to = db_cell(&until, 0, 0);
	o->note = arena_printf(&r->arena, "%s%s保修至 %s", changes, *changes ? "；" : "", to ? to : "未知");
	return DB_OK;
}

static int run_simple(struct request *r, const struct repair *p, const char *to, struct action_outcome *o,
		      struct db_result *res)
{
	static const char *notes[][2] = {
		{"in_progress", "维修人员已开始处理"},
		{"closed", "服务已完成，感谢您的支持"},
	};
	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++)
		if (!strcmp(to, notes[i][0]))
			o->public_note = notes[i][1];
	o->note = form_text(r, "note", 500, 0, "备注", &o->refusal);
	if (o->refusal)
		return DB_OK;
	return db_exec(r->db, &r->arena, res, SQL_SET_STATUS, "ssii", to, to, p->id, p->version);
}

static int run_action(struct request *r, const struct flow_action *a, void *record, struct action_outcome *o,
		      struct db_result *res)
{
	const struct repair *p = record;
	if (!strcmp(a->code, "accept"))
		return run_accept(r, p, o, res);
	if (!strcmp(a->code, "assign"))
		return run_assign(r, p, o, res);
	if (!strcmp(a->code, "wait_parts"))
		return run_wait_parts(r, p, o, res);
	if (!strcmp(a->code, "resume"))
		return run_resume(r, p, o, res);
	if (!strcmp(a->code, "resolve"))
		return run_resolve(r, p, o, res);
	if (!strcmp(a->code, "cancel"))
		return run_cancel(r, p, o, res);
	if (!strcmp(a->code, "labour"))
		return run_labour(r, p, o, res);
	if (!strcmp(a->code, "product_fix"))
		return run_product_fix(r, p, o, res);
	return run_simple(r, p, a->to, o, res);
}

static int detail_page_of(struct request *r, int status, void *record, const char *message)
{
	return detail_page(r, status, record, message);
}

static int reload(struct request *r, void *record)
{
	return repair_load(r, r->path_id, record);
}

/* POST /staff/repairs/#/action (csrf, action, version, and the action's fields). Answers 303 back to
 * the work order; 422 with the page and a message for an action the status or role does not allow or
 * a bad field; 409 when someone else changed the order since the page was loaded; 404; 200 with the
 * confirmation page for a cancel without confirm=1. */
int page_repair_action(struct request *r)
{
	struct repair p;
	int st = repair_load_path(r, &p);
	if (st != DB_OK || !p.id)
		return st;
	struct flow_post post = {
		.flow = &REPAIR_FLOW, .record = &p, .id = p.id, .version = p.version, .status = p.status,
		.is_assignee = p.assignee_id == r->sess.user_id, .run = run_action, .page = detail_page_of,
		.reload = reload, .back = arena_printf(&r->arena, "/staff/repairs/%lld", p.id), .irreversible = "cancel",
		.what = arena_printf(&r->arena, "工单 %s", p.public_no),
	};
	return flow_post_run(r, &post);
}
