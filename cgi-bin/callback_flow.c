/* Callbacks: due -> taken -> done | unreachable, or back to due after no answer; a taken callback
 * can be released. Complaints: open -> investigating -> resolved -> closed, reopened from resolved.
 * The server consults only these tables. */
#include "callback_flow.h"
#include "request.h"

#include <string.h>

static const struct flow_status CALLBACK_STATUSES[] = {
	{"due", "待回访", 1},
	{"taken", "回访中", 1},
	{"done", "已回访", 0},
	{"unreachable", "无法联系", 0},
	{"cancelled", "已取消", 0},
};

enum { C_DUE = 1u << 0, C_TAKEN = 1u << 1, C_DONE = 1u << 2, C_UNREACHABLE = 1u << 3, C_CANCELLED = 1u << 4 };
#define FRONT_DESK (ROLE_AGENT | ROLES_SUPERVISOR)

/* "take" from taken only succeeds once the taker left it untouched for [callbacks] release_minutes;
 * "call" chooses its status by the outcome (done, due again, unreachable). */
static const struct flow_action CALLBACK_ACTIONS[] = {
	{"schedule", "安排回访", 0, NULL, 0, 0},
	{"online", "客户在线评价", 0, NULL, 0, 0},
	{"take", "我来回访", C_DUE | C_TAKEN, "taken", FRONT_DESK, 0},
	{"release", "放弃回访", C_TAKEN, "due", FRONT_DESK, 0},
	{"call", "记录回访结果", C_TAKEN, NULL, FRONT_DESK, 0},
	{"cancel", "取消回访", C_DUE | C_TAKEN, "cancelled", ROLES_SUPERVISOR, 0},
	{"note", "添加内部备注", C_DUE | C_TAKEN | C_DONE | C_UNREACHABLE | C_CANCELLED, NULL, ROLES_STAFF, 0},
};

const struct flow CALLBACK_FLOW = {
	"callback", CALLBACK_STATUSES, sizeof(CALLBACK_STATUSES) / sizeof(CALLBACK_STATUSES[0]), CALLBACK_ACTIONS,
	sizeof(CALLBACK_ACTIONS) / sizeof(CALLBACK_ACTIONS[0]),
};

static const struct flow_status COMPLAINT_STATUSES[] = {
	{"open", "待处理", 1},
	{"investigating", "处理中", 1},
	{"resolved", "已解决，待回访确认", 0},
	{"closed", "已结案", 0},
	{"reopened", "重新处理", 1},
};

enum { K_OPEN = 1u << 0, K_INVESTIGATING = 1u << 1, K_RESOLVED = 1u << 2, K_CLOSED = 1u << 3, K_REOPENED = 1u << 4 };

/* Closing needs the follow-up callback's confirmation; the callback closes or reopens it. */
static const struct flow_action COMPLAINT_ACTIONS[] = {
	{"open", "登记投诉", 0, NULL, 0, 0},
	{"confirm", "回访确认", 0, NULL, 0, 0},
	{"respond", "受理并开始调查", K_OPEN | K_REOPENED, "investigating", ROLES_SUPERVISOR, 0},
	{"resolve", "处理完毕", K_INVESTIGATING, "resolved", ROLES_SUPERVISOR, 0},
	{"close", "结案", K_RESOLVED, "closed", ROLES_SUPERVISOR, 0},
	{"reopen", "重新处理", K_RESOLVED, "reopened", ROLES_SUPERVISOR, 0},
	{"note", "添加内部备注", K_OPEN | K_INVESTIGATING | K_RESOLVED | K_CLOSED | K_REOPENED, NULL, ROLES_STAFF, 0},
};

const struct flow COMPLAINT_FLOW = {
	"complaint", COMPLAINT_STATUSES, sizeof(COMPLAINT_STATUSES) / sizeof(COMPLAINT_STATUSES[0]),
	COMPLAINT_ACTIONS, sizeof(COMPLAINT_ACTIONS) / sizeof(COMPLAINT_ACTIONS[0]),
};

const char *const CALLBACK_OUTCOMES[][2] = {
	{"reached", "已接通"}, {"no_answer", "无人接听"}, {"busy", "占线"}, {"wrong_number", "号码错误"},
	{"refused", "拒绝回访"}, {"answered_online", "客户已在线评价"},
};

const char *const SATISFACTION_DIMENSIONS[][2] = {
	{"attitude", "服务态度"}, {"timeliness", "响应速度"}, {"quality", "维修质量"}, {"overall", "总体满意度"},
};


const char *callback_outcome_label(const char *code)
{
	return choice_label(CALLBACK_OUTCOMES, CALLBACK_OUTCOMES_N, code);
}

const char *const COMPLAINT_SOURCES[][2] = {
	{"low_score", "回访评分低"}, {"not_solved", "问题未解决"}, {"phone", "电话投诉"}, {"online", "客户在线投诉"},
};

const char *complaint_source_label(const char *code)
{
	return choice_label(COMPLAINT_SOURCES, COMPLAINT_SOURCES_N, code);
}
