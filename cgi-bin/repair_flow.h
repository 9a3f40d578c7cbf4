/* The repair state machine (a flow table) and the labels of a repair's fields. Pure. */
#ifndef AFTERSALES_REPAIR_FLOW_H
#define AFTERSALES_REPAIR_FLOW_H
#include "flow.h"

extern const struct flow REPAIR_FLOW;

static inline int repair_status_index(const char *code) { return flow_status_index(&REPAIR_FLOW, code); }
static inline const char *repair_status_label(const char *code) { return flow_status_label(&REPAIR_FLOW, code); }
/* The statuses in which a repair's clock runs, as SQL: the first response (受理) is due while it is
 * new, the resolution after that; waiting for parts pauses it. */
#define REPAIR_CLOCK_STATUSES "'new','accepted','assigned','in_progress'"
/* 1 for statuses where the request is still being worked on (not resolved, closed or cancelled). */
static inline int repair_status_open(const char *code) { return flow_status_open(&REPAIR_FLOW, code); }
static inline const struct flow_action *repair_action_find(const char *code)
{
	return flow_action_find(&REPAIR_FLOW, code);
}
static inline const char *repair_action_refusal(const struct flow_action *a, const char *status, int role,
						int is_assignee)
{
	return flow_refusal(&REPAIR_FLOW, a, status, role, is_assignee);
}

const char *priority_label(const char *code);
/* Index 0..3 of low, normal, high, urgent, or -1. */
int priority_index(const char *code);
/* "电话", "柜台" or "网上" for a request's channel code (phone, counter, web). */
const char *channel_label(const char *code);

#endif
