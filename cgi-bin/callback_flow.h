/* The callback (回访) and complaint (投诉) state machines (flow tables) and their labels. Pure. */
#ifndef AFTERSALES_CALLBACK_FLOW_H
#define AFTERSALES_CALLBACK_FLOW_H
#include "flow.h"

extern const struct flow CALLBACK_FLOW;
extern const struct flow COMPLAINT_FLOW;

/* Outcome codes of a call, with labels: reached, no_answer, busy, wrong_number, refused, and
 * answered_online (a rating on /track closed it). */
extern const char *const CALLBACK_OUTCOMES[][2];
#define CALLBACK_OUTCOMES_N 6
/* The label of an outcome code, or NULL. */
const char *callback_outcome_label(const char *code);
/* Where a complaint came from: low_score, not_solved, phone, online (code, label). */
extern const char *const COMPLAINT_SOURCES[][2];
#define COMPLAINT_SOURCES_N 4
const char *complaint_source_label(const char *code);
/* The satisfaction dimensions the 考核 standards name, in form order: attitude, timeliness, quality,
 * overall (code, label). */
extern const char *const SATISFACTION_DIMENSIONS[][2];
#define SATISFACTION_DIMENSIONS_N 4

#endif
