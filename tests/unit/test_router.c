/* Unit tests of route matching (cgi-bin/router.h) against a local table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "request.h"
#include "router.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Dummy handlers: only their identity matters. */
static int h_home(struct request *r) { (void)r; return 0; }
static int h_login_form(struct request *r) { (void)r; return 0; }
static int h_login(struct request *r) { (void)r; return 0; }
static int h_logout(struct request *r) { (void)r; return 0; }
static int h_password(struct request *r) { (void)r; return 0; }
static int h_users(struct request *r) { (void)r; return 0; }
static int h_user_new(struct request *r) { (void)r; return 0; }
static int h_user(struct request *r) { (void)r; return 0; }
static int h_user_edit(struct request *r) { (void)r; return 0; }
static int h_note(struct request *r) { (void)r; return 0; }

static const struct route TABLE[] = {
	{M_GET, "/", h_home, 0},
	{M_GET, "/login", h_login_form, 0},
	{M_POST, "/login", h_login, 0},
	{M_POST, "/logout", h_logout, ROLES_STAFF},
	{M_GET | M_POST, "/staff/password", h_password, ROLES_STAFF},
	{M_GET, "/admin/users", h_users, ROLE_ADMIN},
	{M_GET | M_POST, "/admin/users/new", h_user_new, ROLE_ADMIN},
	{M_GET, "/admin/users/#", h_user, ROLE_ADMIN},
	{M_POST, "/admin/users/#/edit", h_user_edit, ROLE_ADMIN},
	{M_POST, "/tickets/#/notes", h_note, ROLES_STAFF},
};

static const struct route_case {
	int method;
	const char *path;
	page_fn want;         /* NULL: no route */
	long long want_id;    /* when want != NULL */
	int want_allowed;     /* when want == NULL: 0 for 404, else the methods for 405 */
} CASES[] = {
	/* exact matches */
	{M_GET, "/", h_home, 0, 0},
	{M_GET, "/login", h_login_form, 0, 0},
	{M_POST, "/login", h_login, 0, 0},
	{M_POST, "/logout", h_logout, 0, 0},
	{M_GET, "/staff/password", h_password, 0, 0},
	{M_POST, "/staff/password", h_password, 0, 0},
	{M_GET, "/admin/users", h_users, 0, 0},
	{M_GET, "/admin/users/new", h_user_new, 0, 0},
	{M_POST, "/admin/users/new", h_user_new, 0, 0},

	/* '#' segments */
	{M_GET, "/admin/users/1", h_user, 1, 0},
	{M_GET, "/admin/users/42", h_user, 42, 0},
	{M_GET, "/admin/users/1000000", h_user, 1000000, 0},
	{M_GET, "/admin/users/999999999999999999", h_user, 999999999999999999LL, 0}, /* 18 digits */
	{M_GET, "/admin/users/123456789012345678", h_user, 123456789012345678LL, 0},
	{M_POST, "/admin/users/7/edit", h_user_edit, 7, 0},
	{M_POST, "/tickets/31/notes", h_note, 31, 0},
	{M_GET, "/admin/users/0", NULL, 0, 0},
	{M_GET, "/admin/users/00", NULL, 0, 0},
	{M_GET, "/admin/users/007", NULL, 0, 0},
	{M_GET, "/admin/users/01", NULL, 0, 0},
	{M_GET, "/admin/users/12a", NULL, 0, 0},
	{M_GET, "/admin/users/a12", NULL, 0, 0},
	{M_GET, "/admin/users/abc", NULL, 0, 0},
	{M_GET, "/admin/users/-1", NULL, 0, 0},
	{M_GET, "/admin/users/+1", NULL, 0, 0},
	{M_GET, "/admin/users/1.5", NULL, 0, 0},
	{M_GET, "/admin/users/%31", NULL, 0, 0},
	{M_GET, "/admin/users/1000000000000000000", NULL, 0, 0}, /* 19 digits */
	{M_GET, "/admin/users/9999999999999999999", NULL, 0, 0}, /* 19 digits, > LLONG_MAX */
	{M_GET, "/admin/users/99999999999999999999999", NULL, 0, 0},
	{M_GET, "/admin/users/", NULL, 0, 0}, /* empty segment */
	{M_POST, "/admin/users//edit", NULL, 0, 0},
	{M_POST, "/admin/users/0/edit", NULL, 0, 0},
	{M_POST, "/admin/users/x/edit", NULL, 0, 0},
	{M_GET, "/admin/users/#", NULL, 0, 0},

	/* HEAD is admitted wherever GET is */
	{M_HEAD, "/", h_home, 0, 0},
	{M_HEAD, "/login", h_login_form, 0, 0},
	{M_HEAD, "/staff/password", h_password, 0, 0},
	{M_HEAD, "/admin/users/5", h_user, 5, 0},

	/* 405: path known, method not */
	{M_GET, "/logout", NULL, 0, M_POST},
	{M_HEAD, "/logout", NULL, 0, M_POST},
	{M_POST, "/", NULL, 0, M_GET | M_HEAD},
	{M_POST, "/admin/users", NULL, 0, M_GET | M_HEAD},
	{M_POST, "/admin/users/9", NULL, 0, M_GET | M_HEAD},
	{M_GET, "/admin/users/9/edit", NULL, 0, M_POST},
	{M_OTHER, "/login", NULL, 0, M_GET | M_HEAD | M_POST},
	{M_OTHER, "/staff/password", NULL, 0, M_GET | M_HEAD | M_POST},
	{M_OTHER, "/admin/users/3", NULL, 0, M_GET | M_HEAD},

	/* 404: trailing slash, prefixes, extensions, case, odd shapes */
	{M_GET, "", NULL, 0, 0},
	{M_GET, "//", NULL, 0, 0},
	{M_GET, "/login/", NULL, 0, 0},
	{M_POST, "/logout/", NULL, 0, 0},
	{M_GET, "/admin/users/5/", NULL, 0, 0},
	{M_GET, "/admin/", NULL, 0, 0},
	{M_GET, "/admin", NULL, 0, 0},
	{M_GET, "/log", NULL, 0, 0},
	{M_GET, "/logi", NULL, 0, 0},
	{M_GET, "/loginx", NULL, 0, 0},
	{M_GET, "/login/extra", NULL, 0, 0},
	{M_GET, "/admin/users/5/extra", NULL, 0, 0},
	{M_POST, "/admin/users/5/edit/", NULL, 0, 0},
	{M_POST, "/admin/users/5/editx", NULL, 0, 0},
	{M_GET, "/LOGIN", NULL, 0, 0},
	{M_GET, "//login", NULL, 0, 0},
	{M_GET, "login", NULL, 0, 0},
	{M_GET, "/login?x=1", NULL, 0, 0},
	{M_GET, "/nowhere", NULL, 0, 0},
	{M_POST, "/nowhere", NULL, 0, 0},
	{M_OTHER, "/nowhere", NULL, 0, 0},
	{M_POST, "/tickets/5", NULL, 0, 0},
	{M_POST, "/tickets//notes", NULL, 0, 0},
};

static void test_route_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(CASES); i++) {
		const struct route_case *c = &CASES[i];
		long long id = -12345;
		int allowed = -1;
		const struct route *rt = route_find(TABLE, COUNT(TABLE), c->method, c->path, &id, &allowed);
		if (c->want) {
			if (!rt)
				fail_msg("case %zu: %d %s: no route (allowed %d), want one", i, c->method,
					 c->path, allowed);
			if (rt->handler != c->want)
				fail_msg("case %zu: %d %s: matched pattern %s", i, c->method, c->path,
					 rt->pattern);
			if (id != c->want_id)
				fail_msg("case %zu: %d %s: id %lld, want %lld", i, c->method, c->path, id,
					 c->want_id);
			if (!(rt->methods & c->method) && !(c->method == M_HEAD && (rt->methods & M_GET)))
				fail_msg("case %zu: route does not take method %d", i, c->method);
		} else {
			if (rt)
				fail_msg("case %zu: %d %s: matched %s, want none", i, c->method, c->path,
					 rt->pattern);
			if (allowed != c->want_allowed)
				fail_msg("case %zu: %d %s: allowed %d, want %d", i, c->method, c->path, allowed,
					 c->want_allowed);
		}
	}
}

/* The returned pointer is the table entry itself (callers read its roles). */
static void test_route_returns_table_entry(void **state)
{
	(void)state;
	long long id = 0;
	int allowed = 0;
	const struct route *rt = route_find(TABLE, COUNT(TABLE), M_POST, "/admin/users/3/edit", &id, &allowed);
	assert_ptr_equal(rt, &TABLE[8]);
	assert_int_equal(rt->roles, ROLE_ADMIN);
	assert_int_equal(id, 3);
}

/* The first matching route wins, and a later route for the same path with the right method is
 * still found after an earlier one with the wrong method. */
static void test_route_order(void **state)
{
	(void)state;
	static const struct route dup[] = {
		{M_POST, "/x/#", h_note, 0},
		{M_GET, "/x/#", h_user, 0},
		{M_GET, "/x/#", h_home, 0},
	};
	long long id = 0;
	int allowed = 0;
	const struct route *rt = route_find(dup, COUNT(dup), M_GET, "/x/12", &id, &allowed);
	assert_non_null(rt);
	assert_ptr_equal(rt->handler, h_user);
	assert_int_equal(id, 12);
	rt = route_find(dup, COUNT(dup), M_POST, "/x/13", &id, &allowed);
	assert_ptr_equal(rt->handler, h_note);
	assert_int_equal(id, 13);
}

/* An empty table knows no path. */
static void test_route_empty_table(void **state)
{
	(void)state;
	long long id = 0;
	int allowed = 99;
	assert_null(route_find(TABLE, 0, M_GET, "/", &id, &allowed));
	assert_int_equal(allowed, 0);
}

/* A pattern with two '#' segments: both must be numbers; the last one is stored. */
static void test_route_two_numbers(void **state)
{
	(void)state;
	static const struct route t[] = {{M_GET, "/a/#/b/#", h_home, 0}};
	static const struct {
		const char *path;
		int match;
		long long id;
	} cases[] = {
		{"/a/1/b/2", 1, 2},
		{"/a/10/b/20", 1, 20},
		{"/a/1/b/0", 0, 0},
		{"/a/0/b/2", 0, 0},
		{"/a/x/b/2", 0, 0},
		{"/a/1/b/", 0, 0},
		{"/a/1/b", 0, 0},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		long long id = -1;
		int allowed = -1;
		const struct route *rt = route_find(t, 1, M_GET, cases[i].path, &id, &allowed);
		if (!!rt != cases[i].match)
			fail_msg("%s: match %d, want %d", cases[i].path, !!rt, cases[i].match);
		if (rt && id != cases[i].id)
			fail_msg("%s: id %lld, want %lld", cases[i].path, id, cases[i].id);
		if (!rt && allowed != 0)
			fail_msg("%s: allowed %d, want 0", cases[i].path, allowed);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_route_table),
		cmocka_unit_test(test_route_returns_table_entry),
		cmocka_unit_test(test_route_order),
		cmocka_unit_test(test_route_empty_table),
		cmocka_unit_test(test_route_two_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
