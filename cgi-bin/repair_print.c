/* The printable work order (维修单) of one repair, with a QR code of its tracking page. The QR code
 * is handed to the template as rows of cells; the template and static/print.css draw it. */
#include "audit.h"
#include "pages.h"
#include "repair_db.h"
#include "repair_flow.h"
#include "response.h"
#include "valid.h"

#include <qrencode.h>
#include <string.h>

/* Adds the QR code of text as QR_ROW sections of CELL sections, DARK shown on dark modules.
 * Returns 0, or -1 when the text cannot be encoded (the page then shows the link only). */
static int qr_fill(tmpl_dict *d, const char *text)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return -1;
	int w = qr->width;
	for (int y = 0; y < w; y++) {
		tmpl_dict *row = tmpl_section(d, "QR_ROW");
		for (int x = 0; x < w; x++) {
			tmpl_dict *cell = tmpl_section(row, "CELL");
			if (qr->data[y * w + x] & 1)
				tmpl_show(cell, "DARK");
		}
	}
	QRcode_free(qr);
	return 0;
}

static const char *warranty_text(struct request *r, const struct repair *p)
{
	if (!p->warranty_until || !*p->warranty_until)
		return "未知";
	if (p->now && strncmp(p->warranty_until, p->now, 10) >= 0)
		return arena_printf(&r->arena, "在保至 %s", p->warranty_until);
	return arena_printf(&r->arena, "已过保（%s 到期）", p->warranty_until);
}

static const char *minutes_text(struct request *r, long long m)
{
	if (m <= 0)
		return "0 分钟";
	if (m < 60)
		return arena_printf(&r->arena, "%lld 分钟", m);
	if (m % 60 == 0)
		return arena_printf(&r->arena, "%lld 小时", m / 60);
	return arena_printf(&r->arena, "%lld 小时 %lld 分钟", m / 60, m % 60);
}

static const char *cents_text(struct request *r, long long c)
{
	return arena_printf(&r->arena, "%lld.%02lld", c / 100, c % 100);
}

/* Labour, parts and their total, in yuan; a cost not recorded yet stays empty for a handwritten one. */
static void fill_costs(struct request *r, tmpl_dict *d, const struct repair *p)
{
	long long labour = 0, parts = 0;
	int have_labour = p->labour_cost && parse_money(p->labour_cost, &labour);
	int have_parts = p->parts_cost && parse_money(p->parts_cost, &parts);
	if (have_labour)
		tmpl_set(d, "LABOUR_COST", cents_text(r, labour));
	if (have_parts)
		tmpl_set(d, "PARTS_COST", cents_text(r, parts));
	if (have_labour || have_parts)
		tmpl_set(d, "TOTAL_COST", cents_text(r, labour + parts));
}

/* GET /staff/repairs/#/print: the work order of one repair for printing (with the whole phone and
 * address: audited). Answers 200, 403 or 404. */
int page_repair_print(struct request *r)
{
	struct repair p;
	int st = repair_load_path(r, &p);
	if (st != DB_OK || !p.id)
		return st;
	if (repair_contact_visible(r, &p))
		st = audit_contact_view(r, arena_printf(&r->arena, "repair #%lld", p.id), p.customer_id);
	if (st != DB_OK)
		return st;
	tmpl_dict *d = page_begin(r, 200, "repair_print.tpl", arena_printf(&r->arena, "维修单 %s", p.public_no));
	tmpl_set(d, "STATIC", r->cfg->static_url);
	tmpl_set(d, "SITE_NAME", r->cfg->site_name);
	tmpl_set_int(d, "ID", p.id);
	tmpl_set(d, "NO", p.public_no);
	tmpl_set(d, "STATUS", p.status);
	tmpl_set(d, "STATUS_LABEL", repair_status_label(p.status));
	tmpl_set(d, "PRIORITY_LABEL", priority_label(p.priority));
	tmpl_set(d, "CHANNEL_LABEL", channel_label(p.channel));
	tmpl_set(d, "CREATED", p.created_at);
	tmpl_set(d, "VISIT", p.visit_at);
	tmpl_set(d, "DUE", p.due_at);
	tmpl_set(d, "RESOLVED", p.resolved_at);
	tmpl_set(d, "CLOSED", p.closed_at);
	tmpl_set(d, "PRINTED", p.now ? arena_strndup(&r->arena, p.now, 16) : "");
	tmpl_set(d, "NAME", p.contact_name);
	char masked[32];
	tmpl_set(d, "PHONE", repair_phone_shown(r, &p, masked));
	tmpl_set(d, "ADDRESS", repair_contact_visible(r, &p) ? p.address : "（工单已结束，不再显示）");
	tmpl_set(d, "PRODUCT", p.product);
	tmpl_set(d, "MODEL", p.model);
	tmpl_set(d, "SERIAL", p.serial_no);
	tmpl_set(d, "PURCHASE_DATE", p.purchase_date ? p.purchase_date : "未知");
	tmpl_set(d, "WARRANTY", warranty_text(r, &p));
	tmpl_set(d, "FAULT", p.fault);
	tmpl_set(d, "PREFERRED", p.preferred_time);
	tmpl_set(d, "ASSIGNEE", p.assignee_name);
	tmpl_set(d, "RESULT", p.result);
	tmpl_set(d, "PARTS", p.parts_used);
	tmpl_set(d, "LABOUR_MINUTES", minutes_text(r, p.labour_minutes));
	if (p.cancel_reason && *p.cancel_reason)
		tmpl_set(tmpl_section(d, "CANCELLED"), "REASON", p.cancel_reason);
	fill_costs(r, d, &p);
	if (!p.warranty_repair)
		tmpl_show(d, "WARRANTY_REPAIR_UNKNOWN");
	else if (!strcmp(p.warranty_repair, "1"))
		tmpl_show(d, "WARRANTY_REPAIR_YES");
	else
		tmpl_show(d, "WARRANTY_REPAIR_NO");

	/* From the configured site address, never the request's Host header: a forged Host would
	 * print a stranger's site on the customer's paper. */
	const char *url = arena_printf(&r->arena, "%s/track?no=%s", r->cfg->site_url, p.public_no);
	tmpl_set(d, "TRACK_URL", url);
	if (qr_fill(d, url) == 0)
		tmpl_show(d, "QR");
	return 0;
}
