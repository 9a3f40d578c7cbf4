/* The 三包 rule table (《部分商品修理更换退货责任规定》): what a customer may have for a purchase on a given day. Pure. */
#ifndef AFTERSALES_SANBAO_H
#define AFTERSALES_SANBAO_H

/* The windows, from [returns] in the configuration. */
struct sanbao_rules {
	int return_days;             /* a fault up to this day: return, exchange or repair */
	int exchange_days;           /* a fault up to this day: exchange or repair */
	int no_reason_days;          /* bought online, no fault, up to this day: return */
	int repairs_before_exchange; /* warranty repairs that did not fix it before an exchange or return is due */
};

/* Bit set of what the customer may have; 0 is nothing under the rules (paid repair only). */
enum { SANBAO_RETURN = 1, SANBAO_EXCHANGE = 2, SANBAO_REPAIR = 4 };

/* Days are counted from 1970-01-01 in the site's time zone. */
struct sanbao_case {
	long long purchase_day; /* -1 when the purchase date is unknown */
	long long today;
	int warranty_months;    /* the product's warranty; 0 or less: none */
	int warranty_repairs;   /* earlier warranty repairs of this item (same serial, or same customer and product) */
	int online;             /* bought online, so the no-reason return applies */
	int fault;              /* 1: a performance fault; 0: none (a return without a reason) */
};

struct sanbao_verdict {
	unsigned allowed; /* SANBAO_* bits */
	long long day;    /* days since purchase, 0 on the day of purchase; -1 unknown */
	/* Which rule decided, a fixed code whatever the configured numbers: "return_7", "no_reason_7",
	 * "no_fault", "exchange_15", "repeat_repair", "warranty_repair", "expired", "unknown_date",
	 * "bad_date" (purchase after today). */
	const char *rule;
	char text[256];   /* the reason in Chinese, for the person deciding */
};

/* Fills out. The first rule that applies decides: unknown or future date; a fault up to
 * return_days; no fault (online up to no_reason_days, else nothing); in warranty after
 * repairs_before_exchange repairs (a return then, even inside the exchange window); a fault up to
 * exchange_days; in warranty; expired. */
void sanbao_decide(const struct sanbao_rules *rules, const struct sanbao_case *c, struct sanbao_verdict *out);

/* 1 when a decision goes against the verdict: approving a kind ("return", "refund" which counts as a
 * return, "exchange", "repair") the verdict does not allow, or rejecting one it allows. 0 otherwise,
 * and for any other kind. */
int sanbao_against(const struct sanbao_verdict *v, const char *kind, int approve);

/* "YYYY-MM-DD" -> days since 1970-01-01; -1 when malformed, not a date, or before 1970. */
long long sanbao_day(const char *date);

/* The last day of a warranty of `months` from purchase_day, as MariaDB's DATE_ADD(d, INTERVAL m MONTH)
 * gives it (31 January + 1 month = 28 or 29 February); the item is in warranty while today <= it. */
long long sanbao_warranty_end(long long purchase_day, int months);

/* day -> "YYYY-MM-DD" */
void sanbao_format(long long day, char out[11]);

/* The day number at UTC time utc_seconds in a "+08:00" / "-05:30" offset; an offset of another form
 * (config_load lets none through) is read as UTC. */
long long sanbao_today(long long utc_seconds, const char *offset);

#endif
