/* One person's shifts against the roster rules. */
#include "roster_rules.h"
#include "sla.h"

#include <stdio.h>
#include <stdlib.h>

void shift_span_of(long long day, int start_min, int end_min, const char *name, struct shift_span *out)
{
	out->day = day;
	out->start = day * 86400 + start_min * 60LL;
	out->end = day * 86400 + end_min * 60LL;
	if (end_min <= start_min)
		out->end += 86400;
	out->name = name ? name : "";
}

int shift_span_covers(const struct shift_span *s, long long t)
{
	return s->start <= t && t < s->end;
}

static int by_start(const void *a, const void *b)
{
	const struct shift_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

/* "2026-03-01 夜班" */
static void describe(const struct shift_span *s, char out[64])
{
	char at[20];
	sla_format(s->day * 86400, at);
	snprintf(out, 64, "%.10s %s", at, s->name);
}

int roster_rules_check(const struct roster_rules *rules, struct shift_span *spans, size_t n, char *why,
		       size_t why_size)
{
	char a[64], b[64];
	qsort(spans, n, sizeof(*spans), by_start);
	for (size_t i = 1; i < n; i++) {
		const struct shift_span *p = &spans[i - 1], *s = &spans[i];
		describe(p, a);
		describe(s, b);
		if (s->start < p->end) {
			snprintf(why, why_size, "班次重叠：%s 与 %s 时间重叠", a, b);
			return -1;
		}
		long long rest = s->start - p->end;
		if (rest < rules->min_rest_hours * 3600LL) {
			snprintf(why, why_size, "休息不足：%s 与 %s 之间只有 %lld 小时 %lld 分钟，至少需要 %d 小时", a, b,
				 rest / 3600, rest % 3600 / 60, rules->min_rest_hours);
			return -1;
		}
	}
	/* working days: the days shifts start on, counted in runs without a day off */
	long long run = 0, last = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && spans[i].day == last)
			continue;
		run = i && spans[i].day == last + 1 ? run + 1 : 1;
		last = spans[i].day;
		if (run > rules->max_consecutive_days) {
			describe(&spans[i], a);
			snprintf(why, why_size, "连续上班超过 %d 天：到 %s 已连续 %lld 天", rules->max_consecutive_days, a, run);
			return -1;
		}
	}
	return 0;
}
