/* The shift swap (调班) state machine: the colleague accepts or declines, a supervisor approves or
 * rejects, the requester may cancel until it is decided. Pure. */
#ifndef AFTERSALES_ROSTER_SWAP_FLOW_H
#define AFTERSALES_ROSTER_SWAP_FLOW_H
#include "flow.h"

extern const struct flow SWAP_FLOW;

/* Which party may take action code on a swap, beyond the roles of the table: the colleague accepts
 * or declines, the requester cancels, and a supervisor never decides a swap of their own. Returns
 * NULL when user_id may, else the reason. */
const char *swap_party_refusal(const char *code, long long user_id, long long requester_id, long long colleague_id);

#endif
