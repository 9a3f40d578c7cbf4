/* The return state machine of DESIGN.md: requested -> approved | rejected; approved -> received ->
 * inspected -> refunded | exchanged -> closed; an inspected return may become a linked repair
 * (converted); a request not yet received may be cancelled. The server consults only this table. */
#include "return_flow.h"
#include "request.h"

#include <string.h>

static const struct flow_status STATUSES[] = {
	{"requested", "待审核", 1},
	{"approved", "已同意，待寄回", 1},
	{"rejected", "未通过", 0},
	{"received", "已收货，待检测", 1},
	{"inspected", "已检测，待处理", 1},
	{"refunded", "已退款", 0},
	{"exchanged", "已换货", 0},
	{"closed", "已完成", 0},
	{"converted", "已转维修", 0},
	{"cancelled", "已取消", 0},
};

enum { S_REQUESTED = 1u << 0, S_APPROVED = 1u << 1, S_REJECTED = 1u << 2, S_RECEIVED = 1u << 3,
       S_INSPECTED = 1u << 4, S_REFUNDED = 1u << 5, S_EXCHANGED = 1u << 6, S_CLOSED = 1u << 7,
       S_CONVERTED = 1u << 8, S_CANCELLED = 1u << 9 };
#define S_ANY ((1u << 10) - 1)
#define FRONT_DESK (ROLE_AGENT | ROLES_SUPERVISOR)
#define WORKSHOP (ROLE_TECHNICIAN | ROLES_SUPERVISOR)

static const struct flow_action ACTIONS[] = {
	{"submit", "提交退换货申请", 0, NULL, 0, 0},
	{"intake", "登记退换货", 0, NULL, 0, 0},
	{"approve", "同意", S_REQUESTED, "approved", ROLES_SUPERVISOR, 0},
	{"reject", "拒绝", S_REQUESTED, "rejected", ROLES_SUPERVISOR, 0},
	{"receive", "确认收货", S_APPROVED, "received", ROLES_STAFF, 0},
	{"inspect", "登记检测结果", S_RECEIVED, "inspected", WORKSHOP, 0},
	{"refund", "退款", S_INSPECTED, "refunded", ROLES_SUPERVISOR, 0},
	{"exchange", "换货发出", S_INSPECTED, "exchanged", FRONT_DESK, 0},
	{"to_repair", "转为维修", S_INSPECTED, "converted", FRONT_DESK, 0},
	{"close", "结单", S_REFUNDED | S_EXCHANGED, "closed", FRONT_DESK, 0},
	{"cancel", "取消申请", S_REQUESTED | S_APPROVED, "cancelled", FRONT_DESK, 0},
	{"note", "添加内部备注", S_ANY, NULL, ROLES_STAFF, 0},
};

const struct flow RETURN_FLOW = {
	"return", STATUSES, sizeof(STATUSES) / sizeof(STATUSES[0]), ACTIONS, sizeof(ACTIONS) / sizeof(ACTIONS[0]),
};

const char *const RETURN_KINDS[RETURN_KINDS_N][2] = {{"return", "退货"}, {"exchange", "换货"}, {"refund", "退款"}};
const char *const INSPECTION_RESULTS[INSPECTION_RESULTS_N][2] = {
	{"fault_confirmed", "性能故障已确认"}, {"no_fault", "未发现故障"}, {"user_damage", "人为损坏"},
};
const char *const REFUND_METHODS[REFUND_METHODS_N][2] = {
	{"original", "原路退回"}, {"bank", "银行转账"}, {"cash", "现金"}, {"wechat", "微信"}, {"alipay", "支付宝"},
};


#define LABEL(table, code) choice_label(table, sizeof(table) / sizeof(table[0]), code)

const char *return_kind_label(const char *kind)
{
	return LABEL(RETURN_KINDS, kind);
}

const char *inspection_label(const char *code)
{
	return LABEL(INSPECTION_RESULTS, code);
}

const char *refund_method_label(const char *code)
{
	return LABEL(REFUND_METHODS, code);
}

int return_clock_runs(const char *status)
{
	return status && (!strcmp(status, "requested") || !strcmp(status, "inspected"));
}
