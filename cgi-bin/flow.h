/* A record's state machine as a table: its statuses, and which action moves which status where and
 * who may take it. Repairs and returns each define one (repair_flow.c, return_flow.c). Pure. */
#ifndef AFTERSALES_FLOW_H
#define AFTERSALES_FLOW_H
#include <stddef.h>

struct flow_status {
	const char *code, *label;
	int open;             /* still being worked on */
};

struct flow_action {
	const char *code;     /* form value of "action"; also the event's action */
	const char *label;    /* button text and the timeline's label */
	unsigned from;        /* bit set of statuses it starts from (bit = index in the status table);
	                       * 0 for an event that is no button (a submission, say) */
	const char *to;       /* status after it; NULL keeps the status */
	int roles;            /* roles that may take it */
	int assignee_only;    /* technicians may take it only on their own jobs */
};

struct flow {
	const char *subject;  /* events.subject of the records: "repair", "return" */
	const struct flow_status *statuses;
	unsigned nstatuses;
	const struct flow_action *actions;
	unsigned nactions;
};

/* Index of a status code in the table, or -1. */
int flow_status_index(const struct flow *f, const char *code);
/* The status's label, "未知" for an unknown code. */
const char *flow_status_label(const struct flow *f, const char *code);
int flow_status_open(const struct flow *f, const char *code);
/* The action named code, or NULL. */
const struct flow_action *flow_action_find(const struct flow *f, const char *code);
/* NULL when a user with role (and, for technicians, is_assignee) may take action a now in status;
 * otherwise the reason, in Chinese. */
const char *flow_refusal(const struct flow *f, const struct flow_action *a, const char *status, int role,
			 int is_assignee);

/* The label of code in a {code, label} table of n rows, or NULL. */
const char *choice_label(const char *const (*table)[2], size_t n, const char *code);

#endif
