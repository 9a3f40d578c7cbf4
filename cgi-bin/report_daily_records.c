/* GET /staff/reports/daily/records: the records behind one figure of the daily reconciliation. */
#include "pages.h"
#include "report_daily_check.h"
#include "response.h"
#include "sanbao.h"
#include "valid.h"

#include <string.h>

#define CAP 500
#define COLS "x.id, x.public_no, x.status, DATE_FORMAT(x.created_at, '%Y-%m-%d %H:%i:%s'), "
#define AT "DATE_FORMAT(m.at, '%Y-%m-%d %H:%i:%s')"
#define CAP_TEXT "501"

/* Moves of the day (day, channel or 'all' twice, metrics comma-separated), the latest first: on a
 * day past the cap the ones still being asked about are listed. */
#define SQL_MOVES(table, kind)                                                                            \
	"SELECT " COLS AT " FROM report_moves m JOIN " table " x ON x.id = m.record_id "                  \
	"WHERE m.kind = '" kind "' AND m.day = ? AND (? = 'all' OR m.channel = ?) "                        \
	"AND FIND_IN_SET(m.metric, ?) ORDER BY m.id DESC LIMIT " CAP_TEXT
/* Open at a boundary B (B, channel twice, B; open statuses, B, channel twice, B): those whose first
 * move at or after B finishes them, and those open now that have not moved since B and were created
 * before it; the latest records first. */
#define SQL_OPEN_AT(table, kind, channel)                                                                  \
	"(SELECT " COLS AT " FROM report_moves m JOIN " table " x ON x.id = m.record_id "                 \
	"WHERE m.kind = '" kind "' AND m.day >= ? AND (? = 'all' OR m.channel = ?) "                       \
	"AND m.metric NOT IN ('taken_in', 'reopened') AND NOT EXISTS (SELECT 1 FROM report_moves p "       \
	"WHERE p.kind = '" kind "' AND p.record_id = m.record_id AND p.day >= ? AND p.id < m.id)) "         \
	"UNION ALL (SELECT " COLS "'' FROM " table " x WHERE FIND_IN_SET(x.status, ?) AND x.created_at < ? " \
	"AND (? = 'all' OR x." channel " = ?) AND NOT EXISTS (SELECT 1 FROM report_moves p "               \
	"WHERE p.kind = '" kind "' AND p.record_id = x.id AND p.day >= ?)) ORDER BY 1 DESC LIMIT " CAP_TEXT

/* Indexed like LEDGER_KINDS: {moves, open at}. */
static const char *const SQL_RECORDS[][2] = {
	{SQL_MOVES("repairs", "repair"), SQL_OPEN_AT("repairs", "repair", "channel")},
	{SQL_MOVES("returns", "return"), SQL_OPEN_AT("returns", "return", "channel")},
	{SQL_MOVES("complaints", "complaint"), SQL_OPEN_AT("complaints", "complaint", "source")},
};

enum { R_ID, R_NO, R_STATUS, R_CREATED, R_AT };

static const char *channel_label(const struct ledger_kind *k, const char *channel)
{
	for (unsigned i = 0; i < k->nchannels; i++)
		if (!strcmp(k->channels[i][0], channel))
			return k->channels[i][1];
	return !strcmp(channel, "all") ? "全部渠道" : NULL;
}

/* The metrics a figure counts, comma-separated, or NULL for an unknown one ("" for the boundaries). */
static const char *metric_moves(struct arena *a, const struct ledger_kind *k, const char *metric)
{
	if (!strcmp(metric, "open_at_start") || !strcmp(metric, "open_at_end"))
		return "";
	if (!strcmp(metric, "taken_in") || !strcmp(metric, "reopened") || daily_metric_finishes(k, metric))
		return metric;
	if (strcmp(metric, "finished"))
		return NULL;
	const char *list = "";
	for (unsigned i = 0; i < k->nfinishes; i++)
		list = arena_printf(a, "%s%s%s", list, i ? "," : "", k->finishes[i]);
	return list;
}

/* GET /staff/reports/daily/records (date, kind, channel or all, metric). Answers 200, or 400 for
 * a malformed date or an unknown kind, channel or metric. */
int page_report_daily_records(struct request *r)
{
	const char *day = query_get(r, "date"), *channel = query_get(r, "channel"), *metric = query_get(r, "metric");
	const struct ledger_kind *k = ledger_kind_find(query_get(r, "kind"));
	if (!day || valid_date(day) || sanbao_day(day) < 1)
		return page_error(r, 400, "日期格式应为 YYYY-MM-DD，例如 2026-03-01。");
	const char *moves = k && metric ? metric_moves(&r->arena, k, metric) : NULL;
	const char *chan_label = k && channel ? channel_label(k, channel) : NULL;
	if (!moves || !chan_label)
		return page_error(r, 400, "没有这项数字：请从每日核对页面的数字点进来。");
	struct db_result res;
	int st;
	const char *const *sql = SQL_RECORDS[k - LEDGER_KINDS];
	if (*moves) {
		st = db_exec(r->db, &r->arena, &res, sql[0], "ssss", day, channel, channel, moves);
	} else {
		char next[11];
		sanbao_format(sanbao_day(day) + 1, next);
		const char *at = !strcmp(metric, "open_at_end") ? next : day;
		st = db_exec(r->db, &r->arena, &res, sql[1], "sssssssss", at, channel, channel, at,
			     daily_open_statuses(&r->arena, k->flow), at, channel, channel, at);
	}
	if (st != DB_OK)
		return st;
	const char *title = arena_printf(&r->arena, "%s %s · %s · %s", day, k->label, chan_label,
					 daily_metric_label(k, metric));
	tmpl_dict *d = page_begin(r, 200, "report_daily_records.tpl", title);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "DAY", day);
	tmpl_set(d, "KIND", k->kind);
	tmpl_set(d, "METRIC", metric);
	tmpl_set(d, "CHANNEL", channel);
	size_t n = res.nrows > CAP ? CAP : res.nrows;
	tmpl_set_int(d, "N", (long long)n);
	if (res.nrows > CAP)
		tmpl_set_int(tmpl_section(d, "CAPPED"), "CAP", CAP);
	if (!n)
		tmpl_show(d, "EMPTY");
	for (size_t i = 0; i < n; i++) {
		tmpl_dict *row = tmpl_section(d, "RECORD");
		tmpl_set(row, "ID", db_cell(&res, i, R_ID));
		tmpl_set(row, "HREF", daily_record_href(&r->arena, k, db_cell(&res, i, R_ID)));
		tmpl_set(row, "NO", db_cell(&res, i, R_NO));
		tmpl_set(row, "STATUS", flow_status_label(k->flow, db_cell(&res, i, R_STATUS)));
		tmpl_set(row, "STATUS_CODE", db_cell(&res, i, R_STATUS));
		tmpl_set(row, "CREATED", db_cell(&res, i, R_CREATED));
		tmpl_set(row, "AT", db_cell(&res, i, R_AT));
	}
	return DB_OK;
}
