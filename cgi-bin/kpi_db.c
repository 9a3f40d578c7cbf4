/* Staff KPIs per person and month, kept in each change's transaction (see kpi_db.h). */
#include "kpi_db.h"

static const char SQL_KPI_ADD[] =
	"INSERT INTO staff_months (month, user_id, jobs, on_time, timed, resolve_minutes, minutes_jobs, labour_minutes, "
	"ratings, attitude_sum, timeliness_sum, quality_sum, complaints, repeats) "
	"VALUES (DATE_FORMAT(COALESCE(?, NOW()), '%Y-%m-01'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"ON DUPLICATE KEY UPDATE jobs = jobs + VALUES(jobs), on_time = on_time + VALUES(on_time), "
	"timed = timed + VALUES(timed), resolve_minutes = resolve_minutes + VALUES(resolve_minutes), "
	"minutes_jobs = minutes_jobs + VALUES(minutes_jobs), labour_minutes = labour_minutes + VALUES(labour_minutes), "
	"ratings = ratings + VALUES(ratings), attitude_sum = attitude_sum + VALUES(attitude_sum), "
	"timeliness_sum = timeliness_sum + VALUES(timeliness_sum), quality_sum = quality_sum + VALUES(quality_sum), "
	"complaints = complaints + VALUES(complaints), repeats = repeats + VALUES(repeats)";
static const char SQL_RESOLVED[] =
	"SELECT COALESCE(assignee_id, 0), DATE_FORMAT(resolved_at, '%Y-%m-%d'), COALESCE(resolved_on_time, 0), "
	"resolved_on_time IS NOT NULL, COALESCE(resolve_minutes, 0), resolve_minutes IS NOT NULL "
	"FROM repairs WHERE id = ? AND resolved_at IS NOT NULL";
int kpi_add(struct request *r, long long user_id, const char *when, const struct kpi_delta *d)
{
	if (!user_id)
		return DB_OK;
	return db_exec(r->db, &r->arena, NULL, SQL_KPI_ADD, "siiiiiiiiiiiii", when, user_id, d->jobs, d->on_time,
		       d->timed, d->resolve_minutes, d->minutes_jobs, d->labour_minutes, d->ratings, d->attitude,
		       d->timeliness, d->quality, d->complaints, d->repeats);
}

int kpi_repair_resolved(struct request *r, long long repair_id)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_RESOLVED, "i", repair_id);
	if (st != DB_OK || !res.nrows)
		return st;
	struct kpi_delta d = {
		.jobs = 1, .on_time = db_cell_int(&res, 0, 2), .timed = db_cell_int(&res, 0, 3),
		.resolve_minutes = db_cell_int(&res, 0, 4), .minutes_jobs = db_cell_int(&res, 0, 5),
	};
	return kpi_add(r, db_cell_int(&res, 0, 0), db_cell(&res, 0, 1), &d);
}

/* One row per month of 15 counters: column <dimension letter><score>. */
static const char SQL_RATING_SCORES[] =
	"INSERT INTO rating_months (month, a1, a2, a3, a4, a5, t1, t2, t3, t4, t5, q1, q2, q3, q4, q5) "
	"VALUES (DATE_FORMAT(NOW(), '%Y-%m-01'), "
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	"a1 = a1 + VALUES(a1), a2 = a2 + VALUES(a2), a3 = a3 + VALUES(a3), a4 = a4 + VALUES(a4), a5 = a5 + VALUES(a5), "
	"t1 = t1 + VALUES(t1), t2 = t2 + VALUES(t2), t3 = t3 + VALUES(t3), t4 = t4 + VALUES(t4), t5 = t5 + VALUES(t5), "
	"q1 = q1 + VALUES(q1), q2 = q2 + VALUES(q2), q3 = q3 + VALUES(q3), q4 = q4 + VALUES(q4), q5 = q5 + VALUES(q5)";

int kpi_rating_scores(struct request *r, int attitude, int timeliness, int quality)
{
	long long c[15] = {0};
	const int scores[3] = {attitude, timeliness, quality};
	for (int d = 0; d < 3; d++)
		if (scores[d] >= 1 && scores[d] <= 5)
			c[d * 5 + scores[d] - 1] = 1;
	return db_exec(r->db, &r->arena, NULL, SQL_RATING_SCORES, "iiiiiiiiiiiiiii", c[0], c[1], c[2], c[3], c[4], c[5],
		       c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14]);
}
