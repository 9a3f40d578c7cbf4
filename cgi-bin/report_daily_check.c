/* The daily reconciliation's three checks (report_daily_check.h). */
#include "report_daily_check.h"
#include "sanbao.h"

#include <string.h>

#define CREATED "DATE_FORMAT(x.created_at, '%Y-%m-%d %H:%i:%s')"
#define AT "DATE_FORMAT(m.at, '%Y-%m-%d %H:%i:%s')"

/* (a) the day's moves in the order their balances were taken, from one covering index. */
#define SQL_DAY_CHAIN(kind)                                                                                   \
	"SELECT id, channel, metric, balance FROM report_moves FORCE INDEX (report_moves_chain) "               \
	"WHERE kind = '" kind "' AND day = ? ORDER BY id"
/* (a) the next day with moves of a channel, and its first move there. */
#define SQL_NEXT_DAY(kind)                                                                                    \
	"SELECT DATE_FORMAT(MIN(day), '%Y-%m-%d') FROM report_days WHERE kind = '" kind "' AND channel = ? "     \
	"AND metric = 'open_at_end' AND day > ?"
#define SQL_FIRST_MOVE(kind)                                                                                  \
	"SELECT id, channel, metric, balance FROM report_moves FORCE INDEX (report_moves_chain) "               \
	"WHERE kind = '" kind "' AND day = ? AND channel = ? ORDER BY id LIMIT 1"
/* (a) the record of a move that broke the chain. */
#define SQL_MOVE_RECORD(table)                                                                                \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT                  \
	" FROM report_moves m JOIN " table " x ON x.id = m.record_id WHERE m.id = ?"
/* (b) how many records were created on the day: when it is the day's taken_in count, (b) has
 * nothing to list and its two lists are not read. */
#define SQL_CREATED_COUNT(table) "SELECT COUNT(*) FROM " table " WHERE created_at >= ? AND created_at < ?"
/* (b) created on the day (day, next day) without a taken_in move that day. */
#define SQL_CREATED_UNTAKEN(table, kind)                                                                        \
	"SELECT '', '', '', x.id, x.public_no, x.status, " CREATED ", '' FROM " table " x "                    \
	"WHERE x.created_at >= ? AND x.created_at < ? AND NOT EXISTS (SELECT 1 FROM report_moves m "           \
	"WHERE m.kind = '" kind "' AND m.record_id = x.id AND m.metric = 'taken_in' AND m.day = ?) "           \
	"ORDER BY x.id DESC LIMIT 500"
/* (b) taken in on the day (day, day, next day) but created on another. */
#define SQL_TAKEN_NOT_CREATED(table, kind)                                                                      \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT                  \
	" FROM report_moves m JOIN " table " x ON x.id = m.record_id WHERE m.kind = '" kind "' AND m.day = ? " \
	"AND m.metric = 'taken_in' AND (x.created_at < ? OR x.created_at >= ?) ORDER BY m.id DESC LIMIT 500"
/* (c) the records open now by their status (the open statuses as parameters, so the status index
 * is read as ranges), against the ledger's balance: when they agree, no status was changed outside
 * the application and (c)'s list is not read. */
#define SQL_OPEN_NOW(table) "SELECT COUNT(*) FROM " table " WHERE status IN (?, ?, ?, ?, ?, ?)"
#define SQL_BALANCE_NOW(kind) "SELECT COALESCE(SUM(n), 0) FROM report_balance WHERE kind = '" kind "'"
/* (c) moved on the day (day, open statuses): the record's last move says open or finished, its
 * status says otherwise. */
#define SQL_STATUS_DISAGREES(table, kind)                                                                      \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT " FROM "         \
	"(SELECT DISTINCT record_id FROM report_moves WHERE kind = '" kind "' AND day = ?) d "                 \
	"JOIN report_moves m ON m.id = (SELECT MAX(l.id) FROM report_moves l WHERE l.kind = '" kind "' "        \
	"AND l.record_id = d.record_id) JOIN " table " x ON x.id = d.record_id "                                \
	"WHERE (m.metric IN ('taken_in', 'reopened')) <> (FIND_IN_SET(x.status, ?) > 0) ORDER BY x.id DESC LIMIT 500"

struct kind_sql {
	const char *day_chain, *next_day, *first_move, *move_record, *created_count, *created_untaken,
		*taken_not_created, *open_now, *balance_now, *status_disagrees;
};
#define KIND_SQL(table, kind)                                                                                 \
	{SQL_DAY_CHAIN(kind), SQL_NEXT_DAY(kind), SQL_FIRST_MOVE(kind), SQL_MOVE_RECORD(table),                 \
	 SQL_CREATED_COUNT(table), SQL_CREATED_UNTAKEN(table, kind), SQL_TAKEN_NOT_CREATED(table, kind),        \
	 SQL_OPEN_NOW(table), SQL_BALANCE_NOW(kind), SQL_STATUS_DISAGREES(table, kind)}
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

enum { K_ID, K_CHANNEL, K_METRIC, K_BALANCE };

/* Checks one move (row i of a chain query) against the balance before it; a break is listed with
 * its record. Answers the move's balance, the next move's "before". */
static int chain_step(struct request *r, const struct kind_sql *q, const struct flow *flow,
		      const struct db_result *res, size_t i, long long *before, struct daily_problems *out)
{
	const char *metric = db_cell(res, i, K_METRIC);
	long long balance = db_cell_int(res, i, K_BALANCE), expected = *before + move_delta(metric);
	*before = balance;
	if (balance == expected)
		return DB_OK;
	struct db_result rec;
	int st = db_exec(r->db, &r->arena, &rec, q->move_record, "i", db_cell_int(res, i, K_ID));
	if (st == DB_OK && rec.nrows)
		add(&r->arena, out, flow, &rec, 0,
		    arena_printf(&r->arena, "未结数不连续：%s 后应为 %lld，记为 %lld", metric, expected, balance));
	return st;
}

static int balance_chain(struct request *r, const struct daily_figures *f, const struct kind_sql *q, const char *day,
			 struct daily_problems *out)
{
	struct db_result moves, next, first;
	int st = db_exec(r->db, &r->arena, &moves, q->day_chain, "s", day);
	for (unsigned row = 1; st == DB_OK && row < f->nrows; row++) {
		const char *channel = daily_row_code(f, row);
		long long before = f->v[row][0]; /* open_at_start: the balance after the last earlier move */
		for (size_t i = 0; st == DB_OK && i < moves.nrows; i++)
			if (!strcmp(db_cell(&moves, i, K_CHANNEL), channel))
				st = chain_step(r, q, f->kind->flow, &moves, i, &before, out);
		if (st == DB_OK)
			st = db_exec(r->db, &r->arena, &next, q->next_day, "ss", channel, day);
		if (st == DB_OK && next.nrows && db_cell(&next, 0, 0))
			st = db_exec(r->db, &r->arena, &first, q->first_move, "ss", db_cell(&next, 0, 0), channel);
		if (st == DB_OK && next.nrows && db_cell(&next, 0, 0) && first.nrows)
			st = chain_step(r, q, f->kind->flow, &first, 0, &before, out);
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

/* The taken_in figure of the day, all channels. */
static long long taken_in(const struct daily_figures *f)
{
	for (unsigned m = 0; m < f->nmetrics; m++)
		if (!strcmp(f->metric[m], "taken_in"))
			return f->v[0][m];
	return 0;
}

/* Do the records open now by their status number the ledger's balance? */
static int open_now_agrees(struct request *r, const struct kind_sql *q, const struct flow *flow, int *agrees)
{
	const char *open[6];
	unsigned n = 0;
	for (unsigned i = 0; i < flow->nstatuses; i++)
		if (flow->statuses[i].open && n < 6)
			open[n++] = flow->statuses[i].code;
	for (unsigned i = n; i < 6; i++)
		open[i] = n ? open[n - 1] : "";
	struct db_result count, balance;
	int st = db_exec(r->db, &r->arena, &count, q->open_now, "ssssss", open[0], open[1], open[2], open[3], open[4],
			 open[5]);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &balance, q->balance_now, "");
	*agrees = st == DB_OK && db_cell_int(&count, 0, 0) == db_cell_int(&balance, 0, 0);
	return st;
}

int daily_checks_run(struct request *r, const struct daily_figures *f, const char *day, struct daily_problems *out)
{
	const struct kind_sql *q = &KIND_SQLS[f->kind - LEDGER_KINDS];
	const struct flow *flow = f->kind->flow;
	char next[11];
	sanbao_format(sanbao_day(day) + 1, next);
	struct db_result created;
	int agrees = 0;
	int st = balance_chain(r, f, q, day, out);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &created, q->created_count, "ss", day, next);
	if (st == DB_OK && db_cell_int(&created, 0, 0) != taken_in(f)) {
		st = listed(r, q->created_untaken, "sss", day, next, day, flow, "当天创建，但没有当天的受理记录", out);
		if (st == DB_OK)
			st = listed(r, q->taken_not_created, "sss", day, day, next, flow,
				    "当天受理，但创建时间不在当天（事后被改动）", out);
	}
	if (st == DB_OK)
		st = open_now_agrees(r, q, flow, &agrees);
	if (st == DB_OK && !agrees)
		st = listed(r, q->status_disagrees, "ss", day, daily_open_statuses(&r->arena, flow), NULL, flow,
			    "当前状态与最后一次记账不符（状态未经系统流程改动）", out);
	return st;
}
