/* One callback for staff: what the job was, the customer (the whole phone only to the agent calling),
 * the call form with the rating, the timeline, and the actions of CALLBACK_FLOW. */
#include "audit.h"
#include "callback_call.h"
#include "callback_db.h"
#include "callback_flow.h"
#include "callback_view.h"
#include "events.h"
#include "flow_post.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "valid.h"

#include <string.h>

/* Another agent may take it from a taker who left it untouched for [callbacks] release_minutes. */
static const char SQL_TAKE[] =
	"UPDATE callbacks SET status = 'taken', taken_by = ?, taken_at = NOW(), version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ? AND (status = 'due' OR (status = 'taken' AND taken_at < NOW() - INTERVAL ? MINUTE))";
static const char SQL_RELEASE[] =
	"UPDATE callbacks SET status = 'due', taken_by = NULL, taken_at = NULL, version = version + 1, updated_at = NOW() "
	"WHERE id = ? AND version = ?";
static const char SQL_CANCEL[] =
	"UPDATE callbacks SET status = 'cancelled', note = ?, done_by = ?, done_at = NOW(), version = version + 1, "
	"updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_RATING[] =
	"SELECT attitude, timeliness, quality, overall, solved, comment FROM satisfaction "
	"WHERE subject = ? AND subject_id = ? AND callback_id = ? ORDER BY id DESC LIMIT 1";

/* 1 when the user is the agent calling now. */
static int is_caller(const struct request *r, const struct callback *c)
{
	return !strcmp(c->shown, "taken") && c->taken_by == r->sess.user_id;
}

/* Who may act on a callback beyond the flow table: only the agent calling records the call, the
 * agent or a supervisor releases it, and nobody is offered to take it while an agent is on it. */
static const char *holder_refusal(const struct request *r, const void *record, const char *code)
{
	const struct callback *c = record;
	if (!strcmp(code, "call") && !is_caller(r, c))
		return "只有正在回访的客服才能记录回访结果，请先点“我来回访”";
	if (!strcmp(code, "release") && !is_caller(r, c) && !(r->sess.role & ROLES_SUPERVISOR))
		return "只有正在回访的客服或主管可以放弃回访";
	if (!strcmp(code, "take") && !strcmp(c->shown, "taken"))
		return "其他客服正在回访";
	return NULL;
}

static void fields_fill(struct request *r, tmpl_dict *d, const struct callback *c, int whole_phone)
{
	const struct db_result *row = &c->row;
	char masked[32];
	callback_row_fill(r, d, row, 0);
	tmpl_set_int(d, "ID", c->id);
	tmpl_set_int(d, "VERSION", c->version);
	tmpl_set_int(d, "CUSTOMER_ID", c->customer_id);
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set(d, "NAME", db_cell(row, 0, CB_NAME));
	phone_mask(db_cell(row, 0, CB_PHONE), masked);
	page_phone(d, "PHONE", whole_phone ? db_cell(row, 0, CB_PHONE) : masked);
	if (whole_phone)
		tmpl_show(d, "WHOLE_PHONE");
	if (!strcmp(c->subject, "repair"))
		tmpl_set(d, "WORK", db_cell(row, 0, CB_FULL_RESULT));
	tmpl_set_int(d, "MAX_ATTEMPTS", r->cfg->callback_max_attempts);
	tmpl_set(d, "TAKEN_AT", db_cell(row, 0, CB_TAKEN_AT));
	tmpl_set(d, "CREATOR", db_cell(row, 0, CB_CREATOR));
	tmpl_set(d, "NOTE", db_cell(row, 0, CB_NOTE));
	if (db_cell(row, 0, CB_DONE_AT)) {
		tmpl_dict *done = tmpl_section(d, "DONE");
		tmpl_set(done, "DONE_BY", db_cell(row, 0, CB_DONE_BY));
		tmpl_set(done, "DONE_AT", db_cell(row, 0, CB_DONE_AT));
	}
	if (c->complaint_id) {
		tmpl_dict *k = tmpl_section(d, "COMPLAINT");
		tmpl_set_int(k, "COMPLAINT_ID", c->complaint_id);
		tmpl_set(k, "COMPLAINT_NO", c->complaint_no);
	}
	/* a complaint made on the call is about the repair or return, or the customer */
	const char *no = db_cell(row, 0, CB_NO);
	tmpl_set(d, "COMPLAINT_NEW", *no ? arena_printf(&r->arena, "/staff/complaints/new?no=%s", no)
				     : arena_printf(&r->arena, "/staff/complaints/new?customer_id=%lld", c->customer_id));
	if (r->sess.role & (ROLE_AGENT | ROLES_SUPERVISOR))
		tmpl_show(d, "CUSTOMER_LINK");
	/* a row with nothing to say (no call yet, made by the system) takes no room */
	const char *const optional[][2] = {
		{"HAS_OUTCOME", db_cell(row, 0, CB_OUTCOME)}, {"HAS_CREATOR", db_cell(row, 0, CB_CREATOR)},
		{"HAS_PEOPLE", db_cell(row, 0, CB_TECHNICIAN) ? "1" : db_cell(row, 0, CB_AGENT)},
	};
	for (size_t i = 0; i < sizeof(optional) / sizeof(optional[0]); i++)
		if (optional[i][1] && *optional[i][1])
			tmpl_show(d, optional[i][0]);
}

/* Renders the page; message (may be NULL) explains a refused action or a conflict. Each time the whole
 * phone is shown the audit trail says so. */
static int detail_page(struct request *r, int status, const struct callback *c, const char *message)
{
	struct db_result rating;
	int whole_phone = is_caller(r, c);
	int st = db_exec(r->db, &r->arena, &rating, SQL_RATING, "sii", c->subject, c->subject_id, c->id);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, status, "callback_detail.tpl", arena_printf(&r->arena, "回访 #%lld", c->id));
	fields_fill(r, d, c, whole_phone);
	if (rating.nrows) {
		tmpl_dict *given = tmpl_section(d, "RATING");
		rating_scores_fill(given, &rating);
		tmpl_set(given, "COMMENT", db_cell(&rating, 0, 5));
	}
	tmpl_set(d, "MESSAGE", message);
	const char *outcome = message ? form_get(r, "outcome") : NULL;
	form_options(d, "OUTCOME_OPTION", CALLBACK_OUTCOMES, CALLBACK_OUTCOMES_N - 1, outcome);
	rating_form_fill(r, d, outcome && !strcmp(outcome, "reached"));
	flow_actions_show_if(r, d, &CALLBACK_FLOW, c->shown, 0, holder_refusal, c);
	st = events_fill(r, &CALLBACK_FLOW, c->id, 0, d, "EVENT");
	if (st == DB_OK && whole_phone)
		st = audit_record(r, "phone_view", arena_printf(&r->arena, "callback #%lld", c->id),
				  arena_printf(&r->arena, "客户 #%lld 的完整电话（回访中）", c->customer_id));
	return st;
}

/* GET /staff/callbacks/#. Answers 200 or 404. */
int page_callback_detail(struct request *r)
{
	struct callback c;
	int st = callback_load_path(r, &c);
	if (st != DB_OK || !c.id)
		return st;
	return detail_page(r, 200, &c, NULL);
}

static int run_take(struct request *r, const struct callback *c, struct action_outcome *o, struct db_result *res)
{
	if (!strcmp(c->status, "taken"))
		o->note = arena_printf(&r->arena, "%s 超过 %d 分钟未处理，改由 %s 回访", db_cell(&c->row, 0, CB_TAKER),
				       r->cfg->callback_release_minutes, r->sess.display_name);
	return db_exec(r->db, &r->arena, res, SQL_TAKE, "iiii", r->sess.user_id, c->id, c->version,
		       (long long)r->cfg->callback_release_minutes);
}

static int run_release(struct request *r, const struct callback *c, struct action_outcome *o, struct db_result *res)
{
	if (c->taken_by != r->sess.user_id)
		o->note = arena_printf(&r->arena, "收回 %s 的回访", db_cell(&c->row, 0, CB_TAKER));
	return db_exec(r->db, &r->arena, res, SQL_RELEASE, "ii", c->id, c->version);
}

static int run_cancel(struct request *r, const struct callback *c, struct action_outcome *o, struct db_result *res)
{
	const char *reason = form_text(r, "reason", 500, 1, "取消原因", &o->refusal);
	if (o->refusal)
		return DB_OK;
	o->note = reason;
	return db_exec(r->db, &r->arena, res, SQL_CANCEL, "siii", reason, r->sess.user_id, c->id, c->version);
}

static int run_action(struct request *r, const struct flow_action *a, void *record, struct action_outcome *o,
		      struct db_result *res)
{
	const struct callback *c = record;
	o->refusal = strcmp(a->code, "take") ? holder_refusal(r, c, a->code) : NULL;
	if (o->refusal)
		return DB_OK;
	if (!strcmp(a->code, "take"))
		return run_take(r, c, o, res);
	if (!strcmp(a->code, "release"))
		return run_release(r, c, o, res);
	if (!strcmp(a->code, "call"))
		return callback_call_run(r, c, o, res);
	if (!strcmp(a->code, "cancel"))
		return run_cancel(r, c, o, res);
	o->refusal = "未知的操作";
	return DB_OK;
}

static int detail_page_of(struct request *r, int status, void *record, const char *message)
{
	return detail_page(r, status, record, message);
}

static int reload(struct request *r, void *record)
{
	return callback_load(r, r->path_id, record);
}

/* POST /staff/callbacks/#/action (csrf, action, version, and the action's fields). Answers 303 back to
 * the callback; 422 with the page and a message for an action the status, role or taker does not
 * allow or a bad field; 409 when someone else changed it first (another agent took it); 404. */
int page_callback_action(struct request *r)
{
	struct callback c;
	int st = callback_load_path(r, &c);
	if (st != DB_OK || !c.id)
		return st;
	struct flow_post post = {
		.flow = &CALLBACK_FLOW, .record = &c, .id = c.id, .version = c.version, .status = c.shown,
		.run = run_action, .page = detail_page_of, .reload = reload,
		.back = arena_printf(&r->arena, "/staff/callbacks/%lld", c.id),
	};
	return flow_post_run(r, &post);
}
