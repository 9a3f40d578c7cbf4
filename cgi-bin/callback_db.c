/* Callbacks, satisfaction and complaints as the other areas create them. */
#include "callback_db.h"
#include "callback_flow.h"
#include "events.h"
#include "form.h"
#include "intake.h"
#include "kpi_db.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

static const char SQL_REPAIR_PEOPLE[] =
	"SELECT COALESCE(r.assignee_id, 0), COALESCE(r.created_by, (SELECT e.actor_id FROM events e "
	"WHERE e.subject = 'repair' AND e.subject_id = r.id AND e.action = 'accept' ORDER BY e.id LIMIT 1), 0) "
	"FROM repairs r WHERE r.id = ?";
static const char SQL_RETURN_PEOPLE[] =
	"SELECT COALESCE(inspected_by, 0), COALESCE(created_by, decided_by, 0) FROM returns WHERE id = ?";
static const char SQL_CALLBACK_INSERT[] =
	"INSERT INTO callbacks (subject, subject_id, customer_id, reason, complaint_id, due_at, technician_id, agent_id, "
	"created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), NOW())";
static const char SQL_SATISFACTION_INSERT[] =
	"INSERT INTO satisfaction (subject, subject_id, callback_id, source, online_id, attitude, timeliness, quality, "
	"overall, solved, comment, technician_id, agent_id, recorded_by, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW())";
static const char SQL_COMPLAINT_INSERT[] =
	"INSERT INTO complaints (public_no, subject, subject_id, customer_id, callback_id, satisfaction_id, source, "
	"description, response_due, resolve_due, created_by, created_at, updated_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), NOW())";

int job_people_load(struct request *r, const char *subject, long long id, struct job_people *out)
{
	*out = (struct job_people){0, 0};
	const char *sql = !strcmp(subject, "repair") ? SQL_REPAIR_PEOPLE : !strcmp(subject, "return") ? SQL_RETURN_PEOPLE : NULL;
	if (!sql)
		return DB_OK;
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, sql, "i", id);
	if (st == DB_OK && res.nrows) {
		out->technician_id = db_cell_int(&res, 0, 0);
		out->agent_id = db_cell_int(&res, 0, 1);
	}
	return st;
}

int callback_schedule(struct request *r, const char *subject, long long id, long long customer_id, const char *reason,
		      const char *due, long long complaint_id, long long *callback_id)
{
	struct job_people people;
	struct db_result res;
	char when[20];
	int st = job_people_load(r, subject, id, &people);
	if (st == DB_OK && !due) {
		const char *now;
		long day = r->cfg->work_end_min - r->cfg->work_start_min;
		st = workcal_now(r, &now);
		if (st == DB_OK)
			st = workcal_due(r, now, day * r->cfg->callback_delay_days, when);
		due = when;
	}
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_CALLBACK_INSERT, "sisssssss", subject, id,
			     db_id_or_null(&r->arena, customer_id), reason, db_id_or_null(&r->arena, complaint_id), due,
			     db_id_or_null(&r->arena, people.technician_id), db_id_or_null(&r->arena, people.agent_id),
			     db_id_or_null(&r->arena, r->sess.user_id));
	if (st != DB_OK)
		return st;
	*callback_id = (long long)res.insert_id;
	return event_record(r, "callback", *callback_id, "schedule", NULL, "due",
			    arena_printf(&r->arena, "回访时间 %.16s", due), NULL);
}

const char *rating_read(struct request *r, struct rating *g)
{
	int *scores[] = {&g->attitude, &g->timeliness, &g->quality, &g->overall};
	for (size_t i = 0; i < 4; i++) {
		long long v;
		if (!parse_int_range(form_get(r, SATISFACTION_DIMENSIONS[i][0]), 1, 5, &v))
			return "请为每一项选择 1 到 5 分";
		*scores[i] = (int)v;
	}
	const char *solved = form_get(r, "solved");
	if (!solved || (strcmp(solved, "1") && strcmp(solved, "0")))
		return "请选择问题是否已解决";
	g->solved = solved[0] == '1';
	const char *why = NULL;
	g->comment = form_text(r, "comment", 1000, 0, "意见", &why);
	return why;
}

int rating_is_bad(const struct request *r, const struct rating *g)
{
	int low = r->cfg->complaint_low_score;
	return !g->solved || g->attitude <= low || g->timeliness <= low || g->quality <= low || g->overall <= low;
}

static const char *const SOLVED[][2] = {{"1", "已解决"}, {"0", "未解决"}};

void rating_form_fill(struct request *r, tmpl_dict *d, int posted)
{
	static const char *const SCORES[][2] = {{"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}};
	tmpl_dict *f = tmpl_include(d, "RATING_FIELDS", "rating_fields.tpl");
	for (size_t i = 0; i < SATISFACTION_DIMENSIONS_N; i++) {
		const char *code = SATISFACTION_DIMENSIONS[i][0];
		const char *chosen = posted ? form_trimmed(r, code) : "";
		tmpl_dict *dim = tmpl_section(f, "DIMENSION");
		tmpl_set(dim, "NAME", code);
		tmpl_set(dim, "TITLE", SATISFACTION_DIMENSIONS[i][1]);
		form_options(dim, "SCORE_OPTION", SCORES, 5, chosen);
		if (posted && !*chosen)
			tmpl_set(dim, "ERROR", "请选择");
	}
	const char *solved = posted ? form_trimmed(r, "solved") : "";
	form_options(f, "SOLVED_OPTION", SOLVED, 2, solved);
	if (posted && !*solved)
		tmpl_set(f, "solved_error", "请选择");
	tmpl_set(f, "comment", posted ? form_trimmed(r, "comment") : "");
}

void rating_scores_fill(tmpl_dict *d, const struct db_result *res)
{
	for (size_t i = 0; i < SATISFACTION_DIMENSIONS_N; i++) {
		tmpl_dict *s = tmpl_section(d, "SCORE");
		tmpl_set(s, "CODE", SATISFACTION_DIMENSIONS[i][0]);
		tmpl_set(s, "LABEL", SATISFACTION_DIMENSIONS[i][1]);
		tmpl_set(s, "VALUE", db_cell(res, 0, i));
	}
	tmpl_set(d, "SOLVED", choice_label(SOLVED, 2, db_cell(res, 0, 4)));
}

int satisfaction_store(struct request *r, const char *subject, long long id, long long callback_id, const char *source,
		       const struct rating *g, long long *satisfaction_id)
{
	struct job_people people;
	struct db_result res;
	int online = !strcmp(source, "online");
	int st = job_people_load(r, subject, id, &people);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_SATISFACTION_INSERT, "sissssssssssss", subject, id,
			     db_id_or_null(&r->arena, callback_id), source, online ? db_id_or_null(&r->arena, id) : NULL,
			     arena_printf(&r->arena, "%d", g->attitude), arena_printf(&r->arena, "%d", g->timeliness),
			     arena_printf(&r->arena, "%d", g->quality), arena_printf(&r->arena, "%d", g->overall),
			     g->solved ? "1" : "0", g->comment ? g->comment : "",
			     db_id_or_null(&r->arena, people.technician_id), db_id_or_null(&r->arena, people.agent_id),
			     db_id_or_null(&r->arena, r->sess.user_id));
	if (st != DB_OK)
		return st;
	*satisfaction_id = (long long)res.insert_id;
	/* The rating counts for the technician who did the job and the agent who took it in, once each. */
	struct kpi_delta d = {.ratings = 1, .attitude = g->attitude, .timeliness = g->timeliness, .quality = g->quality};
	st = kpi_add(r, people.technician_id, NULL, &d);
	if (st == DB_OK && people.agent_id != people.technician_id)
		st = kpi_add(r, people.agent_id, NULL, &d);
	if (st == DB_OK)
		st = kpi_rating_scores(r, g->attitude, g->timeliness, g->quality);
	return st;
}

int satisfaction_record(struct request *r, const char *subject, long long id, long long customer_id,
			long long callback_id, const char *source, const struct rating *g, long long *complaint_id)
{
	long long satisfaction_id;
	*complaint_id = 0;
	int st = satisfaction_store(r, subject, id, callback_id, source, g, &satisfaction_id);
	if (st != DB_OK || !rating_is_bad(r, g))
		return st;
	const char *description = arena_printf(&r->arena, "%s：态度 %d、速度 %d、质量 %d、总体 %d，%s。%s",
					       !strcmp(source, "online") ? "客户在线评价" : "回访评价", g->attitude,
					       g->timeliness, g->quality, g->overall, g->solved ? "问题已解决" : "问题未解决",
					       g->comment ? g->comment : "");
	return complaint_open(r, subject, id, customer_id, callback_id, satisfaction_id,
			      g->solved ? "low_score" : "not_solved", description, complaint_id);
}

int complaint_open(struct request *r, const char *subject, long long id, long long customer_id, long long callback_id,
		   long long satisfaction_id, const char *source, const char *description, long long *complaint_id)
{
	const char *now, *no;
	char response_due[20], resolve_due[20];
	struct db_result res;
	int st = workcal_now(r, &now);
	if (st == DB_OK)
		st = workcal_due(r, now, (long)r->cfg->complaint_response_hours * 60, response_due);
	if (st == DB_OK)
		st = workcal_due(r, now, (long)r->cfg->complaint_resolve_hours * 60, resolve_due);
	if (st == DB_OK)
		st = intake_number(r, 'C', &no);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_COMPLAINT_INSERT, "ssissssssss", no, subject, id,
			     db_id_or_null(&r->arena, customer_id), db_id_or_null(&r->arena, callback_id),
			     db_id_or_null(&r->arena, satisfaction_id), source, description, response_due, resolve_due,
			     db_id_or_null(&r->arena, r->sess.user_id));
	if (st != DB_OK)
		return st;
	*complaint_id = (long long)res.insert_id;
	st = event_record(r, "complaint", *complaint_id, "open", NULL, "open", description, NULL);
	if (st == DB_OK && strcmp(subject, "customer"))
		st = event_record(r, subject, id, "complaint", NULL, NULL, arena_printf(&r->arena, "投诉 %s", no),
				  "您的意见已登记为投诉，主管将尽快处理");
	return st;
}
