/* The daily reconciliation's ledger: every change that opens or finishes a repair, return or
 * complaint is counted, in its own transaction, per day, kind and channel (sql/010_reports.sql). */
#ifndef AFTERSALES_LEDGER_H
#define AFTERSALES_LEDGER_H
#include "flow.h"
#include "request.h"

/* The kinds the reconciliation counts, in page order. channel_column is where the record keeps
 * its channel (complaints: where they came from). */
struct ledger_kind {
	const char *kind;            /* events.subject and report_moves.kind */
	const char *label;           /* "报修" */
	const struct flow *flow;
	const char *const (*channels)[2];  /* {code, label} */
	unsigned nchannels;
	const char *const *finishes; /* the finishing statuses a move can reach, in display order */
	unsigned nfinishes;
};
extern const struct ledger_kind LEDGER_KINDS[];
extern const unsigned LEDGER_NKINDS;
const struct ledger_kind *ledger_kind_find(const char *kind);

/* What a status change from -> to does to the open count: "taken_in" (+1: from is NULL or empty),
 * "reopened" (+1: a finished status to an open one), the finishing status (-1: open to finished),
 * or NULL (nothing: open to open, finished to finished, no status change). Pure. */
const char *ledger_metric(const struct flow *f, const char *from, const char *to, int *delta);

/* Counts the change of record id of subject, when it is a ledger kind and the change moves it in
 * or out of the open records. Called by event_record inside the change's transaction. Returns a
 * db_status. */
int ledger_record(struct request *r, const char *subject, long long id, const char *from, const char *to);

#endif
