/* The reconciliation ledger: moves in and out of the open records, counted per day (sql/010). */
#include "ledger.h"
#include "callback_flow.h"
#include "repair_flow.h"
#include "return_flow.h"

#include <string.h>

static const char *const INTAKE_CHANNELS[][2] = {{"web", "网上"}, {"phone", "电话"}, {"counter", "柜台"}};
static const char *const REPAIR_FINISHES[] = {"resolved", "cancelled"};
static const char *const RETURN_FINISHES[] = {"rejected", "refunded", "exchanged", "converted", "cancelled"};
static const char *const COMPLAINT_FINISHES[] = {"resolved"};
#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct ledger_kind LEDGER_KINDS[] = {
	{"repair", "报修", &REPAIR_FLOW, INTAKE_CHANNELS, N(INTAKE_CHANNELS), REPAIR_FINISHES, N(REPAIR_FINISHES)},
	{"return", "退换货", &RETURN_FLOW, INTAKE_CHANNELS, N(INTAKE_CHANNELS), RETURN_FINISHES, N(RETURN_FINISHES)},
	{"complaint", "投诉", &COMPLAINT_FLOW, COMPLAINT_SOURCES, COMPLAINT_SOURCES_N, COMPLAINT_FINISHES,
	 N(COMPLAINT_FINISHES)},
};
const unsigned LEDGER_NKINDS = N(LEDGER_KINDS);

/* Indexed like LEDGER_KINDS. */
static const char *const SQL_CHANNEL[] = {
	"SELECT channel FROM repairs WHERE id = ?",
	"SELECT channel FROM returns WHERE id = ?",
	"SELECT source FROM complaints WHERE id = ?",
};
static const char SQL_BALANCE_ADD[] =
	"INSERT INTO report_balance (kind, channel, n) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";
static const char SQL_BALANCE[] = "SELECT n FROM report_balance WHERE kind = ? AND channel = ?";
static const char SQL_LAST_BEFORE[] =
	"UPDATE report_moves SET last = 0 WHERE kind = ? AND record_id = ? AND last = 1";
static const char SQL_MOVE[] =
	"INSERT INTO report_moves (day, at, kind, channel, record_id, metric, balance) "
	"VALUES (CURDATE(), NOW(), ?, ?, ?, ?, ?)";
static const char SQL_DAY_COUNT[] =
	"INSERT INTO report_days (kind, channel, metric, day, n) VALUES (?, ?, ?, CURDATE(), 1), "
	"(?, ?, 'open_at_end', CURDATE(), ?) "
	"ON DUPLICATE KEY UPDATE n = IF(metric = 'open_at_end', VALUES(n), n + 1)";

const struct ledger_kind *ledger_kind_find(const char *kind)
{
	for (unsigned i = 0; kind && i < LEDGER_NKINDS; i++)
		if (!strcmp(LEDGER_KINDS[i].kind, kind))
			return &LEDGER_KINDS[i];
	return NULL;
}

const char *ledger_metric(const struct flow *f, const char *from, const char *to, int *delta)
{
	*delta = 0;
	if (!to || !*to)
		return NULL;
	if (!from || !*from) {
		*delta = 1;
		return "taken_in";
	}
	int was = flow_status_open(f, from), is = flow_status_open(f, to);
	if (was && !is) {
		*delta = -1;
		return to;
	}
	if (!was && is) {
		*delta = 1;
		return "reopened";
	}
	return NULL;
}

int ledger_record(struct request *r, const char *subject, long long id, const char *from, const char *to)
{
	const struct ledger_kind *k = ledger_kind_find(subject);
	int delta;
	const char *metric = k ? ledger_metric(k->flow, from, to, &delta) : NULL;
	if (!metric)
		return DB_OK;
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_CHANNEL[k - LEDGER_KINDS], "i", id);
	if (st != DB_OK || res.nrows == 0)
		return st != DB_OK ? st : DB_ERR;
	const char *channel = db_cell(&res, 0, 0);
	/* The balance row's lock serialises the moves of this kind and channel until commit, so each
	 * move's balance is exact; it is taken last in the change's transaction to hold it briefly. */
	st = db_exec(r->db, &r->arena, NULL, SQL_BALANCE_ADD, "ssi", subject, channel, (long long)delta);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_BALANCE, "ss", subject, channel);
	if (st != DB_OK)
		return st;
	long long balance = db_cell_int(&res, 0, 0);
	st = db_exec(r->db, &r->arena, NULL, SQL_LAST_BEFORE, "si", subject, id);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_MOVE, "ssisi", subject, channel, id, metric, balance);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, NULL, SQL_DAY_COUNT, "sssssi", subject, channel, metric, subject, channel,
			     balance);
	return st;
}
