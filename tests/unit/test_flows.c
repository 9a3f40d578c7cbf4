/* Unit tests of every state machine table (the cgi-bin flow tables) against the rules flow.h states and
 * DESIGN.md's statuses: codes unique, every "to" a known status, no way out of a finished status but
 * a note, only timeline entries without a from-status; and the return, callback and complaint
 * transitions the issues name, with the roles that may take them; who of a swap's parties may act. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "callback_flow.h"
#include "repair_flow.h"
#include "request.h"
#include "return_flow.h"
#include "roster_swap_flow.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct flow *const FLOWS[] = {&REPAIR_FLOW, &RETURN_FLOW, &CALLBACK_FLOW, &COMPLAINT_FLOW, &SWAP_FLOW};
static const int ALL_ROLES[] = {ROLE_TECHNICIAN, ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN};

static void test_tables_sane(void **state)
{
	(void)state;
	for (size_t k = 0; k < COUNT(FLOWS); k++) {
		const struct flow *f = FLOWS[k];
		assert_true(f->nstatuses > 1 && f->nstatuses <= 32);
		for (unsigned i = 0; i < f->nstatuses; i++) {
			assert_int_equal(flow_status_index(f, f->statuses[i].code), (int)i);
			assert_true(*f->statuses[i].label);
		}
		for (unsigned i = 0; i < f->nactions; i++) {
			const struct flow_action *a = &f->actions[i];
			if (flow_action_find(f, a->code) != a)
				fail_msg("%s: action %s listed twice", f->subject, a->code);
			if (!a->label || !*a->label)
				fail_msg("%s: action %s has no label", f->subject, a->code);
			if (a->to && flow_status_index(f, a->to) < 0)
				fail_msg("%s: action %s leads to unknown status %s", f->subject, a->code, a->to);
			if (a->from >> f->nstatuses)
				fail_msg("%s: action %s starts from a status that does not exist", f->subject, a->code);
			if (!a->from && (a->to || a->roles))
				fail_msg("%s: %s starts from no status but is a button", f->subject, a->code);
			if ((a->roles & ~ROLES_STAFF) != 0)
				fail_msg("%s: action %s names an unknown role", f->subject, a->code);
		}
	}
}

/* A status that is not open ends the record: only notes (and, for a resolved complaint, what the
 * follow-up decides) may follow, and never by anyone outside the table. */
static void test_finished_statuses_end(void **state)
{
	(void)state;
	static const struct {
		const struct flow *f;
		const char *status;
	} ends[] = {
		{&REPAIR_FLOW, "closed"}, {&REPAIR_FLOW, "cancelled"}, {&RETURN_FLOW, "closed"},
		{&RETURN_FLOW, "rejected"}, {&RETURN_FLOW, "converted"}, {&RETURN_FLOW, "cancelled"},
		{&CALLBACK_FLOW, "done"}, {&CALLBACK_FLOW, "unreachable"}, {&CALLBACK_FLOW, "cancelled"},
		{&COMPLAINT_FLOW, "closed"}, {&SWAP_FLOW, "declined"}, {&SWAP_FLOW, "approved"},
		{&SWAP_FLOW, "rejected"}, {&SWAP_FLOW, "cancelled"},
	};
	for (size_t i = 0; i < COUNT(ends); i++) {
		const struct flow *f = ends[i].f;
		assert_false(flow_status_open(f, ends[i].status));
		for (unsigned a = 0; a < f->nactions; a++) {
			if (!strcmp(f->actions[a].code, "note"))
				continue;
			for (size_t r = 0; r < COUNT(ALL_ROLES); r++)
				if (!flow_refusal(f, &f->actions[a], ends[i].status, ALL_ROLES[r], 1))
					fail_msg("%s: %s is allowed from the finished status %s", f->subject,
						 f->actions[a].code, ends[i].status);
		}
	}
}

struct step {
	const struct flow *f;
	const char *action, *from, *to;
	int roles;  /* exactly the roles that may take it */
};

#define FRONT (ROLE_AGENT | ROLE_SUPERVISOR | ROLE_ADMIN)
#define BOSS (ROLE_SUPERVISOR | ROLE_ADMIN)
#define SHOP (ROLE_TECHNICIAN | ROLE_SUPERVISOR | ROLE_ADMIN)
#define STAFF (ROLE_TECHNICIAN | ROLE_AGENT | ROLE_SUPERVISOR | ROLE_ADMIN)

static const struct step STEPS[] = {
	{&RETURN_FLOW, "approve", "requested", "approved", BOSS},
	{&RETURN_FLOW, "reject", "requested", "rejected", BOSS},
	{&RETURN_FLOW, "receive", "approved", "received", STAFF},
	{&RETURN_FLOW, "inspect", "received", "inspected", SHOP},
	{&RETURN_FLOW, "refund", "inspected", "refunded", BOSS},
	{&RETURN_FLOW, "exchange", "inspected", "exchanged", FRONT},
	{&RETURN_FLOW, "to_repair", "inspected", "converted", FRONT},
	{&RETURN_FLOW, "close", "refunded", "closed", FRONT},
	{&RETURN_FLOW, "close", "exchanged", "closed", FRONT},
	{&RETURN_FLOW, "cancel", "requested", "cancelled", FRONT},
	{&RETURN_FLOW, "cancel", "approved", "cancelled", FRONT},
	{&CALLBACK_FLOW, "take", "due", "taken", FRONT},
	{&CALLBACK_FLOW, "take", "taken", "taken", FRONT},
	{&CALLBACK_FLOW, "release", "taken", "due", FRONT},
	{&CALLBACK_FLOW, "call", "taken", NULL, FRONT},
	{&CALLBACK_FLOW, "cancel", "due", "cancelled", BOSS},
	{&CALLBACK_FLOW, "cancel", "taken", "cancelled", BOSS},
	{&COMPLAINT_FLOW, "respond", "open", "investigating", BOSS},
	{&COMPLAINT_FLOW, "respond", "reopened", "investigating", BOSS},
	{&COMPLAINT_FLOW, "resolve", "investigating", "resolved", BOSS},
	{&COMPLAINT_FLOW, "close", "resolved", "closed", BOSS},
	{&COMPLAINT_FLOW, "reopen", "resolved", "reopened", BOSS},
	{&SWAP_FLOW, "accept", "requested", "accepted", STAFF},
	{&SWAP_FLOW, "decline", "requested", "declined", STAFF},
	{&SWAP_FLOW, "approve", "accepted", "approved", BOSS},
	{&SWAP_FLOW, "reject", "accepted", "rejected", BOSS},
	{&SWAP_FLOW, "cancel", "requested", "cancelled", STAFF},
	{&SWAP_FLOW, "cancel", "accepted", "cancelled", STAFF},
};

static void test_named_steps(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(STEPS); i++) {
		const struct step *s = &STEPS[i];
		const struct flow_action *a = flow_action_find(s->f, s->action);
		if (!a)
			fail_msg("%s: no action %s", s->f->subject, s->action);
		if ((s->to == NULL) != (a->to == NULL) || (s->to && strcmp(s->to, a->to)))
			fail_msg("%s: %s leads to %s, want %s", s->f->subject, s->action, a->to ? a->to : "(chosen)",
				 s->to ? s->to : "(chosen)");
		for (size_t r = 0; r < COUNT(ALL_ROLES); r++) {
			int may = !flow_refusal(s->f, a, s->from, ALL_ROLES[r], 0);
			int want = (s->roles & ALL_ROLES[r]) != 0;
			if (may != want)
				fail_msg("%s: %s from %s by role %d: allowed %d, want %d", s->f->subject, s->action, s->from,
					 ALL_ROLES[r], may, want);
		}
	}
}

/* Everything not in STEPS (and not a note) is refused from every status of the three newer flows. */
static void test_nothing_else(void **state)
{
	(void)state;
	const struct flow *flows[] = {&RETURN_FLOW, &CALLBACK_FLOW, &COMPLAINT_FLOW, &SWAP_FLOW};
	for (size_t k = 0; k < COUNT(flows); k++) {
		const struct flow *f = flows[k];
		for (unsigned a = 0; a < f->nactions; a++) {
			if (!strcmp(f->actions[a].code, "note"))
				continue;
			for (unsigned s = 0; s < f->nstatuses; s++) {
				int named = 0;
				for (size_t i = 0; i < COUNT(STEPS); i++)
					named |= STEPS[i].f == f && !strcmp(STEPS[i].action, f->actions[a].code) &&
						 !strcmp(STEPS[i].from, f->statuses[s].code);
				if (!named && !flow_refusal(f, &f->actions[a], f->statuses[s].code, ROLE_ADMIN, 1))
					fail_msg("%s: %s from %s is allowed but not named", f->subject, f->actions[a].code,
						 f->statuses[s].code);
			}
		}
	}
}

/* Beyond roles, a swap's party: requester 1, colleague 2, anyone else 3. */
static void test_swap_parties(void **state)
{
	(void)state;
	static const struct {
		const char *action;
		long long user;
		int allowed;
	} cases[] = {
		{"accept", 2, 1}, {"accept", 1, 0}, {"accept", 3, 0}, {"decline", 2, 1}, {"decline", 3, 0},
		{"cancel", 1, 1}, {"cancel", 2, 0}, {"cancel", 3, 0}, {"approve", 3, 1}, {"approve", 1, 0},
		{"approve", 2, 0}, {"reject", 3, 1}, {"reject", 2, 0},
	};
	for (size_t i = 0; i < COUNT(cases); i++)
		if ((swap_party_refusal(cases[i].action, cases[i].user, 1, 2) == NULL) != cases[i].allowed)
			fail_msg("swap %s by user %lld: allowed %d", cases[i].action, cases[i].user, !cases[i].allowed);
}

static void test_labels(void **state)
{
	(void)state;
	for (size_t i = 0; i < CALLBACK_OUTCOMES_N; i++)
		assert_string_equal(callback_outcome_label(CALLBACK_OUTCOMES[i][0]), CALLBACK_OUTCOMES[i][1]);
	assert_null(callback_outcome_label("exploded"));
	assert_null(callback_outcome_label(NULL));
	assert_non_null(complaint_source_label("low_score"));
	assert_null(complaint_source_label("gossip"));
	assert_int_equal(SATISFACTION_DIMENSIONS_N, 4);
	assert_string_equal(SATISFACTION_DIMENSIONS[3][0], "overall");
	assert_string_equal(return_kind_label("refund"), "退款");
	assert_null(return_kind_label("steal"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_sane),
		cmocka_unit_test(test_finished_statuses_end),
		cmocka_unit_test(test_named_steps),
		cmocka_unit_test(test_nothing_else),
		cmocka_unit_test(test_swap_parties),
		cmocka_unit_test(test_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
