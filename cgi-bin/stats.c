/* Percentiles, means and shares for the reports. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_value(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

long stats_percentile(long *v, size_t n, double p)
{
	if (n == 0)
		return -1;
	qsort(v, n, sizeof(*v), by_value);
	if (p <= 0)
		return v[0];
	/* rank = ceil(p/100 * n), computed in integers of hundredths so 90% of 10 is exactly 9. */
	long long hundredths = (long long)(p * 100 + 0.5);
	size_t rank = (size_t)(((long long)n * hundredths + 9999) / 10000);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

long stats_mean(const long *v, size_t n)
{
	if (n == 0)
		return -1;
	long long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	return (long)((sum + (long long)n / 2) / (long long)n);
}

void stats_percent(long long part, long long whole, char out[48])
{
	if (whole <= 0) {
		snprintf(out, 48, "—");
		return;
	}
	/* tenths of a percent, rounded half up */
	long long tenths = (part * 2000 + whole) / (2 * whole);
	snprintf(out, 48, "%lld.%lld%%", tenths / 10, tenths % 10);
}

void stats_ratio(long long part, long long whole, char out[48])
{
	if (whole <= 0) {
		out[0] = '\0';
		return;
	}
	long long tenthousandths = (part * 20000 + whole) / (2 * whole);
	snprintf(out, 48, "%lld.%04lld", tenthousandths / 10000, tenthousandths % 10000);
	/* drop trailing zeros: 0.5000 -> 0.5, 1.0000 -> 1 */
	char *end = out + strlen(out) - 1;
	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
}

void stats_hours(long minutes, char out[24])
{
	if (minutes < 0) {
		out[0] = '\0';
		return;
	}
	long tenths = (minutes + 3) / 6; /* minutes / 6 = tenths of an hour, rounded half up */
	snprintf(out, 24, "%ld.%ld", tenths / 10, tenths % 10);
}
