/* Reading a state machine table. */
#include "flow.h"
#include "request.h"

#include <string.h>

int flow_status_index(const struct flow *f, const char *code)
{
	for (unsigned i = 0; code && i < f->nstatuses; i++)
		if (!strcmp(code, f->statuses[i].code))
			return (int)i;
	return -1;
}

const char *flow_status_label(const struct flow *f, const char *code)
{
	int i = flow_status_index(f, code);
	return i < 0 ? "未知" : f->statuses[i].label;
}

int flow_status_open(const struct flow *f, const char *code)
{
	int i = flow_status_index(f, code);
	return i >= 0 && f->statuses[i].open;
}

const struct flow_action *flow_action_find(const struct flow *f, const char *code)
{
	for (unsigned i = 0; code && i < f->nactions; i++)
		if (!strcmp(code, f->actions[i].code))
			return &f->actions[i];
	return NULL;
}

const char *flow_refusal(const struct flow *f, const struct flow_action *a, const char *status, int role,
			 int is_assignee)
{
	int i = flow_status_index(f, status);
	if (!a || i < 0)
		return "未知的操作";
	if (!(a->from & (1u << i)))
		return "当前状态不允许此操作";
	if (!(a->roles & role))
		return "您的角色无权进行此操作";
	if (a->assignee_only && role == ROLE_TECHNICIAN && !is_assignee)
		return "只能处理派给自己的工单";
	return NULL;
}

const char *choice_label(const char *const (*table)[2], size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(code, table[i][0]))
			return table[i][1];
	return NULL;
}
