/* 核对确认: a supervisor signs a day off with a note; the figures signed are kept, so a later change
 * to the day shows on its page (责任到人). */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "report_daily.h"
#include "response.h"
#include "sanbao.h"
#include "valid.h"
#include "workcal.h"

#include <string.h>

static const char SQL_SIGNOFFS[] =
	"SELECT signer, DATE_FORMAT(signed_at, '%Y-%m-%d %H:%i'), note, figures FROM report_signoffs "
	"WHERE day = ? ORDER BY id DESC LIMIT 50";
static const char SQL_SIGN[] =
	"INSERT INTO report_signoffs (day, signed_by, signer, signed_at, note, figures) VALUES (?, ?, ?, NOW(), ?, ?)";

enum { S_SIGNER, S_AT, S_NOTE, S_FIGURES };

/* Counts the figures whose value differs from the signed text, and lists them in d unless NULL. */
static unsigned changes_fill(struct arena *a, tmpl_dict *d, const struct daily_figures *f, const char *signed_text)
{
	unsigned n = 0;
	for (unsigned k = 0; k < LEDGER_NKINDS; k++)
		for (unsigned row = 0; row < f[k].nrows; row++)
			for (unsigned col = 0; col < f[k].nmetrics; col++) {
				const char *key = arena_printf(a, "%s.%s.%s", f[k].kind->kind, daily_row_code(&f[k], row),
							       f[k].metric[col]);
				long long was = daily_figures_value(signed_text, key);
				if (was == f[k].v[row][col])
					continue;
				n++;
				if (!d)
					continue;
				tmpl_dict *c = tmpl_section(d, "CHANGE");
				tmpl_set(c, "KEY", key);
				tmpl_set(c, "WHAT",
					 arena_printf(a, "%s · %s · %s", f[k].kind->label,
						      row ? f[k].kind->channels[row - 1][1] : "合计",
						      daily_metric_label(f[k].kind, f[k].metric[col])));
				tmpl_set_int(c, "WAS", was);
				tmpl_set_int(c, "NOW", f[k].v[row][col]);
			}
	return n;
}

int daily_signoff_fill(struct request *r, tmpl_dict *d, const char *day, const struct daily_figures *current)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_SIGNOFFS, "s", day);
	if (st != DB_OK)
		return st;
	if (r->sess.role & ROLES_SUPERVISOR)
		tmpl_show(d, "SIGN_FORM");
	if (!res.nrows) {
		tmpl_show(d, "UNSIGNED");
		return DB_OK;
	}
	tmpl_dict *s = tmpl_section(d, "SIGNED");
	tmpl_set(s, "SIGNER", db_cell(&res, 0, S_SIGNER));
	tmpl_set(s, "AT", db_cell(&res, 0, S_AT));
	tmpl_set(s, "NOTE", db_cell(&res, 0, S_NOTE));
	unsigned n = changes_fill(&r->arena, NULL, current, db_cell(&res, 0, S_FIGURES));
	tmpl_set(s, "STATE", n ? "changed" : "current");
	if (n)
		changes_fill(&r->arena, tmpl_section(s, "CHANGED"), current, db_cell(&res, 0, S_FIGURES));
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *h = tmpl_section(d, "HISTORY");
		tmpl_set(h, "SIGNER", db_cell(&res, i, S_SIGNER));
		tmpl_set(h, "AT", db_cell(&res, i, S_AT));
		tmpl_set(h, "NOTE", db_cell(&res, i, S_NOTE));
	}
	return DB_OK;
}

/* POST /staff/reports/daily/signoff (csrf, date, note): supervisors and admins. Answers 303 to the
 * day's page, 400 for a malformed date, or 422 with the reason (a future day, a note too long). */
int page_report_daily_signoff(struct request *r)
{
	const char *day = form_get(r, "date");
	if (!day || valid_date(day) || sanbao_day(day) < 1)
		return page_error(r, 400, "日期格式应为 YYYY-MM-DD，例如 2026-03-01。");
	const char *today;
	int st = workcal_today(r, &today);
	if (st != DB_OK)
		return st;
	const char *refusal = NULL;
	const char *note = form_text(r, "note", 500, 0, "备注", &refusal);
	if (!refusal && strcmp(day, today) > 0)
		refusal = "还没到的日子不能核对确认。";
	if (refusal)
		return report_daily_page(r, 422, day, refusal);
	struct daily_figures figs[DAILY_MAX_KINDS];
	st = daily_figures_load(r, day, figs);
	if (st != DB_OK)
		return st;
	const char *figures = daily_figures_text(&r->arena, figs, LEDGER_NKINDS);
	if ((st = db_begin(r->db)) != DB_OK)
		return st;
	st = db_exec(r->db, &r->arena, NULL, SQL_SIGN, "sisss", day, r->sess.user_id, r->sess.display_name,
		     note ? note : "", figures);
	if (st == DB_OK)
		st = audit_record(r, "report_signoff", arena_printf(&r->arena, "day %s", day), note ? note : "");
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		return st;
	return page_redirect(r, arena_printf(&r->arena, "/staff/reports/daily?date=%s#signoff", day));
}
