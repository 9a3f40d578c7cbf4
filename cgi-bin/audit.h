/* The audit trail: who did what, to what, when and from where. */
#ifndef AFTERSALES_AUDIT_H
#define AFTERSALES_AUDIT_H
#include "request.h"

/* Records an action by the signed-in user (or by actor_name when nobody is signed in, e.g. a failed
 * login). Call inside the transaction of the change it records. Returns a db_status. */
int audit_record(struct request *r, const char *action, const char *target, const char *detail);
int audit_record_as(struct request *r, const char *actor_name, const char *action, const char *target,
		    const char *detail);

/* GET /admin/audit: the latest entries, filterable by action. Answers 200. */
int page_audit(struct request *r);

#endif
