/* Audit trail: writing entries and the admin page that lists them. */
#include "audit.h"
#include "response.h"
#include "valid.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char SQL_AUDIT_INSERT[] =
	"INSERT INTO audit_log (at, actor_id, actor, action, target, detail, ip) VALUES (NOW(), ?, ?, ?, ?, ?, ?)";
static const char SQL_AUDIT_LIST[] =
	"SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), actor, action, target, detail, ip FROM audit_log "
	"WHERE (? = '' OR action = ?) ORDER BY id DESC LIMIT 200";

int audit_record_as(struct request *r, const char *actor_name, const char *action, const char *target,
		    const char *detail)
{
	/* The columns' sizes, in characters: a long note is cut, never refused. */
	const char *actor = utf8_prefix(&r->arena, actor_name ? actor_name : "", 64);
	const char *actor_id = db_id_or_null(&r->arena, r->sess.user_id);
	return db_exec(r->db, &r->arena, NULL, SQL_AUDIT_INSERT, "ssssss", actor_id, actor, utf8_prefix(&r->arena, action, 32),
		       utf8_prefix(&r->arena, target ? target : "", 64), utf8_prefix(&r->arena, detail ? detail : "", 255),
		       r->remote_addr);
}

int audit_record(struct request *r, const char *action, const char *target, const char *detail)
{
	return audit_record_as(r, r->sess.username, action, target, detail);
}

int audited_exec(struct request *r, const char *action, const char *target, const char *detail, const char *sql,
		 const char *types, ...)
{
	int st = db_begin(r->db);
	if (st == DB_OK) {
		va_list ap;
		va_start(ap, types);
		st = db_vexec(r->db, &r->arena, NULL, sql, types, ap);
		va_end(ap);
	}
	if (st == DB_OK)
		st = audit_record(r, action, target, detail);
	if (st == DB_OK)
		st = db_commit(r->db);
	if (st != DB_OK)
		db_rollback(r->db);
	return st;
}

int page_audit(struct request *r)
{
	const char *action = query_get(r, "action");
	if (!action || strlen(action) > 32)
		action = "";
	struct db_result res;
	int st = db_exec(r->db, &r->arena, &res, SQL_AUDIT_LIST, "ss", action, action);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "audit.tpl", "操作日志");
	tmpl_set(d, "ACTION", action);
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *row = tmpl_section(d, "ENTRY");
		tmpl_set(row, "AT", db_cell(&res, i, 0));
		tmpl_set(row, "ACTOR", db_cell(&res, i, 1));
		tmpl_set(row, "ACTION", db_cell(&res, i, 2));
		tmpl_set(row, "TARGET", db_cell(&res, i, 3));
		tmpl_set(row, "DETAIL", db_cell(&res, i, 4));
		tmpl_set(row, "IP", db_cell(&res, i, 5));
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	return 0;
}
