/* Public pages that need no account. */
#include "pages.h"
#include "response.h"

/* GET /: links to the repair form, the return form and tracking. Needs no database. Answers 200. */
int page_home(struct request *r)
{
	page_begin(r, 200, "home.tpl", "首页");
	return 0;
}
