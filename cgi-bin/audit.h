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

/* Records that the signed-in user was shown the whole phone number and address of customer_id on
 * target (a work order, the customer's page): who saw whose contact details, when. */
int audit_contact_view(struct request *r, const char *target, long long customer_id);

#endif
