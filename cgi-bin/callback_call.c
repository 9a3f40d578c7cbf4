/* The outcome of a call: a rating when the customer was reached, another attempt at the next working
 * half-day when nobody answered, the customer's phone flagged when it was the wrong number. */
#include "callback_call.h"
#include "callback_db.h"
#include "callback_flow.h"
#include "complaint_db.h"
#include "events.h"
#include "form.h"
#include "workcal.h"

#include <string.h>

static const char SQL_FINISH[] =
	"UPDATE callbacks SET status = ?, outcome = ?, note = ?, attempts = attempts + 1, done_by = ?, done_at = NOW(), "
	"version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_AGAIN[] =
	"UPDATE callbacks SET status = 'due', outcome = ?, note = ?, attempts = attempts + 1, due_at = ?, taken_by = NULL, "
	"taken_at = NULL, version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?";
static const char SQL_FLAG_PHONE[] = "UPDATE customers SET phone_flagged_at = NOW() WHERE id = ?";
static const char SQL_COMPLAINT_NO[] = "SELECT public_no FROM complaints WHERE id = ?";

/* The callback's line on the timeline of the repair or return it is about. */
static int subject_event(struct request *r, const struct callback *c, const char *what)
{
	if (!strcmp(c->subject, "customer"))
		return DB_OK;
	return event_record(r, c->subject, c->subject_id, "callback", NULL, NULL,
			    arena_printf(&r->arena, "回访 #%lld：%s", c->id, what), NULL);
}

static int finish(struct request *r, const struct callback *c, const char *status, const char *outcome,
		  const char *note, struct db_result *res)
{
	return db_exec(r->db, &r->arena, res, SQL_FINISH, "sssiii", status, outcome, note, r->sess.user_id, c->id,
		       c->version);
}

static const char *rating_text(struct request *r, const struct rating *g)
{
	return arena_printf(&r->arena, "服务态度 %d、响应速度 %d、维修质量 %d、总体 %d，%s%s%s", g->attitude, g->timeliness,
			    g->quality, g->overall, g->solved ? "问题已解决" : "问题未解决", *g->comment ? "。客户意见：" : "",
			    g->comment);
}

/* The follow-up of a complaint: the customer's answer closes the complaint or reopens it (with a new
 * resolution time limit), as its page would; a complaint no longer waiting for the answer is left. */
static int confirm_complaint(struct request *r, const struct callback *c, const struct rating *g, const char **said)
{
	long long satisfaction;
	struct complaint k;
	struct db_result res = {0};
	char due[20];
	int st = satisfaction_store(r, c->subject, c->subject_id, c->id, "phone", g, &satisfaction);
	if (st == DB_OK)
		st = complaint_load(r, c->complaint_id, &k);
	if (st != DB_OK)
		return st;
	if (!k.id || strcmp(k.status, "resolved")) {
		*said = arena_printf(&r->arena, "投诉 %s 不在待确认状态，未改动", k.id ? k.public_no : "");
		return DB_OK;
	}
	st = g->solved ? complaint_close(r, &k, &res) : complaint_reopen(r, &k, due, &res);
	if (st != DB_OK)
		return st;
	if (!res.affected)
		return DB_STALE;
	*said = g->solved ? arena_printf(&r->arena, "投诉 %s 经客户确认已解决，已结案", k.public_no)
			  : arena_printf(&r->arena, "投诉 %s 客户表示未解决，已重新处理，处理时限 %.16s", k.public_no, due);
	return event_record(r, "complaint", k.id, "confirm", "resolved", g->solved ? "closed" : "reopened",
			    arena_printf(&r->arena, "回访 #%lld：%s", c->id, rating_text(r, g)), NULL);
}

static int run_reached(struct request *r, const struct callback *c, const char *note, struct action_outcome *o,
		       struct db_result *res)
{
	struct rating g;
	o->refusal = rating_read(r, &g);
	if (o->refusal)
		return DB_OK;
	int st = finish(r, c, "done", "reached", note, res);
	if (st != DB_OK || !res->affected)
		return st;
	const char *said = "";
	long long complaint = 0;
	if (c->complaint_id) {
		st = confirm_complaint(r, c, &g, &said);
	} else {
		struct db_result no;
		st = satisfaction_record(r, c->subject, c->subject_id, c->customer_id, c->id, "phone", &g, &complaint);
		if (st == DB_OK && complaint)
			st = db_exec(r->db, &r->arena, &no, SQL_COMPLAINT_NO, "i", complaint);
		if (st == DB_OK && complaint)
			said = arena_printf(&r->arena, "评价不满意，已自动登记投诉 %s", db_cell(&no, 0, 0));
	}
	if (st != DB_OK)
		return st;
	o->to = "done";
	o->note = arena_printf(&r->arena, "已接通：%s%s%s%s%s", rating_text(r, &g), *said ? "；" : "", said,
			       *note ? "。备注：" : "", note);
	return subject_event(r, c, arena_printf(&r->arena, "已接通，%s", rating_text(r, &g)));
}

/* No answer or a busy line: again at the next working half-day, or unreachable after the last attempt. */
static int run_again(struct request *r, const struct callback *c, const char *outcome, const char *note,
		     struct action_outcome *o, struct db_result *res)
{
	long long attempt = c->attempts + 1, max = r->cfg->callback_max_attempts;
	const char *what = arena_printf(&r->arena, "%s（第 %lld 次）", callback_outcome_label(outcome), attempt);
	const char *tail = *note ? arena_printf(&r->arena, "。备注：%s", note) : "";
	int st;
	if (attempt >= max) {
		o->to = "unreachable";
		o->note = arena_printf(&r->arena, "%s，已打 %lld 次，无法联系%s", what, max, tail);
		st = finish(r, c, "unreachable", outcome, note, res);
		return st == DB_OK && res->affected ? subject_event(r, c, o->note) : st;
	}
	char due[20];
	st = workcal_next_half_day(r, c->now, due);
	if (st != DB_OK)
		return st;
	o->to = "due";
	o->note = arena_printf(&r->arena, "%s，下次回访 %.16s%s", what, due, tail);
	return db_exec(r->db, &r->arena, res, SQL_AGAIN, "sssii", outcome, note, due, c->id, c->version);
}

int callback_call_run(struct request *r, const struct callback *c, struct action_outcome *o, struct db_result *res)
{
	const char *outcome = form_get(r, "outcome");
	const char *label = outcome && strcmp(outcome, "answered_online") ? callback_outcome_label(outcome) : NULL;
	const char *note = form_text(r, "note", 1000, 0, "回访备注", &o->refusal);
	if (!label && !o->refusal)
		o->refusal = "请选择回访结果";
	if (o->refusal)
		return DB_OK;
	if (!strcmp(outcome, "reached"))
		return run_reached(r, c, note, o, res);
	if (!strcmp(outcome, "no_answer") || !strcmp(outcome, "busy"))
		return run_again(r, c, outcome, note, o, res);
	o->to = "done";
	o->note = arena_printf(&r->arena, "%s%s%s%s", label, !strcmp(outcome, "wrong_number") ? "，已标记客户电话待更正" : "",
			       *note ? "。备注：" : "", note);
	int st = finish(r, c, "done", outcome, note, res);
	if (st != DB_OK || !res->affected)
		return st;
	if (!strcmp(outcome, "wrong_number"))
		st = db_exec(r->db, &r->arena, NULL, SQL_FLAG_PHONE, "i", c->customer_id);
	return st == DB_OK ? subject_event(r, c, label) : st;
}
