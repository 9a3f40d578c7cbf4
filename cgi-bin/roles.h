/* Names of staff roles: the code stored in the database and the Chinese label shown. */
#ifndef AFTERSALES_ROLES_H
#define AFTERSALES_ROLES_H

/* Returns the role bit for a code such as "supervisor", or 0 when unknown. */
int role_from_code(const char *code);
const char *role_code(int role);
const char *role_label(int role);
/* Where a role starts after signing in: technicians on their own jobs (/staff/my), the rest on /staff. */
const char *role_landing(int role);

#endif
