/* The returns part of the repair report: returns made in the range by kind (with what was refunded),
 * by reason, by inspection result and by status now. */
#include "report_repairs.h"
#include "return_flow.h"

#include <string.h>

static const char SQL_BY_KIND[] =
	"SELECT kind, COUNT(*), SUM(refunded_at IS NOT NULL), COALESCE(SUM(IF(refunded_at IS NULL, 0, refund_amount)), 0) "
	"FROM returns WHERE " REPORT_IN_RANGE("created_at") " GROUP BY kind ORDER BY kind";
static const char SQL_BY_REASON[] =
	"SELECT has_fault, COUNT(*) FROM returns WHERE " REPORT_IN_RANGE("created_at") " GROUP BY has_fault "
	"ORDER BY has_fault DESC";
static const char SQL_BY_INSPECTION[] =
	"SELECT COALESCE(inspection, ''), COUNT(*) FROM returns WHERE " REPORT_IN_RANGE("created_at")
	" GROUP BY inspection ORDER BY inspection IS NULL, inspection";
static const char SQL_BY_STATUS[] =
	"SELECT status, COUNT(*) FROM returns WHERE " REPORT_IN_RANGE("created_at") " GROUP BY status ORDER BY status";

static const struct report_column KIND_COLS[] = {
	{"kind", "类型", RT_TEXT},
	{"requests", "申请数", RT_INT},
	{"refunded", "已退款", RT_INT},
	{"refund_total", "退款金额", RT_MONEY},
};
static const struct report_column REASON_COLS[] = {
	{"reason", "原因", RT_TEXT},
	{"requests", "申请数", RT_INT},
};
static const struct report_column INSPECTION_COLS[] = {
	{"inspection", "检测结果", RT_TEXT},
	{"requests", "申请数", RT_INT},
};
static const struct report_column STATUS_COLS[] = {
	{"status", "当前状态", RT_TEXT},
	{"requests", "申请数", RT_INT},
};

static int kind_table(struct request *r, const struct report_range *g, struct report_result *s)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_BY_KIND, "ss", g->from, g->to);
	if (st != DB_OK)
		return st;
	struct report_table *t = report_result_add(s, "RETURNS", "退换货：按类型与退款", KIND_COLS, 4);
	long long sum[3] = {0};
	for (size_t i = 0; i < res.nrows; i++) {
		const char *kind = db_cell(&res, i, 0), *label = return_kind_label(kind);
		unsigned row = report_table_row(&r->arena, t, kind);
		report_table_set(t, row, 0, label ? label : kind, NULL);
		for (unsigned c = 1; c < 4; c++) {
			sum[c - 1] += db_cell_int(&res, i, c);
			report_table_set(t, row, c, db_cell(&res, i, c), NULL);
		}
	}
	unsigned row = report_table_row(&r->arena, t, "total");
	report_table_set(t, row, 0, "合计", NULL);
	for (unsigned c = 1; c < 4; c++)
		report_table_set_int(&r->arena, t, row, c, sum[c - 1], NULL);
	return DB_OK;
}

static const char *reason_label(const char *has_fault)
{
	return strcmp(has_fault, "1") ? "无理由退换" : "性能故障";
}

static const char *status_label(const char *status)
{
	return flow_status_label(&RETURN_FLOW, status);
}

int report_returns_tables(struct request *r, const struct report_range *g, struct report_result *s)
{
	int st = kind_table(r, g, s);
	if (st == DB_OK)
		st = report_set_counts(r, g, s, "RETURNS", SQL_BY_REASON, "退换货：按原因", REASON_COLS, reason_label, "");
	if (st == DB_OK)
		st = report_set_counts(r, g, s, "RETURNS", SQL_BY_INSPECTION, "退换货：按检测结果", INSPECTION_COLS, inspection_label,
					 "未检测");
	if (st == DB_OK)
		st = report_set_counts(r, g, s, "RETURNS", SQL_BY_STATUS, "退换货：按当前状态", STATUS_COLS, status_label, "");
	return st;
}
