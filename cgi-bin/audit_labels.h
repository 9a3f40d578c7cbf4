/* The audit trail in words: a Chinese label for every action code, the records' targets ("repair #12"
 * -> 维修工单 #12 and its page) and the details written in English or with status codes made
 * readable. Pure. */
#ifndef AFTERSALES_AUDIT_LABELS_H
#define AFTERSALES_AUDIT_LABELS_H
#include "arena.h"
#include "flow.h"

/* The kinds of record whose changes event_record() writes as <subject>_<action>, target "<subject> #id". */
struct audit_subject {
	const char *code;        /* of its actions: <code>_<action> */
	const char *label;
	const char *target;      /* of its targets: "<target> #id" */
	const struct flow *flow; /* NULL for a record without a state machine */
	const char *page;        /* its staff page, "%lld" for the id */
	const char *events;      /* its actions that are not in its flow, space-separated (客户合并 ...) */
};
extern const struct audit_subject AUDIT_SUBJECTS[];
extern const size_t AUDIT_SUBJECTS_N;

/* The actions that are no record's event: accounts, customers, calendar, roster, settings. */
extern const char *const AUDIT_ACTIONS[][2];
extern const size_t AUDIT_ACTIONS_N;

/* The label of an action code ("repair_accept" -> 维修工单·受理, "login_failed" -> 登录失败), in the
 * arena; NULL for an unknown code. */
const char *audit_action_label(struct arena *a, const char *code);
/* The subject of a <subject>_<action> code or of a "<subject> #id" target, or NULL. */
const struct audit_subject *audit_subject_of(const char *code_or_target);
/* The target as shown (维修工单 #12) and, for a record with a page, its address in *href (else NULL). */
const char *audit_target_text(struct arena *a, const char *target, const char **href);
/* What the record filter typed ("repair #12", "维修工单 12", "客户#5", a user name ...) as the target
 * stored: "<code> #<id>" for a kind of record, 客户 #<id>, otherwise the text itself. */
const char *audit_target_normalise(struct arena *a, const char *typed);
/* The detail as shown: status codes of a transition as their labels, the English details of
 * customer changes, merges and failed logins in Chinese; anything else as it was written. */
const char *audit_detail_text(struct arena *a, const char *code, const char *detail);

#endif
