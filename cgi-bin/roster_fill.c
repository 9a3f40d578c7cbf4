/* Filling one person's days from a rotation pattern (早-早-中-中-夜-夜-休-休), previewed before it is saved. */
#include "audit.h"
#include "form.h"
#include "pages.h"
#include "response.h"
#include "session.h"
#include "roster_db.h"
#include "roster_edit.h"
#include "roster_grid.h"
#include "sanbao.h"
#include "shift_types.h"
#include "valid.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char SQL_STAFF[] = "SELECT id, display_name FROM users WHERE active = 1 ORDER BY display_name, id";

#define FILL_MAX_DAYS 62
#define PATTERN_MAX 31
static const char DAY_OFF[] = "休";

/* A fill as posted and worked out. */
struct fill {
	long long user_id;
	const char *start, *end, *pattern;
	long long first, last;
	struct roster_add *adds;
	size_t nadds;
	const char **day_shift;   /* per day of the range: the shift's name or NULL for a day off */
	const char **day_span;
	struct roster_month months[4];   /* 62 days touch at most four months */
	long long versions[4];
	size_t nmonths;
};

/* The people a fill can be for. Returns a db_status. */
static int staff_load(struct request *r, struct db_result *staff)
{
	return db_exec(r->db, &r->arena, staff, SQL_STAFF, "");
}

/* The page with the form; preview rows follow when f is worked out. */
static tmpl_dict *fill_page(struct request *r, int status, const struct fill *f, const struct db_result *staff)
{
	tmpl_dict *d = page_begin(r, status, "roster_fill.tpl", "按轮换填充值班表");
	tmpl_set(d, "CSRF", r->sess.csrf);
	tmpl_set(d, "start", f->start);
	tmpl_set(d, "end", f->end);
	tmpl_set(d, "pattern", f->pattern);
	tmpl_set(d, "MONTH", arena_printf(&r->arena, "%.7s", f->start));
	for (size_t i = 0; i < staff->nrows; i++) {
		tmpl_dict *o = tmpl_section(d, "PERSON");
		tmpl_set(o, "ID", db_cell(staff, i, 0));
		tmpl_set(o, "NAME", db_cell(staff, i, 1));
		if (db_cell_int(staff, i, 0) == f->user_id)
			tmpl_show(o, "SELECTED");
	}
	return d;
}

/* Splits the pattern into the shift types it names (NULL for 休). Returns the number of days in it,
 * or 0 with *why set. */
static size_t pattern_read(struct request *r, const char *pattern, const struct db_result *types,
			   long long *ids, const char **names, const char **spans, const char **why)
{
	size_t n = 0;
	for (const char *p = pattern;; n++) {
		const char *dash = strchr(p, '-');
		size_t len = dash ? (size_t)(dash - p) : strlen(p);
		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (n == PATTERN_MAX) {
			*why = arena_printf(&r->arena, "轮换规律最多 %d 天。", PATTERN_MAX);
			return 0;
		}
		ids[n] = 0;
		names[n] = NULL;
		if (!(len == strlen(DAY_OFF) && !strncmp(p, DAY_OFF, len))) {
			for (size_t t = 0; t < types->nrows && !ids[n]; t++)
				if (strlen(db_cell(types, t, ST_NAME)) == len && !strncmp(db_cell(types, t, ST_NAME), p, len)) {
					ids[n] = db_cell_int(types, t, ST_ID);
					names[n] = db_cell(types, t, ST_NAME);
					spans[n] = shift_span_text(&r->arena, (int)db_cell_int(types, t, ST_START),
								   (int)db_cell_int(types, t, ST_END));
				}
			if (!ids[n]) {
				*why = arena_printf(&r->arena, "轮换规律中的“%.*s”不是启用的班次名称，也不是“休”。", (int)len, p);
				return 0;
			}
		}
		if (!dash)
			return n + 1;
		p = dash + 1;
	}
}

/* Reads and works out the posted fill. Returns a db_status; *why is set when the form is refused. */
static int fill_read(struct request *r, struct fill *f, const char **why)
{
	memset(f, 0, sizeof(*f));
	*why = NULL;
	f->start = form_trimmed(r, "start");
	f->end = form_trimmed(r, "end");
	f->pattern = form_trimmed(r, "pattern");
	if (!parse_id(form_trimmed(r, "user_id"), &f->user_id))
		*why = "请选择员工。";
	else if (valid_date(f->start) || valid_date(f->end))
		*why = "请填写有效的开始和结束日期。";
	else if ((f->first = sanbao_day(f->start)) > (f->last = sanbao_day(f->end)))
		*why = "结束日期不能早于开始日期。";
	else if (f->last - f->first >= FILL_MAX_DAYS)
		*why = arena_printf(&r->arena, "一次最多填充 %d 天。", FILL_MAX_DAYS);
	else if (!*f->pattern || utf8_chars(f->pattern) > 200 || valid_text_line(f->pattern))
		*why = "请填写轮换规律，如 早-早-中-中-夜-夜-休-休。";
	if (*why)
		return DB_OK;
	struct db_result types;
	int st = shift_types_load(r, 1, &types);
	if (st != DB_OK)
		return st;
	long long ids[PATTERN_MAX];
	const char *names[PATTERN_MAX], *spans[PATTERN_MAX];
	size_t n = pattern_read(r, f->pattern, &types, ids, names, spans, why);
	if (!n)
		return DB_OK;
	size_t days = (size_t)(f->last - f->first + 1);
	f->adds = arena_alloc(&r->arena, days * sizeof(*f->adds));
	f->day_shift = arena_alloc(&r->arena, days * sizeof(*f->day_shift));
	f->day_span = arena_alloc(&r->arena, days * sizeof(*f->day_span));
	for (size_t i = 0; i < days; i++) {
		size_t k = i % n;
		f->day_shift[i] = names[k];
		f->day_span[i] = names[k] ? spans[k] : NULL;
		if (!ids[k])
			continue;
		char *day = arena_alloc(&r->arena, 11);
		sanbao_format(f->first + (long long)i, day);
		f->adds[f->nadds++] = (struct roster_add){f->user_id, day, ids[k]};
	}
	if (!f->nadds) {
		*why = "这段时间按轮换规律都是休息，没有要排的班次。";
		return DB_OK;
	}
	for (long long day = f->first; day <= f->last;) {
		struct roster_month *m = &f->months[f->nmonths];
		roster_month_of(day, m);
		st = roster_month_version(r, m->ym, &f->versions[f->nmonths]);
		if (st != DB_OK)
			return st;
		f->nmonths++;
		day = m->first + m->ndays;
	}
	return DB_OK;
}

/* The days of the fill and the months' versions the save will check, under the form. */
static void preview_fill(struct request *r, tmpl_dict *d, const struct fill *f, const char *why)
{
	static const char *const WD[] = {"日", "一", "二", "三", "四", "五", "六"};
	tmpl_dict *p = tmpl_section(d, "PREVIEW");
	tmpl_set_int(p, "COUNT", (long long)f->nadds);
	const char *versions = "";
	for (size_t i = 0; i < f->nmonths; i++)
		versions = arena_printf(&r->arena, "%s%s%s:%lld", versions, i ? "," : "", f->months[i].ym, f->versions[i]);
	tmpl_set(p, "VERSIONS", versions);
	tmpl_set_int(p, "USER_ID", f->user_id);
	for (long long day = f->first; day <= f->last; day++) {
		tmpl_dict *row = tmpl_section(p, "DAY");
		char text[11];
		sanbao_format(day, text);
		tmpl_set(row, "DATE", text);
		tmpl_set(row, "WD", WD[((day + 4) % 7 + 7) % 7]);
		const char *name = f->day_shift[day - f->first];
		tmpl_set(row, "SHIFT", name ? name : DAY_OFF);
		tmpl_set(row, "SPAN", f->day_span[day - f->first]);
	}
	if (why)
		tmpl_set(tmpl_section(d, "REFUSAL"), "TEXT", why);
	else
		tmpl_show(p, "CAN_SAVE");
}

/* GET /staff/roster/fill?month=YYYY-MM: the form, the month's days filled in. Answers 200. */
int page_roster_fill_form(struct request *r)
{
	struct db_result staff;
	int st = staff_load(r, &staff);
	if (st != DB_OK)
		return st;
	struct roster_month m;
	if (roster_month_parse(query_get(r, "month"), &m))
		roster_month_of(sanbao_today((long long)time(NULL), r->cfg->timezone), &m);
	struct fill f = {0};
	char first[11], last[11];
	sanbao_format(m.first, first);
	sanbao_format(m.first + m.ndays - 1, last);
	f.start = first;
	f.end = last;
	f.pattern = "";
	fill_page(r, 200, &f, &staff);
	return DB_OK;
}

/* The version the preview saw for month ym, from "YYYY-MM:v,..."; -1 when it is not there. */
static long long version_seen(const char *versions, const char *ym)
{
	const char *p = versions ? strstr(versions, ym) : NULL;
	long long v;
	return p && p[7] == ':' && sscanf(p + 8, "%lld", &v) == 1 ? v : -1;
}

/* Saves the fill in one transaction: every month touched taken at the version the preview saw, the
 * rules checked over all the new shifts at once, the shifts, an audit entry per month. Returns a
 * db_status; *why is set (and nothing kept) when refused, *stale when a month changed. */
static int fill_save(struct request *r, const struct fill *f, const char **why, int *stale)
{
	*stale = 0;
	int st = db_begin(r->db);
	for (size_t i = 0; st == DB_OK && i < f->nmonths; i++) {
		long long seen = version_seen(form_get(r, "versions"), f->months[i].ym);
		st = seen < 0 ? DB_STALE : roster_month_take(r, f->months[i].ym, seen);
	}
	if (st == DB_STALE) {
		*stale = 1;
		return DB_OK;
	}
	if (st == DB_OK)
		st = roster_check_user(r, f->user_id, f->adds, f->nadds, NULL, 0, why);
	const char *detail = "";
	for (size_t i = 0; st == DB_OK && !*why && i < f->nadds; i++) {
		st = roster_edit_insert(r, &f->adds[i], &detail);
		if (st == DB_DUP) {
			*why = arena_printf(&r->arena, "%s 已排了同一班次，填充未保存；请调整日期或轮换规律。", f->adds[i].day);
			return DB_OK;
		}
	}
	for (size_t i = 0; st == DB_OK && !*why && i < f->nmonths; i++) {
		size_t in_month = 0;
		for (size_t k = 0; k < f->nadds; k++)
			in_month += !strncmp(f->adds[k].day, f->months[i].ym, 7);
		st = audit_record(r, "roster_fill", arena_printf(&r->arena, "roster %s", f->months[i].ym),
				  arena_printf(&r->arena, "user #%lld %s..%s %s: %zu shifts", f->user_id, f->start, f->end,
					       f->pattern, in_month));
	}
	if (st == DB_OK && !*why)
		st = db_commit(r->db);
	return st;
}

/* POST /staff/roster/fill (user_id, start, end, pattern; save=1 with the versions of the preview,
 * else a preview). Answers 200 with the preview (nothing saved), 303 to the person's month when
 * saved, 409 when a month changed since the preview, or 422 with the reason (a malformed form, a
 * rule, an inactive person, a role the shift does not take, a shift the person has already). */
int page_roster_fill(struct request *r)
{
	struct db_result staff;
	int st = staff_load(r, &staff);
	if (st != DB_OK)
		return st;
	struct fill f;
	const char *why;
	st = fill_read(r, &f, &why);
	if (st != DB_OK)
		return st;
	if (why) {
		tmpl_set(tmpl_section(fill_page(r, 422, &f, &staff), "REFUSAL"), "TEXT", why);
		return DB_OK;
	}
	const char *save = form_get(r, "save");
	if (!save || !*save) {
		st = roster_check_user(r, f.user_id, f.adds, f.nadds, NULL, 0, &why);
		if (st == DB_OK)
			preview_fill(r, fill_page(r, why ? 422 : 200, &f, &staff), &f, why);
		return st;
	}
	int stale;
	st = fill_save(r, &f, &why, &stale);
	if (st != DB_OK)
		return st;
	if (stale || why) {
		db_rollback(r->db);
		if (stale)
			return page_error(r, 409, ROSTER_STALE);
		preview_fill(r, fill_page(r, 422, &f, &staff), &f, why);
		return DB_OK;
	}
	/* After the commit: the saved roster stands even when the message cannot be kept. */
	session_flash(r, arena_printf(&r->arena, "已排班：%s 起的 %zu 个班次", f.start, f.nadds));
	return page_redirect(r, arena_printf(&r->arena, "/staff/roster?month=%.7s&user=%lld", f.start, f.user_id));
}
