/* The contact details typed on a repair request against the customer record, and taking them over. */
#ifndef AFTERSALES_REPAIR_CONTACT_H
#define AFTERSALES_REPAIR_CONTACT_H
#include "repair_db.h"

/* Adds the CONTACT_DIFF section (rows FIELD, LABEL, ON_REQUEST, IN_RECORD) when the request's
 * name, e-mail or address differ from the customer record's. */
void repair_contact_fill(struct request *r, tmpl_dict *d, const struct repair *p);

#endif
