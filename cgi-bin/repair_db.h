/* Loading one repair with its assignee's name: shared by the detail, print and track pages. */
#ifndef AFTERSALES_REPAIR_DB_H
#define AFTERSALES_REPAIR_DB_H
#include "request.h"

/* Every field as text from the database (NULL for SQL NULL), in the request arena. */
struct repair {
	long long id, customer_id, assignee_id, version, labour_minutes;
	long long return_id;  /* the return it was made from, 0 for none */
	long long product_id; /* the product picked from the products table, 0 for typed only */
	const char *public_no, *channel, *contact_name, *contact_phone, *address, *product, *model, *serial_no;
	const char *purchase_date, *warranty_until, *fault, *preferred_time, *status, *priority;
	const char *visit_at, *due_at, *sla_paused_minutes, *result, *parts_used, *labour_cost, *parts_cost;
	const char *warranty_repair, *cancel_reason, *created_at, *updated_at, *resolved_at, *closed_at;
	const char *assignee_name, *customer_email, *now;
	/* contact_* as typed on the request; customer_* as the customer record has them now */
	const char *contact_email, *customer_name, *customer_address, *customer_version;
	const char *return_no;
};

/* Loads repair id (id 0 in out when there is none). Returns a db_status. */
int repair_load(struct request *r, long long id, struct repair *out);
/* Loads the repair the path's id names. When there is none it has answered 404 and out->id is 0,
 * so a handler returns at once when the status is not DB_OK or the id is 0. */
int repair_load_path(struct request *r, struct repair *out);
/* Loads by public number and the phone given on the request, as /track does. */
int repair_load_public(struct request *r, const char *public_no, const char *phone, struct repair *out);

/* A repair as it is taken in: from the public form, by staff, or from an inspected return. */
struct repair_new {
	const char *public_no, *channel, *name, *phone, *email, *address, *product, *model, *serial_no;
	const char *purchase_date; /* NULL when unknown */
	const char *fault, *preferred_time;
	long long customer_id;
	long long return_id;       /* the return it was made from, 0 for none */
	long long product_id;      /* picked by staff from the products table, 0 for typed only */
};
/* Inserts n inside the caller's transaction, with the warranty's end from the product's warranty
 * (or the configured default) and the signed-in user, if any, as its creator; sets *id. Returns a
 * db_status. */
int repair_insert_row(struct request *r, const struct repair_new *n, long long *id);

/* Adds one repetition of section per active technician (ID, NAME; sub-section SELECTED for
 * selected_id), for the assignee choices of the queue filter and the assign form. Returns a db_status. */
int technician_options(struct request *r, tmpl_dict *d, const char *section, long long selected_id);
/* The same for the active staff of role (a code such as "technician"; NULL for every role). */
int staff_options(struct request *r, tmpl_dict *d, const char *section, const char *role, long long selected_id);
/* Whether this user may see the repair at all: technicians only the jobs assigned to them. */
int repair_is_visible(const struct request *r, const struct repair *p);
/* Whether this user may see its contact details (whole phone, address, e-mail): agents, supervisors
 * and admins always, the assigned technician while the job is open. */
int repair_contact_visible(const struct request *r, const struct repair *p);
/* The contact phone as this user may see it: whole when repair_contact_visible, masked
 * (138****5678, written into buf) otherwise. */
const char *repair_phone_shown(const struct request *r, const struct repair *p, char buf[32]);

#endif
