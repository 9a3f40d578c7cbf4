/* Unit tests of the reports' arithmetic: percentiles and means of working minutes (cgi-bin/stats.h),
 * resolution times in business hours across a weekend and a holiday (sla_between), the ledger's
 * reading of status changes (ledger_metric), the charts' axis (chart_nice_max) and the staff KPI
 * score (kpi_score). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "chart.h"
#include "kpi_score.h"
#include "callback_flow.h"
#include "ledger.h"
#include "repair_flow.h"
#include "return_flow.h"
#include "sla.h"
#include "stats.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MON_FRI 0x3E

static void test_percentile_nearest_rank(void **state)
{
	(void)state;
	long ten[] = {100, 10, 90, 20, 80, 30, 70, 40, 60, 50};
	assert_int_equal(stats_percentile(ten, 10, 90), 90);  /* rank ceil(9.0) = 9 */
	assert_int_equal(ten[0], 10);                         /* sorted in place */
	assert_int_equal(stats_percentile(ten, 10, 50), 50);
	assert_int_equal(stats_percentile(ten, 10, 100), 100);
	assert_int_equal(stats_percentile(ten, 10, 91), 100); /* rank ceil(9.1) = 10 */
	assert_int_equal(stats_percentile(ten, 10, 1), 10);
	long one[] = {42};
	assert_int_equal(stats_percentile(one, 1, 90), 42);
	long three[] = {5, 1, 3};
	assert_int_equal(stats_percentile(three, 3, 90), 5);  /* rank ceil(2.7) = 3 */
	assert_int_equal(stats_percentile(three, 3, 33.3), 1); /* rank ceil(0.999) = 1 */
	assert_int_equal(stats_percentile(three, 3, 50), 3);  /* rank ceil(1.5) = 2 */
	long same[] = {7, 7, 7, 7};
	assert_int_equal(stats_percentile(same, 4, 90), 7);
	assert_int_equal(stats_percentile(NULL, 0, 90), -1);
}

static void test_mean(void **state)
{
	(void)state;
	long v[] = {1, 2, 4};
	assert_int_equal(stats_mean(v, 3), 2);  /* 7/3 = 2.33 */
	long w[] = {1, 2};
	assert_int_equal(stats_mean(w, 2), 2);  /* 1.5 rounds half up */
	long big[] = {2000000000L, 2000000000L, 2000000001L};
	assert_int_equal(stats_mean(big, 3), 2000000000L);
	assert_int_equal(stats_mean(NULL, 0), -1);
}

static void test_shares_and_hours(void **state)
{
	(void)state;
	char out[48];
	stats_percent(7, 8, out);
	assert_string_equal(out, "87.5%");
	stats_percent(2, 3, out);
	assert_string_equal(out, "66.7%");
	stats_percent(0, 5, out);
	assert_string_equal(out, "0.0%");
	stats_percent(5, 5, out);
	assert_string_equal(out, "100.0%");
	stats_percent(1, 0, out);
	assert_string_equal(out, "—");
	stats_ratio(7, 8, out);
	assert_string_equal(out, "0.875");
	stats_ratio(1, 2, out);
	assert_string_equal(out, "0.5");
	stats_ratio(3, 3, out);
	assert_string_equal(out, "1");
	stats_ratio(0, 3, out);
	assert_string_equal(out, "0");
	stats_ratio(1, 3, out);
	assert_string_equal(out, "0.3333");
	stats_ratio(1, 0, out);
	assert_string_equal(out, "");
	stats_hours(90, out);
	assert_string_equal(out, "1.5");
	stats_hours(0, out);
	assert_string_equal(out, "0.0");
	stats_hours(9, out);  /* 0.15 h rounds half up */
	assert_string_equal(out, "0.2");
	stats_hours(-1, out);
	assert_string_equal(out, "");
}

static long long at(const char *s)
{
	long long t;
	if (sla_parse(s, &t) != 0)
		fail_msg("test data: %s", s);
	return t;
}

/* Five jobs' resolution times in working minutes (09:00-18:00, Monday to Friday, 2026-01-01 a
 * holiday; 2026-01-02 is a Friday): the median and 90th percentile a report shows. */
static void test_resolution_business_hours(void **state)
{
	(void)state;
	long long holidays[] = {at("2026-01-01") / 86400};
	struct sla_calendar cal = {9 * 60, 18 * 60, MON_FRI, holidays, 1, NULL, 0};
	struct {
		const char *from, *to;
		long minutes;
	} jobs[] = {
		{"2026-01-02 17:00:00", "2026-01-05 10:00:00", 120},       /* Friday evening to Monday: the weekend is free */
		{"2025-12-31 17:30:00", "2026-01-02 09:30:00", 60},        /* over the New Year holiday */
		{"2026-01-05 08:00:00", "2026-01-05 19:00:00", 540},       /* outside hours count nothing */
		{"2026-01-03 10:00:00", "2026-01-04 16:00:00", 0},         /* all on a weekend */
		{"2026-01-05 09:00:00", "2026-01-09 18:00:00", 5 * 540},   /* a whole working week */
	};
	long minutes[COUNT(jobs)];
	for (size_t i = 0; i < COUNT(jobs); i++) {
		minutes[i] = sla_between(&cal, at(jobs[i].from), at(jobs[i].to));
		assert_int_equal(minutes[i], jobs[i].minutes);
	}
	assert_int_equal(stats_mean(minutes, COUNT(jobs)), (120 + 60 + 540 + 0 + 2700 + 2) / 5);
	assert_int_equal(stats_percentile(minutes, COUNT(jobs), 50), 120);
	assert_int_equal(stats_percentile(minutes, COUNT(jobs), 90), 2700);
	char hours[24];
	stats_hours(stats_percentile(minutes, COUNT(jobs), 50), hours);
	assert_string_equal(hours, "2.0");
}

static void test_ledger_metric(void **state)
{
	(void)state;
	int delta;
	assert_string_equal(ledger_metric(&REPAIR_FLOW, NULL, "new", &delta), "taken_in");
	assert_int_equal(delta, 1);
	assert_null(ledger_metric(&REPAIR_FLOW, "new", "accepted", &delta));
	assert_int_equal(delta, 0);
	assert_string_equal(ledger_metric(&REPAIR_FLOW, "in_progress", "resolved", &delta), "resolved");
	assert_int_equal(delta, -1);
	assert_null(ledger_metric(&REPAIR_FLOW, "resolved", "closed", &delta)); /* finished once */
	assert_string_equal(ledger_metric(&REPAIR_FLOW, "accepted", "cancelled", &delta), "cancelled");
	assert_null(ledger_metric(&REPAIR_FLOW, "in_progress", NULL, &delta)); /* a note */
	assert_string_equal(ledger_metric(&RETURN_FLOW, "requested", "rejected", &delta), "rejected");
	assert_string_equal(ledger_metric(&RETURN_FLOW, "inspected", "converted", &delta), "converted");
	assert_null(ledger_metric(&RETURN_FLOW, "refunded", "closed", &delta));
	assert_string_equal(ledger_metric(&COMPLAINT_FLOW, "resolved", "reopened", &delta), "reopened");
	assert_int_equal(delta, 1);
	/* every finishing status a kind lists is one its flow can reach from an open status */
	for (unsigned k = 0; k < LEDGER_NKINDS; k++) {
		const struct ledger_kind *kind = &LEDGER_KINDS[k];
		assert_ptr_equal(ledger_kind_find(kind->kind), kind);
		for (unsigned i = 0; i < kind->nfinishes; i++) {
			assert_true(flow_status_index(kind->flow, kind->finishes[i]) >= 0);
			assert_false(flow_status_open(kind->flow, kind->finishes[i]));
		}
		/* and every status that is not open is listed, unless only finished records reach it */
		for (unsigned s = 0; s < kind->flow->nstatuses; s++) {
			const char *code = kind->flow->statuses[s].code;
			if (kind->flow->statuses[s].open || !strcmp(code, "closed"))
				continue;
			int listed = 0;
			for (unsigned i = 0; i < kind->nfinishes; i++)
				listed |= !strcmp(kind->finishes[i], code);
			assert_true(listed);
		}
	}
	assert_null(ledger_kind_find("callback"));
}

static void test_axis(void **state)
{
	(void)state;
	assert_true(chart_nice_max(0) == 1);
	assert_true(chart_nice_max(7) == 10);
	assert_true(chart_nice_max(10) == 10);
	assert_true(chart_nice_max(11) == 20);
	assert_true(chart_nice_max(2600) == 5000);
	assert_true(chart_nice_max(0.3) == 0.5);
}

static void test_kpi_score(void **state)
{
	(void)state;
	const struct kpi_rules w = {.weight = {30, 20, 30, 10, 10}, .speed_target_hours = 16, .complaint_points = 25,
				    .repeat_points = 25};
	/* 2 of 3 on time, average 32 business hours (twice the target), scores 3.5, one complaint, one repeat */
	struct kpi_figures f = {.jobs = 3, .on_time = 2, .timed = 3, .resolve_minutes = 3 * 32 * 60, .minutes_jobs = 3,
				.ratings = 2, .attitude_sum = 7, .timeliness_sum = 7, .quality_sum = 7, .complaints = 1,
				.repeats = 1};
	struct kpi_result k;
	kpi_score(&w, &f, &k);
	assert_true(k.scored);
	assert_true(k.part[KPI_SPEED] == 50);
	assert_true(k.part[KPI_SATISFACTION] == 62.5);
	assert_true(k.part[KPI_COMPLAINTS] == 75 && k.part[KPI_REPEATS] == 75);
	/* (30 × 66.67 + 20 × 50 + 30 × 62.5 + 10 × 75 + 10 × 75) / 100 = 63.75 -> 63.8 */
	assert_true(fabs(k.score - 63.8) < 1e-9);
	/* without ratings the satisfaction weight drops out; many complaints floor at 0 */
	f.ratings = 0;
	f.complaints = 9;
	kpi_score(&w, &f, &k);
	assert_false(k.has[KPI_SATISFACTION]);
	assert_true(k.part[KPI_COMPLAINTS] == 0);
	assert_true(fabs(k.score - 53.6) < 1e-9); /* (2000 + 1000 + 0 + 750) / 70 = 53.57 */
	/* a month with nothing to judge has no score */
	kpi_score(&w, &(struct kpi_figures){.complaints = 1}, &k);
	assert_false(k.scored);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percentile_nearest_rank),
		cmocka_unit_test(test_mean),
		cmocka_unit_test(test_shares_and_hours),
		cmocka_unit_test(test_resolution_business_hours),
		cmocka_unit_test(test_ledger_metric),
		cmocka_unit_test(test_axis),
		cmocka_unit_test(test_kpi_score),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
