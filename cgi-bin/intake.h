/* Taking a request in, shared by repairs and returns: the day's public number, the customer found or
 * created by phone, and the public form's one-time token, honeypot and per-address limit. */
#ifndef AFTERSALES_INTAKE_H
#define AFTERSALES_INTAKE_H
#include "form.h"
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

/* Starts the page tpl of a request form posted to action: section STAFF_FORM with CSRF for staff
 * intake, else PUBLIC_FORM. */
tmpl_dict *intake_form_page(struct request *r, int status, const char *tpl, const char *title, int staff,
			    const char *action);
/* form_validate of a request form, then the field at index phone normalised (when all are good) and
 * the one at index purchase not after today. Returns the number of fields in error or a negative
 * db_status. */
int intake_fields_check(struct request *r, const struct field_rule *rules, size_t n, const char **vals,
			tmpl_dict *form, size_t phone, size_t purchase);
/* The text of created_by: the signed-in user's id, NULL for a public submission. */
const char *intake_created_by(struct request *r);
/* Records the new request's first event, into status to: "intake" noting the channel when staff took
 * it in, else "submit"; public_note is what /track shows. Returns a db_status. */
int intake_event(struct request *r, const char *subject, long long id, const char *to, const char *channel,
		 const char *public_note);

/* Marks field in error when value, a valid date, lies after today (in the site's time zone).
 * Returns 1 when it does, 0 when it does not or is empty or malformed (the field rule says so), or a
 * negative db_status. */
int intake_purchase_date_check(struct request *r, tmpl_dict *form, const char *field, const char *value);

/* Inserts the record taken in by channel ("web", "phone", "counter") under the number no inside the
 * open transaction and sets *id. */
typedef int (*intake_insert_fn)(struct request *r, void *ctx, const char *channel, const char *no, long long *id);

/* The message for a public form whose honeypot "website" was filled in (a bot), else NULL. */
const char *intake_honeypot(struct request *r);
/* Claims the public form's one-time token inside the open transaction, for the record numbered no
 * ("" until it has one); a token that is not well formed claims nothing. Returns DB_DUP when the
 * token was claimed before: then the transaction is rolled back and *used is that number ("" while
 * the first copy is still being saved); else a db_status. */
int intake_token_claim(struct request *r, const char *token, const char *no, const char **used);
/* After a public form's commit: forgets a few expired tokens and throttle counts; a failure is left
 * to the next submission. Outside any transaction. */
void intake_public_cleanup(struct request *r);
/* Sets TOKEN in a public form: the posted one-time token when it is well formed, else a fresh one. */
void intake_form_token(struct request *r, tmpl_dict *form);
/* POST of a public form whose fields were checked (errors of them in form, which answers 422):
 * honeypot "website", one-time "token", the per-address limit, then insert in one transaction with
 * the token and the limit's hit. Answers 303 to done_path?no=<number> (the first number again when
 * the token was used before), 422 with form, or 429. Returns 0 or a db_status. */
int intake_public_submit(struct request *r, tmpl_dict *form, int errors, char kind, intake_insert_fn insert,
			 void *ctx, const char *done_path);
/* Shows the CHANNEL_OPTION choices of staff intake (phone, counter) with selected chosen. */
void intake_channel_options(tmpl_dict *form, const char *selected);
/* POST of a staff intake form whose fields were checked (errors of them in form, which answers 422):
 * the "channel" (phone or counter), then the number and insert in one transaction. Answers 303 to
 * <detail_path>/<id> or 422 with form. Returns 0 or a db_status. */
int intake_staff_submit(struct request *r, tmpl_dict *form, int errors, char kind, intake_insert_fn insert,
			void *ctx, const char *detail_path);
/* Adds section ANSWER_DUE (AT, "YYYY-MM-DD HH:MM") to d when request no of kind ('R', 'T') is still
 * waiting for its first answer, which is due then. Returns a db_status. */
int intake_answer_due_fill(struct request *r, char kind, const char *no, tmpl_dict *d);
/* GET <done_path>?no=: the confirmation page tpl with NO (and ANSWER_DUE) for the browser that
 * submitted it (the cookie intake_public_submit sets holds its form's token); any other browser
 * gets a neutral page pointing to /track; 404 for a malformed number of kind or one that does not
 * exist. */
int intake_done_page(struct request *r, char kind, const char *tpl, const char *title);

#endif
