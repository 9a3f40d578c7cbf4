/* GET /admin/audit: the one trail of every change, in words, newest first, a page at a time. */
#include "audit_labels.h"
#include "form.h"
#include "list.h"
#include "pages.h"
#include "response.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

/* The page reads ids alone first, from the index of the one filter given (audit_actor, audit_action,
 * audit_target, or the primary key): MariaDB walks that index's newest entries below the cursor only
 * when nothing else is needed (a column of another index, even behind "? = '' OR", makes it take
 * every entry of the filter from the newest down: a page deep into an action took 1.4 s at 2 million
 * entries, 3 ms this way). So there is a statement for each set of filters given; a filter not given
 * still takes its parameter ("? IS NOT NULL", true), and the date range is the id range. */
#define AUDIT_PAGE(actor, action, target) \
	"SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), a.actor, a.action, a.target, a.detail, a.ip " \
	"FROM (SELECT k.id FROM audit_log k WHERE k.id BETWEEN ? AND ? " actor action target LIST_BY_ID_DESC("k") \
	") p JOIN audit_log a ON a.id = p.id ORDER BY a.id DESC"
#define ANY "AND ? IS NOT NULL "
#define BY_ACTOR "AND k.actor_id = ? "
#define BY_ACTION "AND k.action = ? "
#define BY_TARGET "AND k.target = ? "
enum { F_ACTOR = 1, F_ACTION = 2, F_TARGET = 4 };
static const char *const SQL_AUDIT_PAGE[8] = {
	AUDIT_PAGE(ANY, ANY, ANY), AUDIT_PAGE(BY_ACTOR, ANY, ANY),
	AUDIT_PAGE(ANY, BY_ACTION, ANY), AUDIT_PAGE(BY_ACTOR, BY_ACTION, ANY),
	AUDIT_PAGE(ANY, ANY, BY_TARGET), AUDIT_PAGE(BY_ACTOR, ANY, BY_TARGET),
	AUDIT_PAGE(ANY, BY_ACTION, BY_TARGET), AUDIT_PAGE(BY_ACTOR, BY_ACTION, BY_TARGET),
};
/* Entries are written with NOW() in id order, so a date range is an id range: its first and last id
 * are one step each down the (at) index (an entry written in the same second as a day's end by a
 * transaction that began before it may fall on the other side: that is all it can be off by). */
static const char SQL_FIRST_ID_FROM[] = "SELECT id FROM audit_log WHERE at >= ? ORDER BY at, id LIMIT 1";
static const char SQL_LAST_ID_TO[] =
	"SELECT id FROM audit_log WHERE at < DATE_ADD(?, INTERVAL 1 DAY) ORDER BY at DESC, id DESC LIMIT 1";
static const char SQL_PEOPLE[] =
	"SELECT id, CONCAT(display_name, ' (', username, ')', IF(active = 1, '', ' 已停用')) FROM users "
	"ORDER BY active DESC, display_name";
static const char SQL_REPAIR_BY_NO[] = "SELECT CONCAT('repair #', id) FROM repairs WHERE public_no = ?";
static const char SQL_RETURN_BY_NO[] = "SELECT CONCAT('return #', id) FROM returns WHERE public_no = ?";

/* No statuses: the trail is filtered by its own choices, with the lists' dates, record box and cursor. */
static const struct flow NO_STATUS = {"audit", NULL, 0, NULL, 0};
static const char *const SORTS[][2] = {{"new", "最新在前"}};

struct audit_filter {
	struct list_filter list;
	long long actor;
	const char *action, *target;
	long long first_id, last_id;
};

/* The record box: a public number is its record's target, "维修工单 12" is "repair #12". */
static int target_read(struct request *r, struct audit_filter *f)
{
	const struct list_search *q = &f->list.search;
	f->target = *q->no ? "" : audit_target_normalise(&r->arena, q->q);
	if (!*q->no)
		return DB_OK;
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, q->no[0] == 'R' ? SQL_REPAIR_BY_NO : SQL_RETURN_BY_NO, "s", q->no);
	/* An unknown number is kept as typed: it then matches nothing, as it should. */
	f->target = st == DB_OK && res.nrows ? db_cell(&res, 0, 0) : q->no;
	return st;
}

static int id_bound(struct request *r, const char *sql, const char *day, long long none, long long *out)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, sql, "s", day);
	if (st == DB_OK)
		*out = res.nrows ? db_cell_int(&res, 0, 0) : none;
	return st;
}

static int filter_read(struct request *r, struct audit_filter *f)
{
	list_filter_read(r, &NO_STATUS, "RT", SORTS, 1, &f->list);
	if (!parse_id(list_param(r, "actor", 20), &f->actor))
		f->actor = 0;
	f->action = list_param(r, "action", 32);
	f->first_id = 0;
	f->last_id = LLONG_MAX;
	int st = target_read(r, f);
	/* A range with no entries: first after last, so nothing is read. */
	if (st == DB_OK && *f->list.from)
		st = id_bound(r, SQL_FIRST_ID_FROM, f->list.from, LLONG_MAX, &f->first_id);
	if (st == DB_OK && *f->list.to)
		st = id_bound(r, SQL_LAST_ID_TO, f->list.to, 0, &f->last_id);
	return st;
}

static void entry_row(struct request *r, tmpl_dict *d, const struct db_result *res, size_t i)
{
	tmpl_dict *row = tmpl_section(d, "ENTRY");
	const char *code = db_cell(res, i, 3), *label = audit_action_label(&r->arena, code);
	const char *href;
	tmpl_set(row, "ID", db_cell(res, i, 0));
	tmpl_set(row, "AT", db_cell(res, i, 1));
	tmpl_set(row, "ACTOR", db_cell(res, i, 2));
	tmpl_set(row, "CODE", code);
	tmpl_set(row, "ACTION", label ? label : code);
	const char *target = audit_target_text(&r->arena, db_cell(res, i, 4), &href);
	if (href) {
		tmpl_dict *link = tmpl_section(row, "TARGET_LINK");
		tmpl_set(link, "HREF", href);
		tmpl_set(link, "TARGET", target);
	} else {
		tmpl_set(tmpl_section(row, "TARGET_TEXT"), "TARGET", target);
	}
	tmpl_set(row, "DETAIL", audit_detail_text(&r->arena, code, db_cell(res, i, 5)));
	tmpl_set(row, "IP", db_cell(res, i, 6));
}

static int people_fill(struct request *r, tmpl_dict *d, long long selected)
{
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_PEOPLE, "");
	if (st == DB_OK)
		form_options_rows(d, "ACTOR_OPTION", &res, arena_printf(&r->arena, "%lld", selected));
	return st;
}

/* One option per action code the trail has: the table's, then each kind of record's (its flow's
 * actions and its other events). */
static void action_options(struct request *r, tmpl_dict *d, const char *selected)
{
	struct arena *a = &r->arena;
	form_options(d, "ACTION_OPTION", AUDIT_ACTIONS, AUDIT_ACTIONS_N, selected);
	for (size_t i = 0; i < AUDIT_SUBJECTS_N; i++) {
		const struct audit_subject *s = &AUDIT_SUBJECTS[i];
		const char *codes = "";
		for (unsigned k = 0; s->flow && k < s->flow->nactions; k++)
			codes = arena_printf(a, "%s%s ", codes, s->flow->actions[k].code);
		codes = arena_printf(a, "%s%s", codes, s->events);
		for (const char *p = codes; *p;) {
			size_t n = strcspn(p, " ");
			const char *code = arena_printf(a, "%s_%.*s", s->code, (int)n, p);
			const char *const choice[1][2] = {{code, audit_action_label(a, code)}};
			if (n)
				form_options(d, "ACTION_OPTION", choice, 1, selected);
			p += n + (p[n] == ' ');
		}
	}
}

/* GET /admin/audit (actor, action, q: a record, from, to, after): 50 entries a page, newest first,
 * with a next link. Answers 200. */
int page_audit(struct request *r)
{
	struct audit_filter f;
	int st = filter_read(r, &f);
	struct db_result res;
	long long after;
	const char *key;
	list_cursor_read(&r->arena, f.list.after, 0, &key, &after);
	int given = (f.actor ? F_ACTOR : 0) | (*f.action ? F_ACTION : 0) | (*f.target ? F_TARGET : 0);
	if (st == DB_OK)
		st = db_exec(r->db, &r->arena, &res, SQL_AUDIT_PAGE[given], "iiissii", f.first_id, f.last_id, f.actor,
			     f.action, f.target, after, after);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "audit.tpl", "操作日志");
	tmpl_set(d, "q", f.list.search.q);
	tmpl_set(d, "from", f.list.from);
	tmpl_set(d, "to", f.list.to);
	action_options(r, d, f.action);
	const struct list_param extra[] = {
		{"actor", f.actor ? arena_printf(&r->arena, "%lld", f.actor) : ""},
		{"action", f.action},
	};
	list_page_fill(r, d, &res, &f.list, extra, 2, -1, entry_row);
	return people_fill(r, d, f.actor);
}
