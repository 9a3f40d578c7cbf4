/* The roster as the database has it, checked against the rules before any change is saved: shared
 * by editing the month, filling it from a rotation, and approving a shift swap. */
#ifndef AFTERSALES_ROSTER_DB_H
#define AFTERSALES_ROSTER_DB_H
#include "request.h"

/* One shift to add: user, day "YYYY-MM-DD", shift type. */
struct roster_add {
	long long user_id;
	const char *day;
	long long shift_type_id;
};

/* Checks user_id's shifts as they would be after adding adds[] (only those of user_id count) and
 * removing the roster rows removes[]: the user is active and has a role the shift types need, the
 * types are active, and roster_rules_check holds over the days around the change ([roster]
 * min_rest_hours, max_consecutive_days). Sets *why to NULL or the reason, in Chinese. Call inside
 * the change's transaction, before writing. Returns a db_status. */
int roster_check_user(struct request *r, long long user_id, const struct roster_add *adds, size_t nadds,
		      const long long *removes, size_t nremoves, const char **why);

/* The month's ("YYYY-MM") edit version, 0 before its first change. Returns a db_status. */
int roster_month_version(struct request *r, const char *month, long long *version);
/* Takes the month for a change made on a page loaded at version: DB_STALE when someone changed it
 * since. Call first in the change's transaction. Returns a db_status. */
int roster_month_take(struct request *r, const char *month, long long version);

/* The span of a shift in SQL: row alias r (with its day) of shift type alias t; a shift ending at or
 * before its start ends the next day (as shift_span_of). DATETIMEs in the site's time zone. */
#define SHIFT_START(r, t) "(TIMESTAMP(" r ".day) + INTERVAL " t ".start_min MINUTE)"
#define SHIFT_END(r, t) \
	"(TIMESTAMP(" r ".day) + INTERVAL (" t ".end_min + IF(" t ".end_min <= " t ".start_min, 1440, 0)) MINUTE)"

#endif
