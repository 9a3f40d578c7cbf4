/* Audit trail: writing entries (the page that lists them is audit_page.c). */
#include "audit.h"
#include "response.h"
#include "valid.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char SQL_AUDIT_INSERT[] =
	"INSERT INTO audit_log (at, actor_id, actor, action, target, detail, ip) VALUES (NOW(), ?, ?, ?, ?, ?, ?)";

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

int audit_contact_view(struct request *r, const char *target, long long customer_id)
{
	return audit_record(r, "contact_view", target,
			    arena_printf(&r->arena, "看到客户 #%lld 的完整电话和地址", customer_id));
}
