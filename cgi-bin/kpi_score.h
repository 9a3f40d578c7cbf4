/* The staff KPI score (业务考核): five parts, each mapped to 0–100, weighted by the [kpi] section of
 * the configuration. Pure, so the page shows exactly the formula it computes. */
#ifndef AFTERSALES_KPI_SCORE_H
#define AFTERSALES_KPI_SCORE_H

enum kpi_part { KPI_ON_TIME, KPI_SPEED, KPI_SATISFACTION, KPI_COMPLAINTS, KPI_REPEATS, KPI_PARTS };

struct kpi_rules {
	int weight[KPI_PARTS];   /* relative weights; a part without figures drops out and the rest share */
	int speed_target_hours;  /* average business hours to resolve that still scores 100 */
	int complaint_points;    /* points off the complaints part per attributed complaint */
	int repeat_points;       /* points off the repeats part per repeat repair */
};

/* A person's month, as staff_months keeps it. */
struct kpi_figures {
	long long jobs, on_time, timed, resolve_minutes, minutes_jobs;
	long long ratings, attitude_sum, timeliness_sum, quality_sum, complaints, repeats;
};

struct kpi_result {
	double part[KPI_PARTS];  /* 0–100 */
	int has[KPI_PARTS];      /* the part had figures to judge */
	double score;            /* 0–100, rounded to one decimal */
	int scored;              /* 0: no jobs, no timed jobs and no ratings: nothing to judge */
};

/* on_time:      100 × on time ÷ jobs with a time limit
 * speed:        100 when the average business hours to resolve is at most the target, else
 *               100 × target ÷ average
 * satisfaction: (average of attitude, timeliness and quality − 1) × 25, a 1–5 score as 0–100
 * complaints:   100 − complaint_points × complaints, at least 0
 * repeats:      100 − repeat_points × repeats, at least 0
 * score:        Σ weight × part ÷ Σ weight, over the parts with figures. */
void kpi_score(const struct kpi_rules *w, const struct kpi_figures *f, struct kpi_result *out);
/* The part's code (data-metric and the weight's key in [kpi]) and its label. */
const char *kpi_part_code(enum kpi_part p);
const char *kpi_part_label(enum kpi_part p);

#endif
