/* The staff KPI score (see kpi_score.h for the formula). */
#include "kpi_score.h"

#include <math.h>

static const char *const PARTS[KPI_PARTS][2] = {
	{"on_time", "按时完成率"}, {"speed", "处理速度"}, {"satisfaction", "客户满意度"},
	{"complaints", "投诉"}, {"repeats", "返修"},
};

const char *kpi_part_code(enum kpi_part p)
{
	return PARTS[p][0];
}

const char *kpi_part_label(enum kpi_part p)
{
	return PARTS[p][1];
}

static double at_least_zero(double v)
{
	return v < 0 ? 0 : v;
}

void kpi_score(const struct kpi_rules *w, const struct kpi_figures *f, struct kpi_result *out)
{
	*out = (struct kpi_result){.scored = 0};
	if (f->timed > 0) {
		out->has[KPI_ON_TIME] = 1;
		out->part[KPI_ON_TIME] = 100.0 * (double)f->on_time / (double)f->timed;
	}
	if (f->minutes_jobs > 0) {
		double average = (double)f->resolve_minutes / (double)f->minutes_jobs;
		double target = 60.0 * w->speed_target_hours;
		out->has[KPI_SPEED] = 1;
		out->part[KPI_SPEED] = average <= target ? 100 : 100 * target / average;
	}
	if (f->ratings > 0) {
		double average = (double)(f->attitude_sum + f->timeliness_sum + f->quality_sum) / (3.0 * (double)f->ratings);
		out->has[KPI_SATISFACTION] = 1;
		out->part[KPI_SATISFACTION] = (average - 1) * 25;
	}
	out->has[KPI_COMPLAINTS] = out->has[KPI_REPEATS] = 1;
	out->part[KPI_COMPLAINTS] = at_least_zero(100.0 - (double)w->complaint_points * (double)f->complaints);
	out->part[KPI_REPEATS] = at_least_zero(100.0 - (double)w->repeat_points * (double)f->repeats);
	/* Complaints and repeats alone say nothing of a month without work to judge. */
	if (!f->jobs && !out->has[KPI_ON_TIME] && !out->has[KPI_SPEED] && !out->has[KPI_SATISFACTION])
		return;
	double sum = 0, weights = 0;
	for (int p = 0; p < KPI_PARTS; p++)
		if (out->has[p]) {
			sum += w->weight[p] * out->part[p];
			weights += w->weight[p];
		}
	if (weights <= 0)
		return;
	out->scored = 1;
	out->score = round(sum / weights * 10) / 10;
}
