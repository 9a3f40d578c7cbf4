/* Loading one complaint with its request's number and the names of the people on it: the staff
 * page reads it, and so may the follow-up call that closes or reopens it. */
#ifndef AFTERSALES_COMPLAINT_DB_H
#define AFTERSALES_COMPLAINT_DB_H
#include "request.h"

/* Every field as text from the database (NULL for SQL NULL), in the request arena; the optional
 * references are 0 when not set. */
struct complaint {
	long long id, customer_id, subject_id, callback_id, satisfaction_id, followup_callback_id, version;
	long long handler_id, responsible_id;
	const char *public_no, *subject, *subject_no, *source, *description, *status, *handler_name;
	const char *response_due, *responded_at, *resolve_due, *resolved_at, *cause, *measures;
	const char *responsible_name, *closed_at, *created_at, *updated_at, *created_by_name, *now;
	const char *customer_name, *customer_phone;
};

/* Loads complaint id (id 0 in out when there is none). Returns a db_status. */
int complaint_load(struct request *r, long long id, struct complaint *out);
/* Loads the complaint the path's id names; when there is none it has answered 404 and out->id is 0. */
int complaint_load_path(struct request *r, struct complaint *out);
/* 1 in *confirmed when the follow-up call of k is done and the customer said there the problem is
 * solved: what closing a complaint needs. Returns a db_status. */
int complaint_followup_confirmed(struct request *r, const struct complaint *k, int *confirmed);

/* These change complaint k inside the caller's transaction, which records the complaint's event; res
 * receives the UPDATE (0 rows affected: k changed since it was loaded). Each returns a db_status.
 * Closed: the caller checked the customer confirmed it (complaint_followup_confirmed). */
int complaint_close(struct request *r, const struct complaint *k, struct db_result *res);
/* Reopened from resolved: handled again with a new resolution time limit (into due), and a follow-up
 * call still due or taken cancelled, as it asks about a resolution that no longer stands. */
int complaint_reopen(struct request *r, const struct complaint *k, char due[20], struct db_result *res);

#endif
