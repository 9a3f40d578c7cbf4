/* Labels of the audit trail: the records' own action labels come from their flow tables (one place
 * for a button, a timeline entry and an audit line); the rest are the table below. */
#include "audit_labels.h"
#include "callback_flow.h"
#include "events.h"
#include "repair_flow.h"
#include "return_flow.h"
#include "roster_swap_flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct audit_subject AUDIT_SUBJECTS[] = {
	{"repair", "维修工单", "repair", &REPAIR_FLOW, "/staff/repairs/%lld",
	 "contact_adopt customer_merge anonymise complaint callback rating"},
	{"return", "退换货", "return", &RETURN_FLOW, "/staff/returns/%lld", "customer_merge anonymise complaint callback rating"},
	{"complaint", "投诉", "complaint", &COMPLAINT_FLOW, "/staff/complaints/%lld", ""},
	{"callback", "回访", "callback", &CALLBACK_FLOW, "/staff/callbacks/%lld", ""},
	{"swap", "调班", "swap", &SWAP_FLOW, "/staff/swaps/%lld", ""},
	{"handover", "交接班", "handover", NULL, "/staff/handover/%lld", "write ack"},
	/* Customers have no events; their entries name them "客户 #id". */
	{"customer", "客户", "客户", NULL, "/staff/customers/%lld", ""},
};
const size_t AUDIT_SUBJECTS_N = sizeof(AUDIT_SUBJECTS) / sizeof(AUDIT_SUBJECTS[0]);

const char *const AUDIT_ACTIONS[][2] = {
	{"login", "登录"}, {"login_failed", "登录失败"}, {"logout", "退出登录"},
	{"password_change", "修改本人密码"}, {"password_reset", "重置员工密码"},
	{"session_end", "结束登录会话"}, {"sessions_end_others", "结束其他登录会话"},
	{"user_create", "新建员工账号"}, {"user_update", "修改员工账号"},
	{"user_deactivate", "停用员工账号"}, {"user_reactivate", "启用员工账号"},
	{"customer_update", "修改客户资料"}, {"customer_merge", "合并客户"},
	{"customer_anonymise", "匿名化客户"}, {"customer_delete", "删除客户"},
	{"contact_view", "查看客户联系方式"}, {"phone_view", "查看完整电话"},
	{"callback_bulk", "批量安排回访"}, {"report_signoff", "对账签字"},
	{"holiday_add", "添加节假日"}, {"holiday_delete", "删除节假日"},
	{"workday_add", "登记调休上班"}, {"workday_delete", "删除调休上班"},
	{"customer_phone_add", "添加客户电话"}, {"customer_phone_remove", "删除客户电话"},
	{"customer_phone_primary", "设为主号码"},
	{"roster_assign", "排班"}, {"roster_remove", "取消排班"}, {"roster_fill", "按模板排班"},
	{"shift_type_create", "新建班次"}, {"shift_type_update", "修改班次"},
	{"duty_note", "值班记录"}, {"ical_token_reset", "重置日历订阅地址"},
	{"product_create", "新建产品"}, {"product_update", "修改产品"},
	{"fault_category_create", "新建故障分类"}, {"fault_category_update", "修改故障分类"},
};
const size_t AUDIT_ACTIONS_N = sizeof(AUDIT_ACTIONS) / sizeof(AUDIT_ACTIONS[0]);

/* The subject whose prefix (code for actions, target for targets) starts s, followed by sep. */
static const struct audit_subject *subject_by_prefix(const char *s, int of_target, char sep)
{
	for (size_t i = 0; s && i < AUDIT_SUBJECTS_N; i++) {
		const char *p = of_target ? AUDIT_SUBJECTS[i].target : AUDIT_SUBJECTS[i].code;
		size_t n = strlen(p);
		if (!strncmp(s, p, n) && s[n] == sep)
			return &AUDIT_SUBJECTS[i];
	}
	return NULL;
}

const struct audit_subject *audit_subject_of(const char *code_or_target)
{
	const struct audit_subject *s = subject_by_prefix(code_or_target, 0, '_');
	return s ? s : subject_by_prefix(code_or_target, 1, ' ');
}

const char *audit_action_label(struct arena *a, const char *code)
{
	const char *label = choice_label(AUDIT_ACTIONS, AUDIT_ACTIONS_N, code);
	if (label)
		return label;
	const struct audit_subject *s = subject_by_prefix(code, 0, '_');
	if (!s)
		return NULL;
	label = event_action_label(s->flow, code + strlen(s->code) + 1);
	return label ? arena_printf(a, "%s·%s", s->label, label) : NULL;
}

const char *audit_target_text(struct arena *a, const char *target, const char **href)
{
	*href = NULL;
	const struct audit_subject *s = subject_by_prefix(target, 1, ' ');
	long long id;
	char end;
	if (!s || sscanf(target + strlen(s->target), " #%lld%c", &id, &end) != 1)
		return target;
	*href = arena_printf(a, s->page, id);
	return arena_printf(a, "%s #%lld", s->label, id);
}

const char *audit_target_normalise(struct arena *a, const char *typed)
{
	for (size_t i = 0; i < AUDIT_SUBJECTS_N; i++) {
		const char *names[] = {AUDIT_SUBJECTS[i].code, AUDIT_SUBJECTS[i].label};
		for (size_t k = 0; k < 2; k++) {
			size_t n = strlen(names[k]);
			long long id;
			char end;
			const char *rest = typed + n;
			if (strncasecmp(typed, names[k], n))
				continue;
			while (*rest == ' ' || *rest == '#')
				rest++;
			if (*rest >= '0' && *rest <= '9' && sscanf(rest, "%lld%c", &id, &end) == 1)
				return arena_printf(a, "%s #%lld", AUDIT_SUBJECTS[i].target, id);
		}
	}
	return typed;
}

/* "<from> → <to>[；note]" of a flow's record with its statuses' labels. */
static const char *transition_text(struct arena *a, const struct flow *f, const char *detail)
{
	static const char ARROW[] = " → ", SEMI[] = "；";
	const char *arrow = strstr(detail, ARROW);
	if (!arrow)
		return NULL;
	const char *to = arrow + strlen(ARROW), *semi = strstr(to, SEMI);
	const char *from = arena_strndup(a, detail, (size_t)(arrow - detail));
	const char *to_code = semi ? arena_strndup(a, to, (size_t)(semi - to)) : to;
	if (flow_status_index(f, to_code) < 0 || (*from && flow_status_index(f, from) < 0))
		return NULL;
	return arena_printf(a, "%s%s%s%s", *from ? flow_status_label(f, from) : "", ARROW, flow_status_label(f, to_code),
			    semi ? semi : "");
}

/* "changed: email,notes" of a customer's update. */
static const char *changed_text(struct arena *a, const char *fields)
{
	static const char *const NAMES[][2] = {
		{"name", "姓名"}, {"phone", "电话"}, {"email", "邮箱"}, {"address", "地址"}, {"notes", "备注"},
	};
	const char *out = "修改了：";
	const char *p = fields;
	for (int first = 1; *p; first = 0) {
		size_t n = strcspn(p, ",");
		const char *name = arena_strndup(a, p, n);
		const char *label = choice_label(NAMES, sizeof(NAMES) / sizeof(NAMES[0]), name);
		out = arena_printf(a, "%s%s%s", out, first ? "" : "、", label ? label : name);
		p += n + (p[n] == ',');
	}
	return out;
}

/* "merged #156 into #155, moved 1 repairs, 0 returns" of a customer merge. */
static const char *merge_text(struct arena *a, const char *detail)
{
	long long from, into;
	int at = 0;
	if (sscanf(detail, "merged #%lld into #%lld, moved %n", &from, &into, &at) != 2 || !at)
		return NULL;
	const char *out = arena_printf(a, "客户 #%lld 合并到 #%lld，转来", from, into);
	for (const char *p = detail + at; *p;) {
		long long n;
		char kind[32];
		int used = 0;
		if (sscanf(p, "%lld %31[a-z]%n", &n, kind, &used) != 2)
			return NULL;
		size_t k = strlen(kind);
		if (k > 1 && kind[k - 1] == 's')
			kind[k - 1] = 0;
		const struct audit_subject *s = subject_by_prefix(kind, 1, 0);
		out = arena_printf(a, "%s %lld 个%s", out, n, s ? s->label : kind);
		p += used;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return out;
}

const char *audit_detail_text(struct arena *a, const char *code, const char *detail)
{
	static const char *const LOGIN_FAILED[][2] = {
		{"unknown user", "用户名不存在"}, {"wrong password", "密码错误"}, {"inactive", "账号已停用"},
	};
	if (!detail || !code)
		return detail;
	const struct audit_subject *s = subject_by_prefix(code, 0, '_');
	const char *text = NULL;
	if (s && s->flow)
		text = transition_text(a, s->flow, detail);
	else if (!strcmp(code, "customer_update") && !strncmp(detail, "changed: ", 9))
		text = changed_text(a, detail + 9);
	else if (!strcmp(code, "customer_update") && !strcmp(detail, "no change"))
		text = "未改动";
	else if (!strcmp(code, "customer_merge"))
		text = merge_text(a, detail);
	else if (!strcmp(code, "login_failed"))
		text = choice_label(LOGIN_FAILED, sizeof(LOGIN_FAILED) / sizeof(LOGIN_FAILED[0]), detail);
	return text ? text : detail;
}
