/* The daily reconciliation's three checks (report_daily_check.h). */
#include "report_daily_check.h"
#include "report_cache.h"
#include "log.h"
#include "sanbao.h"

#include <string.h>

#define CREATED "DATE_FORMAT(x.created_at, '%Y-%m-%d %H:%i:%s')"
#define AT "DATE_FORMAT(m.at, '%Y-%m-%d %H:%i:%s')"

/* (a) the day's moves in the order their balances were taken, from one covering index. */
#define SQL_DAY_CHAIN(kind)                                                                                   \
	"SELECT id, channel, metric, balance FROM report_moves FORCE INDEX (report_moves_chain) "               \
	"WHERE kind = '" kind "' AND day = ? ORDER BY id"
/* (a) the next day with moves of each channel (a loose scan of the primary key), and the first move
 * of a channel there. */
#define SQL_NEXT_DAY(kind)                                                                                    \
	"SELECT channel, DATE_FORMAT(MIN(day), '%Y-%m-%d') FROM report_days WHERE kind = '" kind "' "            \
	"AND metric = 'open_at_end' AND day > ? GROUP BY channel"
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
/* (c) the records whose last move was on the day (day) and whose status now says otherwise: open
 * while the move finished them, or finished while it opened them (a status changed without the
 * application). A record moved again later is checked on the day of its last move. */
#define SQL_STATUS_DISAGREES(table, kind, open)                                                               \
	"SELECT m.channel, m.metric, m.balance, x.id, x.public_no, x.status, " CREATED ", " AT                  \
	" FROM report_moves m FORCE INDEX (report_moves_last) JOIN " table " x ON x.id = m.record_id "          \
	"WHERE m.kind = '" kind "' AND m.day = ? AND m.last = 1 "                                              \
	"AND (m.metric IN ('taken_in', 'reopened')) <> (x.status IN (" open ")) ORDER BY m.id DESC LIMIT 500"

struct kind_sql {
	const char *day_chain, *next_day, *first_move, *move_record, *created_count, *created_untaken,
		*taken_not_created, *status_disagrees, *open_list;
};
/* open: the open statuses written out (bound as parameters, the server read a table whole);
 * daily_checks_run refuses to run when open_list differs from the flow table's. */
#define KIND_SQL(table, kind, open, open_list)                                                                \
	{SQL_DAY_CHAIN(kind), SQL_NEXT_DAY(kind), SQL_FIRST_MOVE(kind), SQL_MOVE_RECORD(table),                 \
	 SQL_CREATED_COUNT(table), SQL_CREATED_UNTAKEN(table, kind), SQL_TAKEN_NOT_CREATED(table, kind),        \
	 SQL_STATUS_DISAGREES(table, kind, open), open_list}
/* Indexed like LEDGER_KINDS; the open statuses as the flow tables have them. */
static const struct kind_sql KIND_SQLS[] = {
	KIND_SQL("repairs", "repair", "'new', 'accepted', 'assigned', 'in_progress', 'waiting_parts'",
		 "new,accepted,assigned,in_progress,waiting_parts"),
	KIND_SQL("returns", "return", "'requested', 'approved', 'received', 'inspected'",
		 "requested,approved,received,inspected"),
	KIND_SQL("complaints", "complaint", "'open', 'investigating', 'reopened'", "open,investigating,reopened"),
};

enum { C_CHANNEL, C_METRIC, C_BALANCE, C_ID, C_NO, C_STATUS, C_CREATED, C_AT };

const char *daily_record_href(struct arena *a, const struct ledger_kind *k, const char *id)
{
	/* the staff pages are the kinds' plurals: /staff/repairs, /staff/returns, /staff/complaints */
	return arena_printf(a, "/staff/%ss/%s", k->kind, id);
}

static void add(struct arena *a, struct report_table *out, const struct flow *flow, const struct db_result *res,
		size_t i, const char *what)
{
	unsigned row = report_table_row(a, out, NULL);
	const char *cells[DAILY_PROBLEM_COLUMNS] = {what, db_cell(res, i, C_ID), db_cell(res, i, C_NO),
						    flow_status_label(flow, db_cell(res, i, C_STATUS)),
						    db_cell(res, i, C_CREATED), db_cell(res, i, C_AT)};
	for (unsigned c = 0; c < DAILY_PROBLEM_COLUMNS; c++)
		report_table_set(out, row, c, cells[c], NULL);
}

static long long move_delta(const char *metric)
{
	return !strcmp(metric, "taken_in") || !strcmp(metric, "reopened") ? 1 : -1;
}

enum { K_ID, K_CHANNEL, K_METRIC, K_BALANCE };

/* Checks one move (row i of a chain query) against the balance before it; a break is listed with
 * its record. Answers the move's balance, the next move's "before". */
static int chain_step(struct request *r, const struct kind_sql *q, const struct flow *flow,
		      const struct db_result *res, size_t i, long long *before, struct report_table *out)
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
			 struct report_table *out)
{
	struct db_result moves, next, first;
	int st = db_exec(r->db, &r->arena, &moves, q->day_chain, "s", day);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &next, q->next_day, "s", day);
	for (unsigned row = 1; st == DB_OK && row < f->nrows; row++) {
		const char *channel = daily_row_code(f, row);
		long long before = f->v[row][0]; /* open_at_start: the balance after the last earlier move */
		for (size_t i = 0; st == DB_OK && i < moves.nrows; i++)
			if (!strcmp(db_cell(&moves, i, K_CHANNEL), channel))
				st = chain_step(r, q, f->kind->flow, &moves, i, &before, out);
		const char *next_day = NULL;
		for (size_t i = 0; st == DB_OK && i < next.nrows; i++)
			if (!strcmp(db_cell(&next, i, 0), channel))
				next_day = db_cell(&next, i, 1);
		if (st == DB_OK && next_day)
			st = db_exec(r->db, &r->arena, &first, q->first_move, "ss", next_day, channel);
		if (st == DB_OK && next_day && first.nrows)
			st = chain_step(r, q, f->kind->flow, &first, 0, &before, out);
	}
	return st;
}

static int listed(struct request *r, const char *sql, const char *types, const char *a1, const char *a2,
		  const char *a3, const struct flow *flow, const char *what, struct report_table *out)
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

static int checks_run(struct request *r, const struct daily_figures *f, const char *day, struct report_table *out)
{
	const struct kind_sql *q = &KIND_SQLS[f->kind - LEDGER_KINDS];
	const struct flow *flow = f->kind->flow;
	char next[11];
	sanbao_format(sanbao_day(day) + 1, next);
	struct db_result created;
	if (strcmp(q->open_list, daily_open_statuses(&r->arena, flow))) {
		log_limited("daily-open-list", "report_daily_check.c: the open statuses of %s are not %s", flow->subject,
			    q->open_list);
		return DB_ERR;
	}
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
		st = listed(r, q->status_disagrees, "s", day, NULL, NULL, flow,
			    "当前状态与最后一次记账不符（状态未经系统流程改动）", out);
	return st;
}

/* The problems' columns, in enum daily_problem_column order; kept by report_cached. */
static const struct report_column PROBLEM_COLS[DAILY_PROBLEM_COLUMNS] = {
	{NULL, "问题", RT_TEXT}, {NULL, "id", RT_TEXT}, {NULL, "单号", RT_TEXT},
	{NULL, "状态", RT_TEXT}, {NULL, "创建时间", RT_TEXT}, {NULL, "记账时间", RT_TEXT},
};

struct check_ctx {
	const struct daily_figures *f;
	const char *day;
};

static int checks_build(struct request *r, const void *ctx, struct report_result *out)
{
	const struct check_ctx *c = ctx;
	return checks_run(r, c->f, c->day, report_result_add(out, "PROBLEMS", "", PROBLEM_COLS, DAILY_PROBLEM_COLUMNS));
}

int daily_checks_run(struct request *r, const struct daily_figures *f, const char *day, int fresh,
		     struct report_result *out)
{
	/* kept against the same figures: a change through the application is a new key */
	const char *key = arena_printf(&r->arena, "daily|%s|%s", day, daily_figures_text(&r->arena, f, 1));
	struct check_ctx ctx = {f, day};
	return report_cached(r, key, DAILY_CHECK_SECONDS, fresh, checks_build, &ctx, out);
}
