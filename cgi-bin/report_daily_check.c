/* The daily reconciliation's three checks (report_daily_check.h). */
#include "report_daily_check.h"
#include "sanbao.h"

#include <string.h>

#define CREATED "DATE_FORMAT(x.created_at, '%Y-%m-%d %H:%i:%s')"
#define AT "DATE_FORMAT(m.at, '%Y-%m-%d %H:%i:%s')"

/* (a) the day's moves, by channel and in the order their balances were taken. */
#define SQL_DAY_MOVES(table, kind)                                                                            \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT                  \
	" FROM report_moves m JOIN " table " x ON x.id = m.record_id WHERE m.kind = '" kind "' AND m.day = ? " \
	"ORDER BY m.id"
/* (a) the first move after the day of a channel: on the next day that has moves. */
#define SQL_NEXT_MOVE(table, kind)                                                                             \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT                  \
	" FROM report_moves m JOIN " table " x ON x.id = m.record_id WHERE m.kind = '" kind "' AND m.channel = ? " \
	"AND m.day = (SELECT MIN(day) FROM report_days WHERE kind = '" kind "' AND channel = ? "                \
	"AND metric = 'open_at_end' AND day > ?) ORDER BY m.id LIMIT 1"
/* (b) created on the day (day, next day) without a taken_in move that day. */
#define SQL_CREATED_UNTAKEN(table, kind)                                                                        \
	"SELECT '', '', '', x.id, x.public_no, x.status, " CREATED ", '' FROM " table " x "                    \
	"WHERE x.created_at >= ? AND x.created_at < ? AND NOT EXISTS (SELECT 1 FROM report_moves m "           \
	"WHERE m.kind = '" kind "' AND m.record_id = x.id AND m.metric = 'taken_in' AND m.day = ?) "           \
	"ORDER BY x.id LIMIT 500"
/* (b) taken in on the day (day, day, next day) but created on another. */
#define SQL_TAKEN_NOT_CREATED(table, kind)                                                                      \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT                  \
	" FROM report_moves m JOIN " table " x ON x.id = m.record_id WHERE m.kind = '" kind "' AND m.day = ? " \
	"AND m.metric = 'taken_in' AND (x.created_at < ? OR x.created_at >= ?) ORDER BY m.id LIMIT 500"
/* (c) moved on the day (day, open statuses): the record's last move says open or finished, its
 * status says otherwise. */
#define SQL_STATUS_DISAGREES(table, kind)                                                                      \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT " FROM "         \
	"(SELECT DISTINCT record_id FROM report_moves WHERE kind = '" kind "' AND day = ?) d "                 \
	"JOIN report_moves m ON m.id = (SELECT MAX(l.id) FROM report_moves l WHERE l.kind = '" kind "' "        \
	"AND l.record_id = d.record_id) JOIN " table " x ON x.id = d.record_id "                                \
	"WHERE (m.metric IN ('taken_in', 'reopened')) <> (FIND_IN_SET(x.status, ?) > 0) ORDER BY x.id LIMIT 500"

struct kind_sql {
	const char *day_moves, *next_move, *created_untaken, *taken_not_created, *status_disagrees;
};
#define KIND_SQL(table, kind)                                                                                 \
	{SQL_DAY_MOVES(table, kind), SQL_NEXT_MOVE(table, kind), SQL_CREATED_UNTAKEN(table, kind),            \
	 SQL_TAKEN_NOT_CREATED(table, kind), SQL_STATUS_DISAGREES(table, kind)}
/* Indexed like LEDGER_KINDS. */
static const struct kind_sql KIND_SQLS[] = {
	KIND_SQL("repairs", "repair"),
	KIND_SQL("returns", "return"),
	KIND_SQL("complaints", "complaint"),
};

enum { C_CHANNEL, C_METRIC, C_BALANCE, C_ID, C_NO, C_STATUS, C_CREATED, C_AT };

const char *daily_record_href(struct arena *a, const struct ledger_kind *k, const char *id)
{
	/* the staff pages are the kinds' plurals: /staff/repairs, /staff/returns, /staff/complaints */
	return arena_printf(a, "/staff/%ss/%s", k->kind, id);
}

static void add(struct arena *a, struct daily_problems *out, const struct flow *flow, const struct db_result *res,
		size_t i, const char *what)
{
	if (out->n == out->cap) {
		unsigned cap = out->cap ? out->cap * 2 : 16;
		struct daily_problem *p = arena_alloc(a, sizeof(*p) * cap);
		if (out->n)
			memcpy(p, out->p, sizeof(*p) * out->n);
		out->p = p;
		out->cap = cap;
	}
	struct daily_problem *p = &out->p[out->n++];
	p->what = what;
	p->id = db_cell(res, i, C_ID);
	p->no = db_cell(res, i, C_NO);
	p->status = flow_status_label(flow, db_cell(res, i, C_STATUS));
	p->created = db_cell(res, i, C_CREATED);
	p->at = db_cell(res, i, C_AT);
}

static long long move_delta(const char *metric)
{
	return !strcmp(metric, "taken_in") || !strcmp(metric, "reopened") ? 1 : -1;
}

/* Checks one move against the balance before it; answers its balance, the next move's "before". */
static long long chain_step(struct arena *a, struct daily_problems *out, const struct flow *flow,
			    const struct db_result *res, size_t i, long long before)
{
	long long balance = db_cell_int(res, i, C_BALANCE),
		  expected = before + move_delta(db_cell(res, i, C_METRIC));
	if (balance != expected)
		add(a, out, flow, res, i,
		    arena_printf(a, "未结数不连续：%s 后应为 %lld，记为 %lld", db_cell(res, i, C_METRIC), expected,
				 balance));
	return balance;
}

static int balance_chain(struct request *r, const struct daily_figures *f, const struct kind_sql *q, const char *day,
			 struct daily_problems *out)
{
	struct db_result moves, next;
	int st = db_exec(r->db, &r->arena, &moves, q->day_moves, "s", day);
	for (unsigned row = 1; st == DB_OK && row < f->nrows; row++) {
		const char *channel = daily_row_code(f, row);
		long long before = f->v[row][0]; /* open_at_start: the balance after the last earlier move */
		for (size_t i = 0; i < moves.nrows; i++)
			if (!strcmp(db_cell(&moves, i, C_CHANNEL), channel))
				before = chain_step(&r->arena, out, f->kind->flow, &moves, i, before);
		st = db_exec(r->db, &r->arena, &next, q->next_move, "sss", channel, channel, day);
		if (st == DB_OK && next.nrows)
			chain_step(&r->arena, out, f->kind->flow, &next, 0, before);
	}
	return st;
}

static int listed(struct request *r, const char *sql, const char *types, const char *a1, const char *a2,
		  const char *a3, const struct flow *flow, const char *what, struct daily_problems *out)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, sql, types, a1, a2, a3);
	for (size_t i = 0; st == DB_OK && i < res.nrows; i++)
		add(&r->arena, out, flow, &res, i, what);
	return st;
}

int daily_checks_run(struct request *r, const struct daily_figures *f, const char *day, struct daily_problems *out)
{
	const struct kind_sql *q = &KIND_SQLS[f->kind - LEDGER_KINDS];
	const struct flow *flow = f->kind->flow;
	char next[11];
	sanbao_format(sanbao_day(day) + 1, next);
	int st = balance_chain(r, f, q, day, out);
	if (st == DB_OK)
		st = listed(r, q->created_untaken, "sss", day, next, day, flow, "当天创建，但没有当天的受理记录", out);
	if (st == DB_OK)
		st = listed(r, q->taken_not_created, "sss", day, day, next, flow, "当天受理，但创建时间不在当天（事后被改动）",
			    out);
	if (st == DB_OK)
		st = listed(r, q->status_disagrees, "ss", day, daily_open_statuses(&r->arena, flow), NULL, flow,
			    "当前状态与最后一次记账不符（状态未经系统流程改动）", out);
	return st;
}
