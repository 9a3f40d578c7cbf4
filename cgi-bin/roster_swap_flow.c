/* Shift swaps: requested -> accepted | declined; accepted -> approved | rejected; requested or
 * accepted -> cancelled. The server consults only this table and swap_party_refusal. */
#include "roster_swap_flow.h"
#include "request.h"

#include <string.h>

static const struct flow_status SWAP_STATUSES[] = {
	{"requested", "待同事确认", 1},
	{"accepted", "待主管审批", 1},
	{"declined", "同事已拒绝", 0},
	{"approved", "已批准", 0},
	{"rejected", "主管已驳回", 0},
	{"cancelled", "已撤回", 0},
};

enum { S_REQUESTED = 1u << 0, S_ACCEPTED = 1u << 1 };

static const struct flow_action SWAP_ACTIONS[] = {
	{"request", "申请调班", 0, NULL, 0, 0},
	{"accept", "同意调班", S_REQUESTED, "accepted", ROLES_STAFF, 0},
	{"decline", "拒绝调班", S_REQUESTED, "declined", ROLES_STAFF, 0},
	{"approve", "批准", S_ACCEPTED, "approved", ROLES_SUPERVISOR, 0},
	{"reject", "驳回", S_ACCEPTED, "rejected", ROLES_SUPERVISOR, 0},
	{"cancel", "撤回申请", S_REQUESTED | S_ACCEPTED, "cancelled", ROLES_STAFF, 0},
};

const struct flow SWAP_FLOW = {
	"swap", SWAP_STATUSES, sizeof(SWAP_STATUSES) / sizeof(SWAP_STATUSES[0]), SWAP_ACTIONS,
	sizeof(SWAP_ACTIONS) / sizeof(SWAP_ACTIONS[0]),
};

const char *swap_party_refusal(const char *code, long long user_id, long long requester_id, long long colleague_id)
{
	if (!strcmp(code, "accept") || !strcmp(code, "decline"))
		return user_id == colleague_id ? NULL : "只有被邀请的同事可以同意或拒绝";
	if (!strcmp(code, "cancel"))
		return user_id == requester_id ? NULL : "只有申请人可以撤回";
	if (!strcmp(code, "approve") || !strcmp(code, "reject"))
		return user_id != requester_id && user_id != colleague_id ? NULL : "不能审批自己参与的调班";
	return NULL;
}
