/* A customer's phone numbers (customer_phones, sql/018): several, one primary, which customers.phone
 * repeats for the pages that show a customer's phone. */
#ifndef AFTERSALES_CUSTOMER_PHONES_H
#define AFTERSALES_CUSTOMER_PHONES_H
#include "request.h"

/* The customers whose numbers include phone, as SQL to put after "id IN " at the top level of a
 * WHERE (a semi-join there). */
#define CUSTOMERS_WITH_PHONE "(SELECT customer_id FROM customer_phones WHERE phone = ?)"

/* Inside an OR (a list's search), where a subquery would make the list read every row, the customers
 * go as a list of ids instead: "customer_id IN " CUSTOMER_IDS, with the ids customer_phones_owners
 * found, so the phone's key and the customer key merge. A number shared by more records than this
 * finds the first ones'. */
#define CUSTOMER_IDS_MAX 5
#define CUSTOMER_IDS "(?, ?, ?, ?, ?)"
#define CUSTOMER_IDS_TYPES "iiiii"
/* The customers (up to CUSTOMER_IDS_MAX, 0 for the rest) with phone among their numbers; none for
 * "". Returns a db_status. */
int customer_phones_owners(struct request *r, const char *phone, long long ids[CUSTOMER_IDS_MAX]);

/* Makes phone (normalised) the primary number of customer id, keeping its other numbers, inside the
 * caller's transaction. Returns a db_status. */
int customer_phone_primary_set(struct request *r, long long id, const char *phone);
/* Moves other's numbers to kept as further numbers (merging), inside the caller's transaction. */
int customer_phones_merge(struct request *r, long long kept, long long other);
/* Forgets every number of customer id (anonymising, deleting), inside the caller's transaction. */
int customer_phones_forget(struct request *r, long long id);
/* Loads the numbers of customer id, the primary first. Returns a db_status. */
int customer_phones_load(struct request *r, long long id, struct db_result *out);
/* Adds one repetition of section PHONE_ROW per number loaded to d (PHONE, ID, CSRF; sub-section
 * PRIMARY or OTHER). */
void customer_phones_show(struct request *r, tmpl_dict *d, long long id, const struct db_result *phones);

#endif
