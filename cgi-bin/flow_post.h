/* The POST of a status action on a record (a repair, a return): role and status checked against the
 * flow table, the version checked, the change and its timeline entry in one transaction, a refused
 * field or a conflict answered with the record's page. Each area supplies what differs. */
#ifndef AFTERSALES_FLOW_POST_H
#define AFTERSALES_FLOW_POST_H
#include "flow.h"
#include "request.h"

/* What one action did, for its timeline entry, or why it was refused. */
struct action_outcome {
	const char *refusal;      /* a field problem: rolled back, the page comes back with 422 */
	const char *note;         /* internal note of the event */
	const char *public_note;  /* what /track shows, or NULL */
	const char *to;           /* the status the run chose, for an action whose table entry has none */
	const char *field;        /* the name of the refused field when no form_text & co. named it */
};

struct flow_post {
	const struct flow *flow;
	void *record;              /* the area's loaded record */
	long long id, version;
	const char *status;
	int is_assignee;
	/* Makes the change inside the open transaction; res receives the UPDATE whose affected rows
	 * say whether the version still matched (0: someone else changed it). Sets o->refusal for a
	 * bad field. Not called for "note", which only adds to the timeline. */
	int (*run)(struct request *r, const struct flow_action *a, void *record, struct action_outcome *o,
		   struct db_result *res);
	/* Renders the record's page with an HTTP status and a message. */
	int (*page)(struct request *r, int status, void *record, const char *message);
	/* Loads the record again (after a conflict) into record. */
	int (*reload)(struct request *r, void *record);
	const char *back;          /* where a done action redirects to */
	/* The code of the action that cannot be undone (a cancellation), or NULL: a POST of it without
	 * confirm=1 answers a confirmation page naming what (the record, "工单 R…"), the reason given and
	 * what the customer will see; the change is checked, then rolled back. */
	const char *irreversible, *what;
};

/* Handles the posted "action" and "version". Answers 303 to p->back; 422 with the page and a
 * message when the status or role does not allow the action or a field is bad (then the field is
 * marked and the message is the page's error summary: see flow_field_id); 409 when someone
 * else changed the record since the page was loaded. Returns 0 or a db_status. */
int flow_post_run(struct request *r, const struct flow_post *p);
/* The id of field name in the form of action code, which the action forms' templates follow: the name,
 * but "<code>_<name>" for the names several forms of a page share (note, reason) and internal_note for
 * the note action's own. */
const char *flow_field_id(struct request *r, const char *code, const char *name);
/* Shows section CAN_<code> for every action the user may take now. */
void flow_actions_show(struct request *r, tmpl_dict *d, const struct flow *f, const char *status, int is_assignee);
/* The same, leaving out the actions that refuse (a rule of the area's own) refuses on record. */
void flow_actions_show_if(struct request *r, tmpl_dict *d, const struct flow *f, const char *status, int is_assignee,
			  const char *(*refuse)(const struct request *r, const void *record, const char *code),
			  const void *record);

#endif
