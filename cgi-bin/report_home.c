/* GET /staff/reports: the reports index (报表). */
#include "pages.h"
#include "response.h"

/* Answers 200; technicians are not shown the daily reconciliation, which they may not open. */
int page_report_home(struct request *r)
{
	tmpl_dict *d = page_begin(r, 200, "report_home.tpl", "报表");
	if (r->sess.role != ROLE_TECHNICIAN)
		tmpl_show(d, "DAILY");
	return DB_OK;
}
