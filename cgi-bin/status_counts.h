/* How many records of each kind are in each status now (table status_counts, sql/019), kept in the
 * transaction of every status change, for the staff home. */
#ifndef AFTERSALES_STATUS_COUNTS_H
#define AFTERSALES_STATUS_COUNTS_H
#include "request.h"

/* Moves one record of subject from status from (NULL or "": a new record) to status to. Other
 * subjects than repair, return, complaint and callback, and changes without a new status, count
 * nothing. Called by event_record. Returns a db_status. */
int status_counts_move(struct request *r, const char *subject, const char *from, const char *to);

/* Every count: rows (kind, status, n) into res. Returns a db_status. */
int status_counts_read(struct request *r, struct db_result *res);
/* n of kind's status in such a result, 0 when absent. */
long long status_count_of(const struct db_result *res, const char *kind, const char *status);

#endif
