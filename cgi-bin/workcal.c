/* Time limits in business hours, read against the holidays table. */
#include "workcal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Holidays and make-up working days (kind 'workday', 调休), each kind in day order. */
static const char SQL_HOLIDAYS[] =
	"SELECT DATEDIFF(day, '1970-01-01'), kind = 'workday' FROM holidays WHERE day >= CURDATE() - INTERVAL 400 DAY "
	"ORDER BY day LIMIT 2000";

static const char SQL_NOW[] = "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')";

int workcal_now(struct request *r, const char **now)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_NOW, "");
	if (st == DB_OK)
		*now = res.nrows ? db_cell(&res, 0, 0) : NULL;
	return st == DB_OK && !*now ? DB_ERR : st;
}

int workcal_today(struct request *r, const char **today)
{
	const char *now;
	int st = workcal_now(r, &now);
	if (st == DB_OK)
		*today = arena_strndup(&r->arena, now, 10);
	return st;
}

int workcal_load(struct request *r, struct sla_calendar *cal)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_HOLIDAYS, "");
	if (st != DB_OK)
		return st;
	long long *days = arena_alloc(&r->arena, (res.nrows + 1) * sizeof(*days));
	long long *makeup = arena_alloc(&r->arena, (res.nrows + 1) * sizeof(*makeup));
	size_t ndays = 0, nmakeup = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		if (db_cell_int(&res, i, 1))
			makeup[nmakeup++] = db_cell_int(&res, i, 0);
		else
			days[ndays++] = db_cell_int(&res, i, 0);
	}
	cal->work_start_min = r->cfg->work_start_min;
	cal->work_end_min = r->cfg->work_end_min;
	cal->workdays = r->cfg->workdays;
	cal->holidays = days;
	cal->nholidays = ndays;
	cal->makeup = makeup;
	cal->nmakeup = nmakeup;
	return DB_OK;
}

/* The calendar, and now in local seconds. Returns a db_status (DB_ERR for a malformed now). */
static int calendar_now(struct request *r, const char *now, struct sla_calendar *cal, long long *t)
{
	int st = workcal_load(r, cal);
	return st != DB_OK ? st : sla_parse(now, t) ? DB_ERR : DB_OK;
}

int workcal_due(struct request *r, const char *now, long minutes, char due[20])
{
	struct sla_calendar cal;
	long long t;
	int st = calendar_now(r, now, &cal, &t);
	if (st == DB_OK)
		sla_format(sla_add(&cal, t, minutes), due);
	return st;
}

int workcal_due_from_now(struct request *r, int hours, char due[20])
{
	const char *now = NULL;
	int st = workcal_now(r, &now);
	return st != DB_OK ? st : workcal_due(r, now, (long)hours * 60, due);
}

int workcal_working(struct request *r, const char *at, int *working)
{
	struct sla_calendar cal;
	long long t;
	int st = calendar_now(r, at, &cal, &t);
	if (st == DB_OK)
		*working = sla_is_working(&cal, t);
	return st;
}

int workcal_next_half_day(struct request *r, const char *now, char at[20])
{
	struct sla_calendar cal;
	long long t;
	int st = calendar_now(r, now, &cal, &t);
	if (st == DB_OK)
		sla_format(sla_next_half_day(&cal, t), at);
	return st;
}

int workcal_left(struct request *r, const char *now, const char *due, long *left)
{
	struct sla_calendar cal;
	long long t, d;
	int st = calendar_now(r, now, &cal, &t);
	if (st == DB_OK && sla_parse(due, &d))
		st = DB_ERR;
	if (st == DB_OK)
		*left = sla_between(&cal, t, d);
	return st;
}

const char *duration_text(struct arena *a, long minutes)
{
	long m = labs(minutes);
	if (m < 60)
		return arena_printf(a, "%ld 分钟", m);
	return arena_printf(a, "%ld 小时 %ld 分钟", m / 60, m % 60);
}

int sla_view_fill(struct request *r, tmpl_dict *d, const struct sla_view *v)
{
	if (!v->due)
		return DB_OK;
	tmpl_dict *s = tmpl_section(d, "SLA");
	tmpl_set(s, "DUE", v->due);
	if (v->paused_minutes) {
		long left = strtol(v->paused_minutes, NULL, 10);
		tmpl_set(s, "STATE", arena_printf(&r->arena, "计时暂停（%s），%s%s", v->pause_reason ? v->pause_reason : "",
						  left < 0 ? "已超时 " : "剩余 ", duration_text(&r->arena, left)));
	} else if (v->running) {
		long left;
		int st = workcal_left(r, v->now, v->due, &left);
		if (st != DB_OK)
			return st == DB_ERR ? DB_OK : st;
		tmpl_set(s, "STATE", arena_printf(&r->arena, "%s%s（工作时间）", left < 0 ? "已超时 " : "剩余 ",
						  duration_text(&r->arena, left)));
		if (left < 0)
			tmpl_show(s, "OVERDUE");
	} else if (v->done_at) {
		long long done, due;
		char at[20];
		snprintf(at, sizeof(at), "%.16s:00", v->done_at);
		if (!sla_parse(at, &done) && !sla_parse(v->due, &due))
			tmpl_set(s, "STATE", done <= due ? "按时完成" : "超时完成");
	}
	return DB_OK;
}
