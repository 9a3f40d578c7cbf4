/* Public tracking as the look-up page (track.c) and the customer's rating and complaint forms on it
 * (track_feedback.c) share it: a request found by number and phone, and its page. */
#ifndef AFTERSALES_TRACK_H
#define AFTERSALES_TRACK_H
#include "flow.h"
#include "request.h"

/* What the page shows of a request of either kind; the optional parts are NULL when they do not apply. */
struct tracked {
	long long id, customer_id;
	const char *subject;                   /* "repair" or "return", as events and callbacks name it */
	const struct flow *flow;
	const char *no, *phone;                /* phone normalised, as it matched */
	const char *status, *product, *created;
	int finished;                          /* done in the customer's eyes: the rating form is offered */
	const char *kind;                      /* a return's kind, e.g. "退货" */
	const char *technician, *visit;        /* a repair's technician on the way */
	const char *rejection;                 /* why a return was refused, as told to the customer */
};

/* Finds the request numbered no whose phone is phone. When there is none (a wrong number, a wrong
 * phone, an unknown or malformed number) it has answered the one 404 page for all of them and
 * counted the miss toward this address's limit, or 429 while the address is locked out; then t->id
 * is 0. Returns a db_status. */
int track_find(struct request *r, const char *no, const char *phone, struct tracked *t);

/* The form of the page a POST answers with, its input kept. */
enum track_form { TRACK_FORM_NONE, TRACK_FORM_RATE, TRACK_FORM_COMPLAIN };

/* Answers the page of t with status: the request, its public timeline, and the rating and complaint
 * parts; message goes beside the form posted. Returns 0 or a db_status. */
int track_show(struct request *r, int status, const struct tracked *t, enum track_form posted, const char *message);

/* Adds the rating and complaint parts of t to the page's found section (track_feedback.c). Returns a
 * db_status. */
int track_feedback_fill(struct request *r, const struct tracked *t, tmpl_dict *found, enum track_form posted,
			const char *message);

#endif
