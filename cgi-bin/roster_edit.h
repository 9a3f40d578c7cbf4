/* What the roster's edits share: the posted month and version, inserting a shift with its audit text. */
#ifndef AFTERSALES_ROSTER_EDIT_H
#define AFTERSALES_ROSTER_EDIT_H
#include "request.h"
#include "roster_db.h"
#include "roster_grid.h"

/* The 409 message when the month changed since the page was loaded. */
extern const char *const ROSTER_STALE;

/* Reads the posted month and version. Returns 0, or -1 with a 400 page ready. */
int roster_edit_month(struct request *r, struct roster_month *m, long long *version);
/* Inserts one shift (inside the change's transaction) and sets *detail to its audit text ("name #id
 * day shift"). Returns a db_status; DB_DUP when the person has that shift that day already. */
int roster_edit_insert(struct request *r, const struct roster_add *add, const char **detail);

#endif
