/* The 三包 rules as one ordered decision, and the calendar arithmetic they need (day numbers,
 * month-end warranty ends, the site's today). Dates are whole days: no time zone rules apply. */
#include "sanbao.h"

#include <stdio.h>
#include <string.h>

#include "sla.h"

#define DAY 86400LL

static long long floor_div(long long a, long long b)
{
	long long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Proleptic Gregorian calendar to day numbers and back (H. Hinnant's algorithms), so that
 * month arithmetic needs no time_t and no struct tm. */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = floor_div(y, 400);
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, int *m, int *d)
{
	z += 719468;
	long long era = floor_div(z, 146097);
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int month_days(long long y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

long long sanbao_day(const char *date)
{
	long long t;
	/* sla_parse also takes a time of day; a purchase date is the date alone. Days before 1970
	 * would be negative, and -1 already means "unknown". */
	if (!date || strlen(date) != 10 || sla_parse(date, &t) != 0 || t < 0)
		return -1;
	return floor_div(t, DAY);
}

long long sanbao_warranty_end(long long purchase_day, int months)
{
	long long y;
	int m, d;
	civil_from_days(purchase_day, &y, &m, &d);
	long long total = y * 12 + (m - 1) + months;
	y = floor_div(total, 12);
	m = (int)(total - y * 12) + 1;
	/* DATE_ADD keeps the day of the month where the target month has it, else takes its last day. */
	if (d > month_days(y, m))
		d = month_days(y, m);
	return days_from_civil(y, m, d);
}

void sanbao_format(long long day, char out[11])
{
	long long y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		strcpy(out, "0000-00-00");
		return;
	}
	snprintf(out, 11, "%04d-%02d-%02d", (int)y, m, d);
}

static int digit(char ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : -1;
}

long long sanbao_today(long long utc_seconds, const char *offset)
{
	long long shift = 0;
	if (offset && strlen(offset) == 6 && (offset[0] == '+' || offset[0] == '-') && offset[3] == ':') {
		int h1 = digit(offset[1]), h2 = digit(offset[2]), m1 = digit(offset[4]), m2 = digit(offset[5]);
		if (h1 >= 0 && h2 >= 0 && m1 >= 0 && m1 <= 5 && m2 >= 0)
			shift = ((h1 * 10 + h2) * 60 + m1 * 10 + m2) * 60LL * (offset[0] == '-' ? -1 : 1);
	}
	return floor_div(utc_seconds + shift, DAY);
}

static void set_rule(struct sanbao_verdict *out, unsigned allowed, const char *rule)
{
	out->allowed = allowed;
	out->rule = rule;
}

void sanbao_decide(const struct sanbao_rules *rules, const struct sanbao_case *c, struct sanbao_verdict *out)
{
	char when[48], bought[11], today[11], until[11];
	memset(out, 0, sizeof(*out));
	out->day = -1;
	if (c->purchase_day < 0) {
		set_rule(out, 0, "unknown_date");
		snprintf(out->text, sizeof(out->text), "未提供购买日期，无法判断三包期限，请核实购买凭证");
		return;
	}
	if (c->purchase_day > c->today) {
		sanbao_format(c->purchase_day, bought);
		sanbao_format(c->today, today);
		set_rule(out, 0, "bad_date");
		snprintf(out->text, sizeof(out->text), "购买日期 %s 晚于今天（%s），请核实购买凭证", bought, today);
		return;
	}
	long long day = c->today - c->purchase_day;
	out->day = day;
	if (day == 0)
		snprintf(when, sizeof(when), "购买当天");
	else
		snprintf(when, sizeof(when), "购买第 %lld 天", day);
	int has_warranty = c->warranty_months > 0;
	long long end = has_warranty ? sanbao_warranty_end(c->purchase_day, c->warranty_months) : -1;
	if (has_warranty)
		sanbao_format(end, until);

	if (c->fault && day <= rules->return_days) {
		set_rule(out, SANBAO_RETURN | SANBAO_EXCHANGE | SANBAO_REPAIR, "return_7");
		snprintf(out->text, sizeof(out->text), "%s，性能故障，符合 %d 日内退货（可退货、换货或修理）", when,
			 rules->return_days);
	} else if (!c->fault && c->online && day <= rules->no_reason_days) {
		set_rule(out, SANBAO_RETURN, "no_reason_7");
		snprintf(out->text, sizeof(out->text), "%s，符合网购 %d 日无理由退货，可退货", when, rules->no_reason_days);
	} else if (!c->fault) {
		set_rule(out, 0, "no_fault");
		if (c->online)
			snprintf(out->text, sizeof(out->text), "%s，已过网购 %d 日无理由退货期限；非性能故障，不符合退换条件",
				 when, rules->no_reason_days);
		else
			snprintf(out->text, sizeof(out->text), "%s，非性能故障，不符合退换条件", when);
	} else if (has_warranty && c->today <= end && c->warranty_repairs >= rules->repairs_before_exchange) {
		set_rule(out, SANBAO_EXCHANGE | SANBAO_RETURN, "repeat_repair");
		snprintf(out->text, sizeof(out->text), "%s，保修期内已维修 %d 次未修复，可换货或退货", when,
			 c->warranty_repairs);
	} else if (day <= rules->exchange_days) {
		set_rule(out, SANBAO_EXCHANGE | SANBAO_REPAIR, "exchange_15");
		snprintf(out->text, sizeof(out->text), "%s，性能故障，已过 %d 日退货期，符合 %d 日内换货（可换货或修理）",
			 when, rules->return_days, rules->exchange_days);
	} else if (has_warranty && c->today <= end) {
		set_rule(out, SANBAO_REPAIR, "warranty_repair");
		if (c->warranty_repairs > 0)
			snprintf(out->text, sizeof(out->text),
				 "%s，在保修期内（至 %s），可免费修理；已维修 %d 次，再有 %d 次未修复可换货或退货", when,
				 until, c->warranty_repairs, rules->repairs_before_exchange - c->warranty_repairs);
		else
			snprintf(out->text, sizeof(out->text), "%s，在保修期内（至 %s），可免费修理", when, until);
	} else {
		set_rule(out, 0, "expired");
		if (has_warranty)
			snprintf(out->text, sizeof(out->text), "%s，已过保修期（%s 到期），不在三包范围内，可付费维修", when,
				 until);
		else
			snprintf(out->text, sizeof(out->text), "%s，已过 %d 日换货期且该产品无保修期，不在三包范围内，可付费维修",
				 when, rules->exchange_days);
	}
}

int sanbao_against(const struct sanbao_verdict *v, const char *kind, int approve)
{
	unsigned bit = !kind                     ? 0
		       : !strcmp(kind, "return")   ? SANBAO_RETURN
		       : !strcmp(kind, "refund")   ? SANBAO_RETURN
		       : !strcmp(kind, "exchange") ? SANBAO_EXCHANGE
		       : !strcmp(kind, "repair")   ? SANBAO_REPAIR
						   : 0;
	if (!v || !bit)
		return 0;
	int allowed = (v->allowed & bit) != 0;
	return approve ? !allowed : allowed;
}
