/* The route table: the only place a URL is mapped to code and to the roles that may use it. */
#include "pages.h"
#include "router.h"

const struct route ROUTES[] = {
	{M_GET, "/", page_home, 0},
	{M_GET, "/login", page_login_form, 0},
	{M_POST, "/login", page_login, 0},
	{M_POST, "/logout", page_logout, ROLES_STAFF},

	{M_GET, "/staff", page_staff_home, ROLES_STAFF},
	{M_GET, "/staff/password", page_own_password_form, ROLES_STAFF},
	{M_POST, "/staff/password", page_own_password, ROLES_STAFF},

	{M_GET, "/admin/users", page_users, ROLE_ADMIN},
	{M_GET, "/admin/users/new", page_user_new_form, ROLE_ADMIN},
	{M_POST, "/admin/users/new", page_user_create, ROLE_ADMIN},
	{M_GET, "/admin/users/#", page_user, ROLE_ADMIN},
	{M_POST, "/admin/users/#", page_user_update, ROLE_ADMIN},
	{M_POST, "/admin/users/#/password", page_user_password, ROLE_ADMIN},
	{M_POST, "/admin/users/#/active", page_user_active, ROLE_ADMIN},
	{M_GET, "/admin/audit", page_audit, ROLE_ADMIN},
};

const size_t ROUTES_N = sizeof(ROUTES) / sizeof(ROUTES[0]);
