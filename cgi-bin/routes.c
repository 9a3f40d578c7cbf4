/* The route table: the only place a URL is mapped to code and to the roles that may use it. */
#include "pages.h"
#include "router.h"

const struct route ROUTES[] = {
	{M_GET, "/", page_home, 0},
	{M_GET, "/login", page_login_form, 0},
	{M_POST, "/login", page_login, 0},
	{M_POST, "/logout", page_logout, ROLES_STAFF},

	{M_GET, "/repair/new", page_repair_form, 0},
	{M_POST, "/repair/new", page_repair_submit, 0},
	{M_GET, "/repair/done", page_repair_done, 0},
	{M_GET, "/return/new", page_return_form, 0},
	{M_POST, "/return/new", page_return_submit, 0},
	{M_GET, "/return/done", page_return_done, 0},
	{M_GET, "/track", page_track, 0},

	{M_GET, "/staff", page_staff_home, ROLES_STAFF},
	{M_GET, "/staff/repairs", page_repair_queue, ROLES_STAFF},
	{M_GET, "/staff/repairs/new", page_repair_intake_form, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_POST, "/staff/repairs/new", page_repair_intake, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_GET, "/staff/repairs/#", page_repair_detail, ROLES_STAFF},
	{M_POST, "/staff/repairs/#/action", page_repair_action, ROLES_STAFF},
	{M_GET, "/staff/repairs/#/print", page_repair_print, ROLES_STAFF},
	{M_POST, "/staff/repairs/#/contact", page_repair_contact_take, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_GET, "/staff/my", page_my_jobs, ROLES_STAFF},
	{M_GET, "/staff/returns", page_return_queue, ROLES_STAFF},
	{M_GET, "/staff/returns/new", page_return_intake_form, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_POST, "/staff/returns/new", page_return_intake, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_GET, "/staff/returns/#", page_return_detail, ROLES_STAFF},
	{M_POST, "/staff/returns/#/action", page_return_action, ROLES_STAFF},
	{M_GET, "/staff/complaints", page_complaint_queue, ROLES_STAFF},
	{M_GET, "/staff/complaints/new", page_complaint_new_form, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_POST, "/staff/complaints/new", page_complaint_new, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_GET, "/staff/complaints/#", page_complaint_detail, ROLES_STAFF},
	{M_POST, "/staff/complaints/#/action", page_complaint_action, ROLES_STAFF},

	{M_GET, "/staff/customers", page_customers, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_GET, "/staff/customers/#", page_customer, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_POST, "/staff/customers/#", page_customer_update, ROLE_AGENT | ROLES_SUPERVISOR},
	{M_POST, "/staff/customers/#/merge", page_customer_merge, ROLES_SUPERVISOR},
	{M_POST, "/staff/customers/#/anonymise", page_customer_anonymise, ROLES_SUPERVISOR},
	{M_POST, "/staff/customers/#/delete", page_customer_delete, ROLES_SUPERVISOR},

	{M_GET, "/staff/products", page_products, ROLES_STAFF},
	{M_POST, "/staff/products", page_product_create, ROLES_SUPERVISOR},
	{M_POST, "/staff/products/#", page_product_update, ROLES_SUPERVISOR},
	{M_GET, "/staff/holidays", page_holidays, ROLES_STAFF},
	{M_POST, "/staff/holidays", page_holiday_add, ROLES_SUPERVISOR},
	{M_POST, "/staff/holidays/delete", page_holiday_delete, ROLES_SUPERVISOR},
	{M_GET, "/staff/password", page_own_password_form, ROLES_STAFF},
	{M_POST, "/staff/password", page_own_password, ROLES_STAFF},
	{M_GET, "/staff/sessions", page_sessions, ROLES_STAFF},
	{M_POST, "/staff/sessions/end", page_session_end, ROLES_STAFF},
	{M_POST, "/staff/sessions/end-others", page_sessions_end_others, ROLES_STAFF},

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
