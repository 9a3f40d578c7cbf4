/* A report's tables kept for a short time in this process, so a report many people look at (or one
 * person reloads) is worked out once, and a crowd asking at once waits for one run instead of
 * running the same heavy queries side by side. */
#ifndef AFTERSALES_REPORT_CACHE_H
#define AFTERSALES_REPORT_CACHE_H
#include "report_table.h"

#define REPORT_CACHE_TABLES 16

/* What a report is: its tables, each with the include marker it is shown at, and a few numbers. */
struct report_result {
	struct report_table t[REPORT_CACHE_TABLES];
	const char *marker[REPORT_CACHE_TABLES];
	unsigned n;
	long long numbers[4];
	long long age_ms;   /* how old the kept result is: 0 when just worked out */
};

/* Works out a report into out (in the request's arena). Returns a db_status. */
typedef int (*report_build)(struct request *r, const void *ctx, struct report_result *out);

/* Fills out with the result kept under key when it is younger than max_seconds (and fresh is 0),
 * otherwise builds it (one build at a time in this process), keeps and answers it. The tables'
 * columns are kept by address: they must be static. Returns a db_status. */
int report_cached(struct request *r, const char *key, int max_seconds, int fresh, report_build build, const void *ctx,
		  struct report_result *out);

/* The next table of out, started empty; NULL when out is full. */
struct report_table *report_result_add(struct report_result *out, const char *marker, const char *name,
				       const struct report_column *cols, unsigned ncols);
/* The table shown at marker, or NULL. */
const struct report_table *report_result_find(const struct report_result *out, const char *marker);

#endif
