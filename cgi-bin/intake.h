/* Taking a request in, shared by repairs and returns: the day's public number, the customer found or
 * created by phone, and the public form's one-time token, honeypot and per-address limit. */
#ifndef AFTERSALES_INTAKE_H
#define AFTERSALES_INTAKE_H
#include "request.h"

/* Contact details as typed on a request. */
struct intake_contact {
	const char *name, *phone, *email, *address;
};

/* Takes the next public number of kind ('R', 'T') for today, inside the caller's transaction: the
 * counter row's lock makes concurrent submissions take distinct numbers. Returns a db_status. */
int intake_number(struct request *r, char kind, const char **no);
/* Finds the customer by phone, or creates one from c. An existing record is never changed here:
 * whoever knows a customer's phone could otherwise rewrite their details; the request keeps what
 * was typed, and staff take it over. Returns a db_status. */
int intake_customer(struct request *r, const struct intake_contact *c, long long *id);

/* Marks field in error when value, a valid date, lies after today (in the site's time zone).
 * Returns 1 when it does, 0 when it does not or is empty or malformed (the field rule says so), or a
 * negative db_status. */
int intake_purchase_date_check(struct request *r, tmpl_dict *form, const char *field, const char *value);

/* Inserts the record under the number no inside the open transaction and sets *id. */
typedef int (*intake_insert_fn)(struct request *r, void *ctx, const char *no, long long *id);

/* Sets TOKEN in a public form: the posted one-time token when it is well formed, else a fresh one. */
void intake_form_token(struct request *r, tmpl_dict *form);
/* POST of a public form whose fields were checked (errors of them in form, which answers 422):
 * honeypot "website", one-time "token", the per-address limit, then insert in one transaction with
 * the token and the limit's hit. Answers 303 to done_path?no=<number> (the first number again when
 * the token was used before), 422 with form, or 429. Returns 0 or a db_status. */
int intake_public_submit(struct request *r, tmpl_dict *form, int errors, char kind, intake_insert_fn insert,
			 void *ctx, const char *done_path);
/* GET <done_path>?no=: the confirmation page tpl with NO; 404 for a malformed number of kind. It does
 * not look the number up, so it tells nothing about other requests. */
int intake_done_page(struct request *r, char kind, const char *tpl, const char *title);

#endif
