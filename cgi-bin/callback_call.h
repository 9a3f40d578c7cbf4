/* Recording a call of a callback: the outcome, the customer's rating, and what follows from them. */
#ifndef AFTERSALES_CALLBACK_CALL_H
#define AFTERSALES_CALLBACK_CALL_H
#include "callback_view.h"
#include "flow_post.h"

/* The "call" action of CALLBACK_FLOW inside flow_post_run's transaction (outcome, note, and for
 * "reached" the rating form): reached, wrong_number and refused finish it (done; a wrong number
 * flags the customer's phone), no_answer and busy make it due again at the next working half-day or,
 * after [callbacks] max_attempts calls, unreachable. A rating is stored and a bad one opens a
 * complaint; the follow-up of a complaint closes it (solved) or reopens it. res gets the callback's
 * UPDATE; o->to the status chosen, o->refusal a bad field. Returns a db_status. */
int callback_call_run(struct request *r, const struct callback *c, struct action_outcome *o, struct db_result *res);

#endif
