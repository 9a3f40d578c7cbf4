/* The repair state machine of DESIGN.md: new -> accepted -> assigned -> in_progress <-> waiting_parts
 * -> resolved -> closed, cancelled from any open state. The server consults only this table. */
#include "repair_flow.h"
#include "request.h"

#include <string.h>

static const struct flow_status STATUSES[] = {
	{"new", "待受理", 1},
	{"accepted", "已受理", 1},
	{"assigned", "已派工", 1},
	{"in_progress", "维修中", 1},
	{"waiting_parts", "等待配件", 1},
	{"resolved", "已修复", 0},
	{"closed", "已完成", 0},
	{"cancelled", "已取消", 0},
};

enum { S_NEW = 1u << 0, S_ACCEPTED = 1u << 1, S_ASSIGNED = 1u << 2, S_IN_PROGRESS = 1u << 3,
       S_WAITING = 1u << 4, S_RESOLVED = 1u << 5, S_CLOSED = 1u << 6, S_CANCELLED = 1u << 7 };
#define S_OPEN (S_NEW | S_ACCEPTED | S_ASSIGNED | S_IN_PROGRESS | S_WAITING)
#define S_ANY (S_OPEN | S_RESOLVED | S_CLOSED | S_CANCELLED)
#define FRONT_DESK (ROLE_AGENT | ROLES_SUPERVISOR)
#define WORKSHOP (ROLE_TECHNICIAN | ROLES_SUPERVISOR)

static const struct flow_action ACTIONS[] = {
	{"submit", "提交报修", 0, NULL, 0, 0},
	{"intake", "登记报修", 0, NULL, 0, 0},
	{"accept", "受理", S_NEW, "accepted", FRONT_DESK, 0},
	{"assign", "派工", S_ACCEPTED | S_ASSIGNED, "assigned", ROLES_SUPERVISOR, 0},
	{"start", "开始维修", S_ASSIGNED, "in_progress", WORKSHOP, 1},
	{"wait_parts", "等待配件", S_IN_PROGRESS, "waiting_parts", WORKSHOP, 1},
	{"resume", "配件已到，继续维修", S_WAITING, "in_progress", WORKSHOP, 1},
	{"resolve", "维修完成", S_IN_PROGRESS, "resolved", WORKSHOP, 1},
	{"close", "结单", S_RESOLVED, "closed", FRONT_DESK, 0},
	{"cancel", "取消工单", S_OPEN, "cancelled", FRONT_DESK, 0},
	{"labour", "登记工时", S_ASSIGNED | S_IN_PROGRESS | S_WAITING | S_RESOLVED, NULL, WORKSHOP, 1},
	{"note", "添加内部备注", S_ANY, NULL, ROLES_STAFF, 1},
	{"product_fix", "更正产品信息", S_OPEN | S_RESOLVED, NULL, FRONT_DESK, 0},
};

const struct flow REPAIR_FLOW = {
	"repair", STATUSES, sizeof(STATUSES) / sizeof(STATUSES[0]), ACTIONS, sizeof(ACTIONS) / sizeof(ACTIONS[0]),
};

static const char *PRIORITIES[][2] = {
	{"low", "低"}, {"normal", "普通"}, {"high", "高"}, {"urgent", "紧急"},
};

int priority_index(const char *code)
{
	for (int i = 0; code && i < 4; i++)
		if (!strcmp(code, PRIORITIES[i][0]))
			return i;
	return -1;
}

const char *priority_label(const char *code)
{
	int i = priority_index(code);
	return i < 0 ? "" : PRIORITIES[i][1];
}

const char *channel_label(const char *code)
{
	if (code && !strcmp(code, "phone"))
		return "电话";
	if (code && !strcmp(code, "counter"))
		return "柜台";
	return "网上报修";
}
