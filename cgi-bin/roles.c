/* Staff role codes and labels. */
#include "roles.h"
#include "request.h"

#include <string.h>

static const struct {
	int role;
	const char *code, *label;
} ROLES[] = {
	{ROLE_ADMIN, "admin", "系统管理员"},
	{ROLE_SUPERVISOR, "supervisor", "客服主管"},
	{ROLE_AGENT, "agent", "客服专员"},
	{ROLE_TECHNICIAN, "technician", "维修人员"},
};

int role_from_code(const char *code)
{
	for (size_t i = 0; code && i < sizeof(ROLES) / sizeof(ROLES[0]); i++)
		if (strcmp(code, ROLES[i].code) == 0)
			return ROLES[i].role;
	return 0;
}

const char *role_code(int role)
{
	for (size_t i = 0; i < sizeof(ROLES) / sizeof(ROLES[0]); i++)
		if (ROLES[i].role == role)
			return ROLES[i].code;
	return "";
}

const char *role_label(int role)
{
	for (size_t i = 0; i < sizeof(ROLES) / sizeof(ROLES[0]); i++)
		if (ROLES[i].role == role)
			return ROLES[i].label;
	return "";
}

const char *role_landing(int role)
{
	return role == ROLE_TECHNICIAN ? "/staff/my" : "/staff";
}
