/* The repair state machine: which action moves which status where, and who may take it. Pure. */
#ifndef AFTERSALES_REPAIR_FLOW_H
#define AFTERSALES_REPAIR_FLOW_H

struct repair_action {
	const char *code;     /* form value of "action" */
	const char *label;    /* button text */
	unsigned from;        /* bit set of statuses it starts from (bit = index in the status table) */
	const char *to;       /* status after it; NULL keeps the status */
	int roles;            /* roles that may take it */
	int assignee_only;    /* technicians may take it only on their own jobs */
};

/* Index of a status code in the status table, or -1. */
int repair_status_index(const char *code);
const char *repair_status_label(const char *code);
/* 1 for statuses where the request is still being worked on (not resolved, closed or cancelled). */
int repair_status_open(const char *code);
const char *priority_label(const char *code);
/* Index 0..3 of low, normal, high, urgent, or -1. */
int priority_index(const char *code);
const char *channel_label(const char *code);

/* The action named code, or NULL. */
const struct repair_action *repair_action_find(const char *code);
/* Returns NULL when a user with role (and, for technicians, is_assignee) may take action now in
 * status; otherwise the reason, in Chinese. */
const char *repair_action_refusal(const struct repair_action *a, const char *status, int role, int is_assignee);
/* All actions, for listing the buttons a page offers. */
const struct repair_action *repair_actions(unsigned *n);

#endif
