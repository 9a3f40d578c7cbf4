/* Unit tests of the 三包 rule table (cgi-bin/sanbao.h): the rules at their edges in tables, the
 * warranty's month ends, the site's today, and decisions that go against a verdict. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "sanbao.h"
#include "sla.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define ALL (SANBAO_RETURN | SANBAO_EXCHANGE | SANBAO_REPAIR)
#define EXC_REP (SANBAO_EXCHANGE | SANBAO_REPAIR)
#define EXC_RET (SANBAO_EXCHANGE | SANBAO_RETURN)

static const struct sanbao_rules DEFAULTS = {7, 15, 7, 2};

static long long day(const char *s)
{
	long long d = sanbao_day(s);
	if (d < 0)
		fail_msg("test data: sanbao_day(\"%s\") failed", s);
	return d;
}

static long long utc(const char *s)
{
	long long t;
	if (sla_parse(s, &t) != 0)
		fail_msg("test data: sla_parse(\"%s\") failed", s);
	return t;
}

struct rule_case {
	const char *why, *bought, *today; /* bought NULL: unknown */
	int months, repairs, online, fault;
	unsigned want;
	const char *rule;
	long long want_day;
};

static void check_cases(const struct sanbao_rules *rules, const struct rule_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct rule_case *k = &cases[i];
		struct sanbao_case c = {k->bought ? day(k->bought) : -1, day(k->today), k->months, k->repairs,
					k->online, k->fault};
		struct sanbao_verdict v;
		sanbao_decide(rules, &c, &v);
		if (v.allowed != k->want || strcmp(v.rule, k->rule) != 0 || v.day != k->want_day)
			fail_msg("%s: got allowed %u rule %s day %lld, want %u %s %lld (%s)", k->why, v.allowed, v.rule,
				 v.day, k->want, k->rule, k->want_day, v.text);
	}
}

/* Bought 2026-03-01 with 12 months of warranty: the warranty's last day is 2027-03-01. */
static void test_rule_table(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"fault on the day of purchase", "2026-03-01", "2026-03-01", 12, 0, 0, 1, ALL, "return_7", 0},
		{"fault on day 7", "2026-03-01", "2026-03-08", 12, 0, 0, 1, ALL, "return_7", 7},
		{"fault on day 8", "2026-03-01", "2026-03-09", 12, 0, 0, 1, EXC_REP, "exchange_15", 8},
		{"fault on day 15", "2026-03-01", "2026-03-16", 12, 0, 0, 1, EXC_REP, "exchange_15", 15},
		{"fault on day 16", "2026-03-01", "2026-03-17", 12, 0, 0, 1, SANBAO_REPAIR, "warranty_repair", 16},
		{"last day of warranty", "2026-03-01", "2027-03-01", 12, 0, 0, 1, SANBAO_REPAIR, "warranty_repair",
		 365},
		{"day after the warranty", "2026-03-01", "2027-03-02", 12, 0, 0, 1, 0, "expired", 366},
		{"across a year end", "2025-12-20", "2026-01-03", 12, 0, 0, 1, EXC_REP, "exchange_15", 14},
		{"online changes nothing for a fault", "2026-03-01", "2026-03-09", 12, 0, 1, 1, EXC_REP, "exchange_15",
		 8},
		{"no warranty, day 16", "2026-03-01", "2026-03-17", 0, 0, 0, 1, 0, "expired", 16},
		{"no warranty, still day 15", "2026-03-01", "2026-03-16", 0, 0, 0, 1, EXC_REP, "exchange_15", 15},
	};
	check_cases(&DEFAULTS, cases, COUNT(cases));
}

static void test_repair_counts(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"no repair yet", "2026-03-01", "2026-05-01", 12, 0, 0, 1, SANBAO_REPAIR, "warranty_repair", 61},
		{"one repair", "2026-03-01", "2026-05-01", 12, 1, 0, 1, SANBAO_REPAIR, "warranty_repair", 61},
		{"two repairs", "2026-03-01", "2026-05-01", 12, 2, 0, 1, EXC_RET, "repeat_repair", 61},
		{"three repairs", "2026-03-01", "2026-05-01", 12, 3, 0, 1, EXC_RET, "repeat_repair", 61},
		{"two repairs on the last day", "2026-03-01", "2027-03-01", 12, 2, 0, 1, EXC_RET, "repeat_repair", 365},
		{"two repairs, warranty over", "2026-03-01", "2027-03-02", 12, 2, 0, 1, 0, "expired", 366},
		{"two repairs within 15 days: a return too", "2026-03-01", "2026-03-11", 12, 2, 0, 1,
		 EXC_RET, "repeat_repair", 10},
		{"two repairs within 7 days", "2026-03-01", "2026-03-05", 12, 2, 0, 1, ALL, "return_7", 4},
	};
	check_cases(&DEFAULTS, cases, COUNT(cases));
}

static void test_without_fault(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"online, day 0", "2026-03-01", "2026-03-01", 12, 0, 1, 0, SANBAO_RETURN, "no_reason_7", 0},
		{"online, day 7", "2026-03-01", "2026-03-08", 12, 0, 1, 0, SANBAO_RETURN, "no_reason_7", 7},
		{"online, day 8", "2026-03-01", "2026-03-09", 12, 0, 1, 0, 0, "no_fault", 8},
		{"in a shop, day 0", "2026-03-01", "2026-03-01", 12, 0, 0, 0, 0, "no_fault", 0},
		{"in a shop, day 5", "2026-03-01", "2026-03-06", 12, 0, 0, 0, 0, "no_fault", 5},
		{"in a shop, in warranty with repairs", "2026-03-01", "2026-06-01", 12, 2, 0, 0, 0, "no_fault", 92},
	};
	check_cases(&DEFAULTS, cases, COUNT(cases));
}

static void test_unknown_and_future_dates(void **state)
{
	(void)state;
	static const struct rule_case cases[] = {
		{"unknown date, fault", NULL, "2026-03-01", 12, 0, 0, 1, 0, "unknown_date", -1},
		{"unknown date, online without fault", NULL, "2026-03-01", 12, 0, 1, 0, 0, "unknown_date", -1},
		{"bought tomorrow", "2026-03-02", "2026-03-01", 12, 0, 0, 1, 0, "bad_date", -1},
		{"bought next year, online", "2027-03-01", "2026-03-01", 12, 0, 1, 0, 0, "bad_date", -1},
	};
	check_cases(&DEFAULTS, cases, COUNT(cases));
	struct sanbao_case c = {day("2026-03-02"), day("2026-03-01"), 12, 0, 0, 1};
	struct sanbao_verdict v;
	sanbao_decide(&DEFAULTS, &c, &v);
	assert_non_null(strstr(v.text, "2026-03-02"));
	c.purchase_day = -1;
	sanbao_decide(&DEFAULTS, &c, &v);
	assert_non_null(strstr(v.text, "购买凭证"));
}

/* 2024-01-31 + 1 month ends on 29 February (a leap year), as MariaDB's DATE_ADD does. */
static void test_month_end_warranty(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		int months;
		const char *want;
	} ends[] = {
		{"2024-01-31", 1, "2024-02-29"}, {"2023-01-31", 1, "2023-02-28"}, {"2024-02-29", 12, "2025-02-28"},
		{"2024-03-31", 1, "2024-04-30"}, {"2024-08-31", 6, "2025-02-28"}, {"2025-12-15", 1, "2026-01-15"},
		{"2024-01-31", 0, "2024-01-31"}, {"2024-11-30", 3, "2025-02-28"}, {"2026-03-01", 12, "2027-03-01"},
		{"2026-05-31", 36, "2029-05-31"}, {"2000-02-29", 240, "2020-02-29"},
		/* Century years leap only every 400 years. */
		{"2100-01-31", 1, "2100-02-28"}, {"2000-01-31", 1, "2000-02-29"},
	};
	for (size_t i = 0; i < COUNT(ends); i++) {
		char got[11];
		sanbao_format(sanbao_warranty_end(day(ends[i].from), ends[i].months), got);
		if (strcmp(got, ends[i].want) != 0)
			fail_msg("%s + %d months = %s, want %s", ends[i].from, ends[i].months, got, ends[i].want);
	}
	static const struct rule_case cases[] = {
		{"last day, 29 February", "2024-01-31", "2024-02-29", 1, 0, 0, 1, SANBAO_REPAIR, "warranty_repair", 29},
		{"1 March is past it", "2024-01-31", "2024-03-01", 1, 0, 0, 1, 0, "expired", 30},
	};
	check_cases(&DEFAULTS, cases, COUNT(cases));
}

/* Windows of 10 and 20 days, 10 days without a reason and three repairs move every edge. */
static void test_configured_windows(void **state)
{
	(void)state;
	static const struct sanbao_rules wide = {10, 20, 10, 3};
	static const struct rule_case as_default[] = {
		{"fault on day 10", "2026-03-01", "2026-03-11", 12, 0, 0, 1, EXC_REP, "exchange_15", 10},
		{"fault on day 20", "2026-03-01", "2026-03-21", 12, 0, 0, 1, SANBAO_REPAIR, "warranty_repair", 20},
		{"online on day 9", "2026-03-01", "2026-03-10", 12, 0, 1, 0, 0, "no_fault", 9},
		{"two repairs", "2026-03-01", "2026-05-01", 12, 2, 0, 1, EXC_RET, "repeat_repair", 61},
	};
	static const struct rule_case as_wide[] = {
		{"fault on day 10", "2026-03-01", "2026-03-11", 12, 0, 0, 1, ALL, "return_7", 10},
		{"fault on day 11", "2026-03-01", "2026-03-12", 12, 0, 0, 1, EXC_REP, "exchange_15", 11},
		{"fault on day 20", "2026-03-01", "2026-03-21", 12, 0, 0, 1, EXC_REP, "exchange_15", 20},
		{"fault on day 21", "2026-03-01", "2026-03-22", 12, 0, 0, 1, SANBAO_REPAIR, "warranty_repair", 21},
		{"online on day 9", "2026-03-01", "2026-03-10", 12, 0, 1, 0, SANBAO_RETURN, "no_reason_7", 9},
		{"online on day 11", "2026-03-01", "2026-03-12", 12, 0, 1, 0, 0, "no_fault", 11},
		{"two repairs", "2026-03-01", "2026-05-01", 12, 2, 0, 1, SANBAO_REPAIR, "warranty_repair", 61},
		{"three repairs", "2026-03-01", "2026-05-01", 12, 3, 0, 1, EXC_RET, "repeat_repair", 61},
	};
	check_cases(&DEFAULTS, as_default, COUNT(as_default));
	check_cases(&wide, as_wide, COUNT(as_wide));
	static const struct sanbao_rules none = {0, 0, 0, 1};
	static const struct rule_case as_none[] = {
		{"zero days: the day of purchase only", "2026-03-01", "2026-03-01", 12, 0, 1, 0, SANBAO_RETURN,
		 "no_reason_7", 0},
		{"zero days: day 1 is repair", "2026-03-01", "2026-03-02", 12, 0, 0, 1, SANBAO_REPAIR,
		 "warranty_repair", 1},
		{"one repair is enough", "2026-03-01", "2026-03-02", 12, 1, 0, 1, EXC_RET, "repeat_repair", 1},
	};
	check_cases(&none, as_none, COUNT(as_none));
}

static void expect_text(const struct sanbao_rules *rules, const char *bought, const char *today, int months,
			int repairs, int online, int fault, const char *want)
{
	struct sanbao_case c = {day(bought), day(today), months, repairs, online, fault};
	struct sanbao_verdict v;
	sanbao_decide(rules, &c, &v);
	if (strcmp(v.text, want) != 0)
		fail_msg("%s -> %s: text\n  %s\nwant\n  %s", bought, today, v.text, want);
}

/* The texts name the day and the configured numbers, not fixed ones. */
static void test_texts(void **state)
{
	(void)state;
	static const struct sanbao_rules wide = {10, 20, 10, 3};
	expect_text(&DEFAULTS, "2026-03-01", "2026-03-01", 12, 0, 0, 1, "购买当天，性能故障，符合 7 日内退货（可退货、换货或修理）");
	expect_text(&DEFAULTS, "2026-03-01", "2026-03-06", 12, 0, 0, 1, "购买第 5 天，性能故障，符合 7 日内退货（可退货、换货或修理）");
	expect_text(&wide, "2026-03-01", "2026-03-06", 12, 0, 0, 1, "购买第 5 天，性能故障，符合 10 日内退货（可退货、换货或修理）");
	expect_text(&wide, "2026-03-01", "2026-03-13", 12, 0, 0, 1,
		    "购买第 12 天，性能故障，已过 10 日退货期，符合 20 日内换货（可换货或修理）");
	expect_text(&DEFAULTS, "2026-03-01", "2026-03-04", 12, 0, 1, 0, "购买第 3 天，符合网购 7 日无理由退货，可退货");
	expect_text(&wide, "2026-03-01", "2026-03-12", 12, 0, 1, 0,
		    "购买第 11 天，已过网购 10 日无理由退货期限；非性能故障，不符合退换条件");
	expect_text(&DEFAULTS, "2026-03-01", "2026-03-04", 12, 0, 0, 0, "购买第 3 天，非性能故障，不符合退换条件");
	expect_text(&DEFAULTS, "2026-03-01", "2026-05-01", 12, 2, 0, 1, "购买第 61 天，保修期内已维修 2 次未修复，可换货或退货");
	expect_text(&DEFAULTS, "2026-03-01", "2026-05-01", 12, 0, 0, 1, "购买第 61 天，在保修期内（至 2027-03-01），可免费修理");
	expect_text(&wide, "2026-03-01", "2026-05-01", 12, 1, 0, 1,
		    "购买第 61 天，在保修期内（至 2027-03-01），可免费修理；已维修 1 次，再有 2 次未修复可换货或退货");
	expect_text(&DEFAULTS, "2025-06-01", "2026-06-02", 12, 0, 0, 1,
		    "购买第 366 天，已过保修期（2026-06-01 到期），不在三包范围内，可付费维修");
	expect_text(&wide, "2026-03-01", "2026-03-22", 0, 0, 0, 1,
		    "购买第 21 天，已过 20 日换货期且该产品无保修期，不在三包范围内，可付费维修");
}

/* Every verdict over two years of days, with the widest numbers, is whole: a rule, a text that was
 * not cut short (a cut could split a character), and the day counted from the purchase. */
static void test_every_day_has_a_whole_text(void **state)
{
	(void)state;
	static const struct sanbao_rules rules[] = {{7, 15, 7, 2}, {365, 365, 365, 10}, {0, 0, 0, 1}};
	long long bought = day("2026-03-01");
	for (size_t r = 0; r < COUNT(rules); r++)
		for (long long d = 0; d < 800; d++)
			for (int bits = 0; bits < 8; bits++) {
				struct sanbao_case c = {bought, bought + d, bits & 4 ? 240 : 12, (bits & 3) * 3,
							bits & 1, (bits >> 1) & 1};
				struct sanbao_verdict v;
				sanbao_decide(&rules[r], &c, &v);
				assert_non_null(v.rule);
				assert_int_equal(v.day, d);
				size_t len = strlen(v.text);
				assert_true(len > 0 && len < sizeof(v.text) - 1);
				assert_non_null(strstr(v.text, d == 0 ? "购买当天" : "购买第 "));
			}
}

static void test_against(void **state)
{
	(void)state;
	static const struct {
		unsigned allowed;
		const char *kind;
		int approve, want;
	} cases[] = {
		/* Everything allowed: approving is fine, rejecting any kind goes against. */
		{ALL, "return", 1, 0}, {ALL, "return", 0, 1}, {ALL, "refund", 1, 0}, {ALL, "refund", 0, 1},
		{ALL, "exchange", 1, 0}, {ALL, "exchange", 0, 1}, {ALL, "repair", 1, 0}, {ALL, "repair", 0, 1},
		/* Exchange or repair: a return or refund may be rejected but not approved. */
		{EXC_REP, "return", 1, 1}, {EXC_REP, "return", 0, 0}, {EXC_REP, "refund", 1, 1},
		{EXC_REP, "refund", 0, 0}, {EXC_REP, "exchange", 1, 0}, {EXC_REP, "exchange", 0, 1},
		/* A no-reason return: a refund is a return. */
		{SANBAO_RETURN, "refund", 1, 0}, {SANBAO_RETURN, "refund", 0, 1},
		{SANBAO_RETURN, "exchange", 1, 1}, {SANBAO_RETURN, "exchange", 0, 0},
		{SANBAO_REPAIR, "return", 1, 1}, {SANBAO_REPAIR, "exchange", 1, 1}, {SANBAO_REPAIR, "refund", 0, 0},
		{SANBAO_REPAIR, "repair", 0, 1},
		/* Nothing allowed: any approval goes against, no rejection does. */
		{0, "return", 1, 1}, {0, "return", 0, 0}, {0, "refund", 1, 1}, {0, "refund", 0, 0},
		{0, "exchange", 1, 1}, {0, "exchange", 0, 0},
		/* Kinds the rules do not know say nothing. */
		{ALL, "gift", 1, 0}, {0, "gift", 1, 0}, {0, "", 1, 0}, {0, "Return", 1, 0},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct sanbao_verdict v = {.allowed = cases[i].allowed, .rule = "test"};
		int got = sanbao_against(&v, cases[i].kind, cases[i].approve);
		if (got != cases[i].want)
			fail_msg("allowed %u, %s %s: against %d, want %d", cases[i].allowed,
				 cases[i].approve ? "approve" : "reject", cases[i].kind, got, cases[i].want);
	}
	struct sanbao_verdict v = {.allowed = 0, .rule = "test"};
	assert_int_equal(sanbao_against(&v, NULL, 1), 0);
	assert_int_equal(sanbao_against(NULL, "return", 1), 0);
}

static void test_day_parse(void **state)
{
	(void)state;
	assert_int_equal(sanbao_day("1970-01-01"), 0);
	assert_int_equal(sanbao_day("1970-01-02"), 1);
	assert_int_equal(sanbao_day("2000-03-01"), 11017);
	assert_int_equal(sanbao_day("2026-11-28"), 20785);
	static const char *bad[] = {
		"",	      "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-05", "2026-01-5",
		"2026/01/05", "26-01-05",   "2026-01-05 10:00:00",   "2026-01-05 ",  " 2026-01-05", "abcd-ef-gh",
		"1969-12-31", "1969-12-30", "1900-01-01", "2025-02-29",
	};
	for (size_t i = 0; i < COUNT(bad); i++)
		if (sanbao_day(bad[i]) != -1)
			fail_msg("sanbao_day(\"%s\") = %lld, want -1", bad[i], sanbao_day(bad[i]));
	assert_int_equal(sanbao_day(NULL), -1);
	char out[11];
	sanbao_format(sanbao_day("2024-02-29"), out);
	assert_string_equal(out, "2024-02-29");
	sanbao_format(0, out);
	assert_string_equal(out, "1970-01-01");
}

/* Midnight in +08:00 is 16:00 UTC the day before. */
static void test_today(void **state)
{
	(void)state;
	static const struct {
		const char *utc, *offset, *want;
	} cases[] = {
		{"2026-11-27 16:30:00", "+08:00", "2026-11-28"},
		{"2026-11-27 15:59:59", "+08:00", "2026-11-27"},
		{"2026-11-27 16:00:00", "+08:00", "2026-11-28"},
		{"2026-12-31 16:00:00", "+08:00", "2027-01-01"},
		{"2026-11-28 04:59:59", "-05:00", "2026-11-27"},
		{"2026-11-28 05:00:00", "-05:00", "2026-11-28"},
		{"2026-11-28 03:29:59", "-03:30", "2026-11-27"},
		{"2026-11-28 03:30:00", "-03:30", "2026-11-28"},
		{"2026-11-27 18:29:59", "+05:30", "2026-11-27"},
		{"2026-11-27 18:30:00", "+05:30", "2026-11-28"},
		{"2026-11-27 23:59:59", "+00:00", "2026-11-27"},
		{"2026-11-27 23:59:59", "08:00", "2026-11-27"},
		{"2026-11-27 23:59:59", "+8:00", "2026-11-27"},
		{"2026-11-27 23:59:59", NULL, "2026-11-27"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char got[11];
		sanbao_format(sanbao_today(utc(cases[i].utc), cases[i].offset), got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%sZ in %s is %s, want %s", cases[i].utc, cases[i].offset ? cases[i].offset : "(null)",
				 got, cases[i].want);
	}
	/* Before 1970 the day still turns at midnight, not at zero. */
	assert_int_equal(sanbao_today(-1, "+00:00"), -1);
	assert_int_equal(sanbao_today(-1, "+08:00"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_repair_counts),
		cmocka_unit_test(test_without_fault),
		cmocka_unit_test(test_unknown_and_future_dates),
		cmocka_unit_test(test_month_end_warranty),
		cmocka_unit_test(test_configured_windows),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_every_day_has_a_whole_text),
		cmocka_unit_test(test_against),
		cmocka_unit_test(test_day_parse),
		cmocka_unit_test(test_today),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
