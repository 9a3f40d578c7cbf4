/* The return state machine (a flow table) and the labels of a return's fields. Pure. */
#ifndef AFTERSALES_RETURN_FLOW_H
#define AFTERSALES_RETURN_FLOW_H
#include "flow.h"

extern const struct flow RETURN_FLOW;

/* The kinds of request {code, label}: return 退货, exchange 换货, refund 退款 (form choices, filters). */
#define RETURN_KINDS_N 3
extern const char *const RETURN_KINDS[RETURN_KINDS_N][2];

/* The inspection results and the refund methods {code, label}, for the forms of those actions. */
#define INSPECTION_RESULTS_N 3
extern const char *const INSPECTION_RESULTS[INSPECTION_RESULTS_N][2];
#define REFUND_METHODS_N 5
extern const char *const REFUND_METHODS[REFUND_METHODS_N][2];

/* "退货", "换货", "退款" for kind return, exchange, refund; NULL for anything else. */
const char *return_kind_label(const char *kind);
/* "性能故障已确认", "未发现故障", "人为损坏" for the inspection result codes; NULL otherwise. */
const char *inspection_label(const char *code);
/* "原路退回", "银行转账", "现金", "微信", "支付宝" for the refund method codes; NULL otherwise. */
const char *refund_method_label(const char *code);
/* 1 while the business-hours clock runs in status: waiting for the answer, or for the refund or
 * exchange after inspection. */
int return_clock_runs(const char *status);

#endif
