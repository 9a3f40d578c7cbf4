/* Loading one return with the names the pages show next to it: shared by the staff page and /track. */
#ifndef AFTERSALES_RETURN_DB_H
#define AFTERSALES_RETURN_DB_H
#include "request.h"

/* Every field as text from the database (NULL for SQL NULL), in the request arena; money in cents. */
struct return_request {
	long long id, customer_id, version, amount_paid, refund_amount, new_repair_id;
	int has_amount_paid, has_refund_amount;
	const char *public_no, *channel, *contact_name, *contact_phone, *address, *order_no, *product, *serial_no;
	const char *purchase_date, *bought_online, *has_fault, *kind, *reason, *repair_no, *status, *due_at;
	const char *decision_note, *decision_exception, *decided_by_name, *decided_at;
	const char *received_condition, *inbound_logistics, *received_at;
	const char *inspection, *inspection_notes, *inspected_by_name, *inspected_at;
	const char *refund_method, *refund_reference, *refund_note, *refunded_at;
	const char *replacement_product, *replacement_serial, *outbound_logistics, *exchanged_at;
	const char *new_repair_no, *cancel_reason, *created_at, *updated_at, *closed_at, *now;
	const char *customer_name, *customer_version;
};

/* Loads return id (id 0 in out when there is none). Returns a db_status. */
int return_load(struct request *r, long long id, struct return_request *out);
/* Loads the return the path's id names; when there is none it has answered 404 and out->id is 0. */
int return_load_path(struct request *r, struct return_request *out);
/* Loads by public number and the phone given on the request, as /track does. */
int return_load_public(struct request *r, const char *public_no, const char *phone, struct return_request *out);

#endif
