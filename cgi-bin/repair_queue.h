/* A technician's open jobs as a table, shared by 我的工单 and the technician's staff home. */
#ifndef AFTERSALES_REPAIR_QUEUE_H
#define AFTERSALES_REPAIR_QUEUE_H
#include "request.h"

/* Includes my_jobs_table.tpl at marker MY_JOBS of d with the signed-in user's open jobs, today's
 * visits first (whole phone and address: they are the user's own open jobs). Returns a db_status. */
int my_jobs_fill(struct request *r, tmpl_dict *d);

#endif
