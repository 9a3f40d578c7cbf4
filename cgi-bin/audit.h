/* The audit trail: who did what, to what, when and from where. */
#ifndef AFTERSALES_AUDIT_H
#define AFTERSALES_AUDIT_H
#include "request.h"

/* Records an action by the signed-in user (or by actor_name when nobody is signed in, e.g. a failed
 * login). Call inside the transaction of the change it records. Returns a db_status. */
int audit_record(struct request *r, const char *action, const char *target, const char *detail);
int audit_record_as(struct request *r, const char *actor_name, const char *action, const char *target,
		    const char *detail);

/* One change and its audit entry in one transaction: the statement sql with its parameters (types
 * and values as db_exec takes them), then audit_record(action, target, detail), then the commit.
 * Returns a db_status; DB_DUP (a unique key taken) comes back rolled back. */
int audited_exec(struct request *r, const char *action, const char *target, const char *detail, const char *sql,
		 const char *types, ...);

/* GET /admin/audit: the latest entries, filterable by action. Answers 200. */
int page_audit(struct request *r);

#endif
