/* Unit tests of the repair state machine (cgi-bin/repair_flow.h) against DESIGN.md:
 * new -> accepted -> assigned -> in_progress <-> waiting_parts -> resolved -> closed,
 * cancelled from any open state; an admin may do everything a supervisor may. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "repair_flow.h"
#include "request.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const STATUS_CODES[] = {
	"new", "accepted", "assigned", "in_progress", "waiting_parts", "resolved", "closed", "cancelled",
};
static const char *const OPEN_CODES[] = {"new", "accepted", "assigned", "in_progress", "waiting_parts"};

static const struct {
	int role;
	const char *name;
} ROLES[] = {
	{ROLE_TECHNICIAN, "technician"},
	{ROLE_AGENT, "agent"},
	{ROLE_SUPERVISOR, "supervisor"},
	{ROLE_ADMIN, "admin"},
};

#define FRONT (ROLE_AGENT | ROLE_SUPERVISOR | ROLE_ADMIN)
#define SHOP (ROLE_TECHNICIAN | ROLE_SUPERVISOR | ROLE_ADMIN)
#define BOSS (ROLE_SUPERVISOR | ROLE_ADMIN)

/* Every status change the design allows: action, from, to, the roles that may take it, and
 * whether a technician may take it only on a job assigned to them. */
static const struct {
	const char *action, *from, *to;
	int roles, assignee_only;
} ALLOWED[] = {
	{"accept", "new", "accepted", FRONT, 0},
	{"assign", "accepted", "assigned", BOSS, 0},
	{"assign", "assigned", "assigned", BOSS, 0}, /* re-assigning to someone else */
	{"start", "assigned", "in_progress", SHOP, 1},
	{"wait_parts", "in_progress", "waiting_parts", SHOP, 1},
	{"resume", "waiting_parts", "in_progress", SHOP, 1},
	{"resolve", "in_progress", "resolved", SHOP, 1},
	{"close", "resolved", "closed", FRONT, 0},
	{"cancel", "new", "cancelled", FRONT, 0},
	{"cancel", "accepted", "cancelled", FRONT, 0},
	{"cancel", "assigned", "cancelled", FRONT, 0},
	{"cancel", "in_progress", "cancelled", FRONT, 0},
	{"cancel", "waiting_parts", "cancelled", FRONT, 0},
};

static const struct flow_action *find(const char *code)
{
	const struct flow_action *a = repair_action_find(code);
	if (!a)
		fail_msg("repair_action_find(\"%s\") = NULL", code);
	return a;
}

static void test_allowed_transitions(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(ALLOWED); i++) {
		const struct flow_action *a = find(ALLOWED[i].action);
		if (!a->to || strcmp(a->to, ALLOWED[i].to) != 0)
			fail_msg("%s leads to %s, want %s", ALLOWED[i].action, a->to ? a->to : "(same)", ALLOWED[i].to);
		for (size_t k = 0; k < COUNT(ROLES); k++) {
			const char *why = repair_action_refusal(a, ALLOWED[i].from, ROLES[k].role, 1);
			int may = (ALLOWED[i].roles & ROLES[k].role) != 0;
			if (may && why)
				fail_msg("%s from %s refused to %s: %s", ALLOWED[i].action, ALLOWED[i].from, ROLES[k].name, why);
			if (!may && !why)
				fail_msg("%s from %s allowed to %s", ALLOWED[i].action, ALLOWED[i].from, ROLES[k].name);
		}
	}
}

/* Every status-changing action in every status: only the pairs in ALLOWED pass, for any role. */
static void test_matrix_refuses_the_rest(void **state)
{
	(void)state;
	static const char *const changing[] = {"accept", "assign", "start", "wait_parts", "resume", "resolve", "close", "cancel"};
	for (size_t ai = 0; ai < COUNT(changing); ai++) {
		const struct flow_action *a = find(changing[ai]);
		for (size_t si = 0; si < COUNT(STATUS_CODES); si++) {
			int listed = 0;
			for (size_t i = 0; i < COUNT(ALLOWED); i++)
				if (!strcmp(ALLOWED[i].action, changing[ai]) && !strcmp(ALLOWED[i].from, STATUS_CODES[si]))
					listed = 1;
			for (size_t k = 0; k < COUNT(ROLES); k++) {
				const char *why = repair_action_refusal(a, STATUS_CODES[si], ROLES[k].role, 1);
				if (!listed && !why)
					fail_msg("%s from %s allowed to %s, the design does not allow it", changing[ai],
						 STATUS_CODES[si], ROLES[k].name);
			}
		}
	}
}

static void test_sample_of_illegal(void **state)
{
	(void)state;
	static const struct {
		const char *action, *from;
	} cases[] = {
		{"resolve", "new"},
		{"resolve", "accepted"},
		{"resolve", "assigned"},
		{"close", "in_progress"},
		{"close", "new"},
		{"close", "closed"},
		{"cancel", "closed"},
		{"cancel", "cancelled"},
		{"cancel", "resolved"},
		{"accept", "accepted"},
		{"accept", "cancelled"},
		{"assign", "new"},
		{"assign", "in_progress"},
		{"assign", "closed"},
		{"start", "new"},
		{"start", "in_progress"},
		{"wait_parts", "assigned"},
		{"wait_parts", "waiting_parts"},
		{"resume", "in_progress"},
		{"resume", "resolved"},
		{"labour", "new"},
		{"labour", "closed"},
		{"labour", "cancelled"},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct flow_action *a = find(cases[i].action);
		for (size_t k = 0; k < COUNT(ROLES); k++) {
			const char *why = repair_action_refusal(a, cases[i].from, ROLES[k].role, 1);
			if (!why)
				fail_msg("%s from %s allowed to %s", cases[i].action, cases[i].from, ROLES[k].name);
			if (!*why)
				fail_msg("%s from %s refused without a reason", cases[i].action, cases[i].from);
		}
	}
}

static void test_technician_only_own_jobs(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(ALLOWED); i++) {
		const struct flow_action *a = find(ALLOWED[i].action);
		assert_int_equal(a->assignee_only, ALLOWED[i].assignee_only);
		if (!ALLOWED[i].assignee_only)
			continue;
		if (!repair_action_refusal(a, ALLOWED[i].from, ROLE_TECHNICIAN, 0))
			fail_msg("%s from %s allowed to a technician on someone else's job", ALLOWED[i].action,
				 ALLOWED[i].from);
		/* Supervisors and admins act on any job. */
		assert_null(repair_action_refusal(a, ALLOWED[i].from, ROLE_SUPERVISOR, 0));
		assert_null(repair_action_refusal(a, ALLOWED[i].from, ROLE_ADMIN, 0));
	}
	/* Recording labour follows the same rule. */
	const struct flow_action *labour = find("labour");
	assert_null(labour->to);
	assert_true(labour->assignee_only);
	static const char *const working[] = {"assigned", "in_progress", "waiting_parts", "resolved"};
	for (size_t i = 0; i < COUNT(working); i++) {
		assert_null(repair_action_refusal(labour, working[i], ROLE_TECHNICIAN, 1));
		assert_non_null(repair_action_refusal(labour, working[i], ROLE_TECHNICIAN, 0));
		assert_null(repair_action_refusal(labour, working[i], ROLE_SUPERVISOR, 0));
		assert_non_null(repair_action_refusal(labour, working[i], ROLE_AGENT, 1));
	}
}

static void test_admin_may_do_what_supervisor_may(void **state)
{
	(void)state;
	unsigned n;
	const struct flow_action *all = REPAIR_FLOW.actions;
	n = REPAIR_FLOW.nactions;
	assert_true(n > 0);
	for (unsigned i = 0; i < n; i++)
		for (size_t si = 0; si < COUNT(STATUS_CODES); si++)
			for (int mine = 0; mine <= 1; mine++)
				if (!repair_action_refusal(&all[i], STATUS_CODES[si], ROLE_SUPERVISOR, mine) &&
				    repair_action_refusal(&all[i], STATUS_CODES[si], ROLE_ADMIN, mine))
					fail_msg("%s from %s: supervisor may, admin may not", all[i].code, STATUS_CODES[si]);
}

static void test_note_everywhere(void **state)
{
	(void)state;
	const struct flow_action *note = find("note");
	assert_null(note->to);
	/* Every role on every status; technicians only on their own jobs (#11). */
	for (size_t si = 0; si < COUNT(STATUS_CODES); si++)
		for (size_t k = 0; k < COUNT(ROLES); k++) {
			assert_null(repair_action_refusal(note, STATUS_CODES[si], ROLES[k].role, 1));
			const char *other = repair_action_refusal(note, STATUS_CODES[si], ROLES[k].role, 0);
			if ((ROLES[k].role == ROLE_TECHNICIAN) != (other != NULL))
				fail_msg("note on another's job from %s by role %d", STATUS_CODES[si], ROLES[k].role);
		}
}

static void test_unknown_inputs(void **state)
{
	(void)state;
	assert_null(repair_action_find("explode"));
	assert_null(repair_action_find(""));
	assert_null(repair_action_find(NULL));
	const struct flow_action *accept = find("accept");
	assert_non_null(repair_action_refusal(accept, "bogus", ROLE_ADMIN, 1));
	assert_non_null(repair_action_refusal(accept, NULL, ROLE_ADMIN, 1));
	assert_non_null(repair_action_refusal(NULL, "new", ROLE_ADMIN, 1));
	assert_non_null(repair_action_refusal(accept, "new", 0, 1)); /* no role at all */
	assert_int_equal(repair_status_index("bogus"), -1);
	assert_int_equal(repair_status_index(NULL), -1);
	assert_false(repair_status_open("bogus"));
	assert_int_equal(priority_index("bogus"), -1);
	assert_int_equal(priority_index(NULL), -1);
}

static void test_labels(void **state)
{
	(void)state;
	const char *unknown = repair_status_label("bogus");
	assert_non_null(unknown);
	for (size_t i = 0; i < COUNT(STATUS_CODES); i++) {
		assert_int_equal(repair_status_index(STATUS_CODES[i]), (int)i);
		const char *label = repair_status_label(STATUS_CODES[i]);
		if (!label || !*label || !strcmp(label, unknown))
			fail_msg("status %s has no label", STATUS_CODES[i]);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(label, repair_status_label(STATUS_CODES[j])))
				fail_msg("statuses %s and %s share the label %s", STATUS_CODES[j], STATUS_CODES[i], label);
		int open = 0;
		for (size_t j = 0; j < COUNT(OPEN_CODES); j++)
			open |= !strcmp(OPEN_CODES[j], STATUS_CODES[i]);
		if (repair_status_open(STATUS_CODES[i]) != open)
			fail_msg("repair_status_open(%s) = %d, want %d", STATUS_CODES[i], repair_status_open(STATUS_CODES[i]), open);
	}
	static const char *const priorities[] = {"low", "normal", "high", "urgent"};
	for (int i = 0; i < 4; i++) {
		assert_int_equal(priority_index(priorities[i]), i);
		assert_true(priority_label(priorities[i])[0] != '\0');
	}
	static const char *const channels[] = {"web", "phone", "counter"};
	for (size_t i = 0; i < COUNT(channels); i++)
		assert_true(channel_label(channels[i])[0] != '\0');
	assert_string_not_equal(channel_label("phone"), channel_label("counter"));
}

static void test_action_table_sane(void **state)
{
	(void)state;
	unsigned n;
	const struct flow_action *all = REPAIR_FLOW.actions;
	n = REPAIR_FLOW.nactions;
	for (unsigned i = 0; i < n; i++) {
		assert_non_null(all[i].code);
		if (!all[i].label || !*all[i].label)
			fail_msg("action %s has no label", all[i].code);
		assert_ptr_equal(repair_action_find(all[i].code), &all[i]);
		if (all[i].to && repair_status_index(all[i].to) < 0)
			fail_msg("action %s leads to unknown status %s", all[i].code, all[i].to);
		/* Only events that are no button (submit, intake) start from no status, and they change none. */
		if (!all[i].from && (all[i].to || all[i].roles))
			fail_msg("action %s starts from no status but is a button", all[i].code);
		assert_true(all[i].from < (1u << COUNT(STATUS_CODES)));
		assert_true((all[i].roles & ~ROLES_STAFF) == 0);
		for (unsigned j = 0; j < i; j++)
			if (!strcmp(all[i].code, all[j].code))
				fail_msg("action %s listed twice", all[i].code);
	}
	/* Nothing leaves closed or cancelled except notes. */
	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(all[i].code, "note"))
			continue;
		assert_non_null(repair_action_refusal(&all[i], "closed", ROLE_ADMIN, 1));
		assert_non_null(repair_action_refusal(&all[i], "cancelled", ROLE_ADMIN, 1));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allowed_transitions),
		cmocka_unit_test(test_matrix_refuses_the_rest),
		cmocka_unit_test(test_sample_of_illegal),
		cmocka_unit_test(test_technician_only_own_jobs),
		cmocka_unit_test(test_admin_may_do_what_supervisor_may),
		cmocka_unit_test(test_note_everywhere),
		cmocka_unit_test(test_unknown_inputs),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_action_table_sane),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
