/* Staff KPIs kept per person and month (table staff_months, sql/012_staff_kpi.sql), added to in the
 * transaction of each change that counts, so the KPI page reads a few rows at any size of database.
 * kpi_rebuild() in the migration follows the same rules; change both together. */
#ifndef AFTERSALES_KPI_DB_H
#define AFTERSALES_KPI_DB_H
#include "request.h"

/* What one change adds to a person's month; fields left 0 add nothing. */
struct kpi_delta {
	long long jobs, on_time, timed, resolve_minutes, minutes_jobs, labour_minutes;
	long long ratings, attitude, timeliness, quality, complaints, repeats;
};

/* Adds d to user_id's row for the month of when ("YYYY-MM-DD[ HH:MM...]"; NULL: the database's
 * now), creating it. user_id 0 (nobody) adds nothing. */
int kpi_add(struct request *r, long long user_id, const char *when, const struct kpi_delta *d);
/* A rating's scores (1..5 each) counted in its month for everyone's satisfaction chart. */
int kpi_rating_scores(struct request *r, int attitude, int timeliness, int quality);
/* A repair just resolved: a job for its assignee, with the on-time flag and working minutes the
 * resolve stored on the row (read back, so live counting and kpi_rebuild() see the same values). */
int kpi_repair_resolved(struct request *r, long long repair_id);

#endif
