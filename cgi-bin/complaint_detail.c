/* One complaint for staff: what it is about, the rating or call it came from, its time limits, the
 * resolution and its follow-up call, the timeline, and the actions of COMPLAINT_FLOW. */
#include "callback_db.h"
#include "callback_flow.h"
#include "complaint_db.h"
#include "events.h"
#include "flow_post.h"
#include "form.h"
#include "kpi_db.h"
#include "pages.h"
#include "repair_db.h"
#include "response.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

static const char SQL_RATING[] =
	"SELECT attitude, timeliness, quality, overall, solved, comment, source, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') "
	"FROM satisfaction WHERE id = ?";
static const char SQL_CALLBACK[] =
	"SELECT cb.status, DATE_FORMAT(cb.due_at, '%Y-%m-%d %H:%i'), cb.outcome, DATE_FORMAT(cb.done_at, '%Y-%m-%d %H:%i'), "
	"(SELECT s.solved FROM satisfaction s WHERE s.callback_id = cb.id ORDER BY s.id DESC LIMIT 1) "
	"FROM callbacks cb WHERE cb.id = ?";
static const char SQL_ACTIVE_STAFF[] = "SELECT display_name FROM users WHERE id = ? AND active = 1";
static const char SQL_RESPOND[] =
	"UPDATE complaints SET status = 'investigating', handler_id = ?, responded_at = COALESCE(responded_at, NOW()), "
	"version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_RESOLVE[] =
	"UPDATE complaints SET status = 'resolved', cause = ?, measures = ?, responsible_id = ?, resolved_at = NOW(), "
	"followup_callback_id = ?, version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";

#define CLOSE_NEEDS_CONFIRMATION "须回访确认客户满意后才能结案"

/* Fields a refused form keeps, under the names the forms use. */

static const char *const AT_FAULT[][2] = {{"1", "是，有人员责任"}, {"0", "否，非人员责任"}};

/* The customer's phone, whole for those who call customers, masked for everyone else. */
static const char *phone_shown(struct request *r, const struct complaint *k)
{
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR))
		return k->customer_phone;
	char *masked = arena_alloc(&r->arena, 32);
	phone_mask(k->customer_phone, masked);
	return masked;
}

static void fields_fill(struct request *r, tmpl_dict *d, const struct complaint *k)
{
	tmpl_set_int(d, "ID", k->id);
	tmpl_set_int(d, "VERSION", k->version);
	tmpl_set(d, "NO", k->public_no);
	tmpl_set(d, "STATUS", k->status);
	tmpl_set(d, "STATUS_LABEL", flow_status_label(&COMPLAINT_FLOW, k->status));
	tmpl_set(d, "SOURCE", k->source);
	tmpl_set(d, "SOURCE_LABEL", complaint_source_label(k->source));
	tmpl_set(d, "DESCRIPTION", k->description);
	tmpl_set(d, "CREATED", k->created_at);
	tmpl_set(d, "CREATED_BY", k->created_by_name ? k->created_by_name : "系统（回访评价）");
	tmpl_set(d, "UPDATED", k->updated_at);
	tmpl_set_int(d, "CUSTOMER_ID", k->customer_id);
	tmpl_set(d, "NAME", k->customer_name);
	page_phone(d, "PHONE", phone_shown(r, k));
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR))
		tmpl_show(d, "CUSTOMER_LINK");
	if (k->subject_no) {
		tmpl_dict *s = tmpl_section(d, "SUBJECT");
		tmpl_set(s, "SUBJECT_PATH", !strcmp(k->subject, "repair") ? "repairs" : "returns");
		tmpl_set(s, "SUBJECT_KIND", !strcmp(k->subject, "repair") ? "维修工单" : "退换货");
		tmpl_set_int(s, "SUBJECT_ID", k->subject_id);
		tmpl_set(s, "SUBJECT_NO", k->subject_no);
	} else {
		tmpl_show(d, "ABOUT_CUSTOMER");
	}
	tmpl_set(d, "HANDLER", k->handler_name ? k->handler_name : "未受理");
	tmpl_set(d, "RESPONDED_AT", k->responded_at);
	if (k->responded_at)
		tmpl_show(d, "RESPONDED");
	if (k->resolved_at || (k->cause && *k->cause)) {
		tmpl_dict *s = tmpl_section(d, "RESOLUTION");
		tmpl_set(s, "CAUSE", k->cause);
		tmpl_set(s, "MEASURES", k->measures);
		tmpl_set(s, "RESPONSIBLE", k->responsible_name ? k->responsible_name : "非人员责任");
		tmpl_set(s, "RESOLVED_AT", k->resolved_at ? k->resolved_at : "重新处理中");
	}
	tmpl_set(d, "CLOSED_AT", k->closed_at);
	if (k->closed_at)
		tmpl_show(d, "CLOSED");
	tmpl_set(d, "CSRF", r->sess.csrf);
}

/* The scores of the rating that opened the complaint, one row per dimension. */
static int rating_fill(struct request *r, tmpl_dict *d, long long satisfaction_id)
{
	struct db_result res;
	if (!satisfaction_id)
		return DB_OK;
	int st = db_exec(r->db, &r->arena, &res, SQL_RATING, "i", satisfaction_id);
	if (st != DB_OK || !res.nrows)
		return st;
	tmpl_dict *s = tmpl_section(d, "RATING");
	for (size_t i = 0; i < SATISFACTION_DIMENSIONS_N; i++) {
		tmpl_dict *row = tmpl_section(s, "SCORE");
		tmpl_set(row, "DIMENSION", SATISFACTION_DIMENSIONS[i][0]);
		tmpl_set(row, "LABEL", SATISFACTION_DIMENSIONS[i][1]);
		tmpl_set(row, "SCORE", db_cell(&res, 0, i));
	}
	tmpl_set(s, "SOLVED", db_cell_int(&res, 0, 4) ? "已解决" : "未解决");
	tmpl_set(s, "COMMENT", db_cell(&res, 0, 5));
	tmpl_set(s, "RATING_SOURCE", !strcmp(db_cell(&res, 0, 6), "online") ? "客户在线评价" : "电话回访");
	tmpl_set(s, "RATED_AT", db_cell(&res, 0, 7));
	return DB_OK;
}

/* Section of a callback on the page (the call it came from, its follow-up call): CALLBACK_ID,
 * CALLBACK_STATUS (code and label), CALLBACK_DUE, and once made (DONE) OUTCOME, DONE_AT and what the
 * customer said of the problem. */
static int callback_fill(struct request *r, tmpl_dict *d, const char *section, long long id)
{
	struct db_result res;
	if (!id)
		return DB_OK;
	int st = db_exec(r->db, &r->arena, &res, SQL_CALLBACK, "i", id);
	if (st != DB_OK || !res.nrows)
		return st;
	tmpl_dict *s = tmpl_section(d, section);
	const char *outcome = db_cell(&res, 0, 2), *solved = db_cell(&res, 0, 4);
	tmpl_set_int(s, "CALLBACK_ID", id);
	tmpl_set(s, "CALLBACK_STATUS", db_cell(&res, 0, 0));
	tmpl_set(s, "CALLBACK_STATUS_LABEL", flow_status_label(&CALLBACK_FLOW, db_cell(&res, 0, 0)));
	tmpl_set(s, "CALLBACK_DUE", db_cell(&res, 0, 1));
	tmpl_set(s, "OUTCOME", outcome ? callback_outcome_label(outcome) : "");
	tmpl_set(s, "DONE_AT", db_cell(&res, 0, 3));
	if (db_cell(&res, 0, 3))
		tmpl_show(s, "DONE");
	tmpl_set(s, "CONFIRMED", !solved ? "" : !strcmp(solved, "1") ? "客户确认问题已解决" : "客户表示问题未解决");
	return DB_OK;
}

/* The two time limits: the first response runs while the complaint waits for one; the resolution
 * while it is being handled (again). */
static int limits_fill(struct request *r, tmpl_dict *d, const struct complaint *k)
{
	const int waiting = !strcmp(k->status, "open");
	const struct {
		const char *kind, *label;
		struct sla_view v;
	} limits[] = {
		{"response", "首次响应时限", {.due = k->response_due, .now = k->now, .running = waiting,
					    .done_at = k->responded_at}},
		{"resolution", "处理时限", {.due = k->resolve_due, .now = k->now,
					  .running = flow_status_open(&COMPLAINT_FLOW, k->status),
					  .done_at = k->resolved_at}},
	};
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		tmpl_dict *l = tmpl_section(d, "LIMIT");
		tmpl_set(l, "KIND", limits[i].kind);
		tmpl_set(l, "LABEL", limits[i].label);
		int st = sla_view_fill(r, l, &limits[i].v);
		if (st != DB_OK)
			return st;
	}
	return DB_OK;
}

/* Renders the whole page; message (may be NULL) explains a refused or invalid action. */
static int detail_page(struct request *r, int status, const struct complaint *k, const char *message)
{
	tmpl_dict *d = page_begin(r, status, "complaint_detail.tpl", arena_printf(&r->arena, "投诉 %s", k->public_no));
	fields_fill(r, d, k);
	tmpl_set(d, "MESSAGE", message);
	form_options(d, "AT_FAULT_OPTION", AT_FAULT, 2, message ? form_get(r, "at_fault") : NULL);
	flow_actions_show(r, d, &COMPLAINT_FLOW, k->status, 0);
	long long responsible = 0;
	if (message)
		parse_id(form_get(r, "responsible_id"), &responsible);
	int st = staff_options(r, d, "STAFF_OPTION", NULL, responsible);
	if (st == DB_OK)
		st = rating_fill(r, d, k->satisfaction_id);
	if (st == DB_OK)
		st = callback_fill(r, d, "FROM_CALLBACK", k->callback_id);
	if (st == DB_OK)
		st = callback_fill(r, d, "FOLLOWUP", k->followup_callback_id);
	if (st == DB_OK)
		st = limits_fill(r, d, k);
	if (st == DB_OK)
		st = events_fill(r, &COMPLAINT_FLOW, k->id, 0, d, "EVENT");
	return st;
}

/* GET /staff/complaints/#. Answers 200 or 404. */
int page_complaint_detail(struct request *r)
{
	struct complaint k;
	int st = complaint_load_path(r, &k);
	if (st != DB_OK || !k.id)
		return st;
	return detail_page(r, 200, &k, NULL);
}

static int run_respond(struct request *r, const struct complaint *k, struct action_outcome *o, struct db_result *res)
{
	o->note = form_text(r, "note", 2000, 1, "受理说明", &o->refusal);
	if (o->refusal)
		return DB_OK;
	o->public_note = !strcmp(k->status, "reopened") ? "您的投诉已重新受理，正在处理" : "您的投诉已受理，正在调查处理";
	return db_exec(r->db, &r->arena, res, SQL_RESPOND, "iii", r->sess.user_id, k->id, k->version);
}

/* The 责任人 when a person was at fault: an active staff member. Sets *id and *name, or o->refusal. */
static int responsible_read(struct request *r, struct action_outcome *o, long long *id, const char **name)
{
	const char *at_fault = form_get(r, "at_fault");
	*id = 0;
	*name = NULL;
	if (!choice_label(AT_FAULT, 2, at_fault)) {
		o->refusal = "请选择是否有人员责任";
		return DB_OK;
	}
	if (!strcmp(at_fault, "0"))
		return DB_OK;
	struct db_result res;
	if (!parse_id(form_get(r, "responsible_id"), id)) {
		o->refusal = "有人员责任时须指定责任人";
		o->field = "responsible_id";
		return DB_OK;
	}
	int st = db_exec(r->db, &r->arena, &res, SQL_ACTIVE_STAFF, "i", *id);
	if (st == DB_OK && !res.nrows) {
		o->refusal = "责任人须为在职员工";
		o->field = "responsible_id";
	} else if (st == DB_OK)
		*name = db_cell(&res, 0, 0);
	return st;
}

/* Resolving schedules the follow-up call in the same transaction: the customer's answer on it closes
 * or reopens the complaint. */
static int run_resolve(struct request *r, const struct complaint *k, struct action_outcome *o, struct db_result *res)
{
	const char *cause = form_text(r, "cause", 2000, 1, "投诉原因", &o->refusal);
	const char *measures = form_text(r, "measures", 2000, 1, "处理措施", &o->refusal);
	long long responsible;
	const char *responsible_name;
	if (o->refusal)
		return DB_OK;
	int st = responsible_read(r, o, &responsible, &responsible_name);
	if (st != DB_OK || o->refusal)
		return st;
	char due[20];
	long long callback;
	st = workcal_next_half_day(r, k->now, due);
	if (st == DB_OK)
		st = callback_schedule(r, k->subject, k->subject_id, k->customer_id, "complaint", due, k->id, &callback);
	if (st != DB_OK)
		return st;
	o->note = arena_printf(&r->arena, "原因：%s\n措施：%s\n责任人：%s\n回访确认 %.16s", cause, measures,
			       responsible_name ? responsible_name : "非人员责任", due);
	o->public_note = "您的投诉已处理完毕，我们将回访确认您是否满意";
	st = db_exec(r->db, &r->arena, res, SQL_RESOLVE, "sssiii", cause, measures,
		     db_id_or_null(&r->arena, responsible), callback, k->id, k->version);
	/* Counted in the complaint's own month; a reopened one resolved again moves the count to the
	 * person named now instead of counting twice. */
	if (st == DB_OK && res->affected && k->responsible_id)
		st = kpi_add(r, k->responsible_id, k->created_at, &(struct kpi_delta){.complaints = -1});
	if (st == DB_OK && res->affected)
		st = kpi_add(r, responsible, k->created_at, &(struct kpi_delta){.complaints = 1});
	return st;
}

static int run_close(struct request *r, const struct complaint *k, struct action_outcome *o, struct db_result *res)
{
	int confirmed;
	int st = complaint_followup_confirmed(r, k, &confirmed);
	if (st != DB_OK)
		return st;
	if (!confirmed) {
		o->refusal = CLOSE_NEEDS_CONFIRMATION;
		return DB_OK;
	}
	o->note = form_text(r, "note", 500, 0, "备注", &o->refusal);
	o->public_note = "投诉已结案，感谢您的反馈";
	return o->refusal ? DB_OK : complaint_close(r, k, res);
}

static int run_reopen(struct request *r, const struct complaint *k, struct action_outcome *o, struct db_result *res)
{
	const char *reason = form_text(r, "reason", 1000, 1, "重新处理的原因", &o->refusal);
	if (o->refusal)
		return DB_OK;
	char due[20];
	int st = complaint_reopen(r, k, due, res);
	if (st == DB_OK)
		o->note = arena_printf(&r->arena, "%s\n新的处理时限 %.16s", reason, due);
	o->public_note = "您的投诉已重新处理";
	return st;
}

static const struct {
	const char *action;
	int (*run)(struct request *r, const struct complaint *k, struct action_outcome *o, struct db_result *res);
} RUNS[] = {
	{"respond", run_respond}, {"resolve", run_resolve}, {"close", run_close}, {"reopen", run_reopen},
};

static int run_action(struct request *r, const struct flow_action *a, void *record, struct action_outcome *o,
		      struct db_result *res)
{
	for (size_t i = 0; i < sizeof(RUNS) / sizeof(RUNS[0]); i++)
		if (!strcmp(a->code, RUNS[i].action))
			return RUNS[i].run(r, record, o, res);
	o->refusal = "未知的操作";
	return DB_OK;
}

static int detail_page_of(struct request *r, int status, void *record, const char *message)
{
	return detail_page(r, status, record, message);
}

static int reload(struct request *r, void *record)
{
	return complaint_load(r, r->path_id, record);
}

/* POST /staff/complaints/#/action (csrf, action, version, and the action's fields). Answers 303 back
 * to the complaint; 422 with the page and a message for an action the status or role does not allow,
 * a bad field, or a close before the follow-up call confirmed it; 409 when someone else changed the
 * complaint since the page was loaded; 404. */
int page_complaint_action(struct request *r)
{
	struct complaint k;
	int st = complaint_load_path(r, &k);
	if (st != DB_OK || !k.id)
		return st;
	struct flow_post post = {
		.flow = &COMPLAINT_FLOW, .record = &k, .id = k.id, .version = k.version, .status = k.status,
		.run = run_action, .page = detail_page_of, .reload = reload,
		.back = arena_printf(&r->arena, "/staff/complaints/%lld", k.id),
	};
	return flow_post_run(r, &post);
}
