/* Small statistics for reports: percentiles and means of working minutes, shares as percent. Pure. */
#ifndef AFTERSALES_STATS_H
#define AFTERSALES_STATS_H
#include <stddef.h>

/* Sorts v ascending and answers its p-th percentile (0 < p <= 100) by the nearest-rank method: the
 * smallest value with at least p% of the values at or below it. -1 when n is 0. */
long stats_percentile(long *v, size_t n, double p);
/* The mean, rounded to the nearest whole number; -1 when n is 0. */
long stats_mean(const long *v, size_t n);
/* part / whole as "87.5%" (one decimal) into out; "—" when whole is 0. */
void stats_percent(long long part, long long whole, char out[48]);
/* part / whole as a ratio "0.875" with up to four decimals into out, for exports; "" when whole is 0. */
void stats_ratio(long long part, long long whole, char out[48]);
/* Working minutes as hours with one decimal, "12.5"; "" for a negative value (none). */
void stats_hours(long minutes, char out[24]);

#endif
