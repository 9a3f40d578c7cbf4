/* The 三包 case of a return as the database has it (purchase date, the product's warranty, the site's
 * today, earlier warranty repairs of the same item) and the verdict of the configured rules on it. */
#ifndef AFTERSALES_RETURN_RULES_H
#define AFTERSALES_RETURN_RULES_H
#include "return_db.h"
#include "sanbao.h"

struct return_rules {
	struct sanbao_case c;
	struct sanbao_verdict v;
	/* The repairs counted in c.warranty_repairs: id, public number, created date, status. */
	struct db_result repairs;
};

/* Builds the case of return t and decides it with r->cfg->sanbao. Earlier warranty repairs are the
 * resolved or closed repairs of the same serial number (or, without one, of the same customer and
 * product) made between the purchase date and the warranty's end, and the repair the customer named
 * when it is resolved or closed and has the same phone; never the repair this return became.
 * Returns a db_status. */
int return_rules_load(struct request *r, const struct return_request *t, struct return_rules *out);

/* What the verdict allows in words: "退货、换货或修理", "换货或修理", "修理"; "无（可付费维修）" for nothing. */
const char *sanbao_allowed_text(unsigned allowed);

#endif
