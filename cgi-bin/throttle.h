/* Login throttling per username and per address, counted in the database so every worker sees it. */
#ifndef AFTERSALES_THROTTLE_H
#define AFTERSALES_THROTTLE_H
#include "request.h"

/* Sets *seconds to how long username or this address stays locked (0 when free). Returns a db_status. */
int throttle_locked(struct request *r, const char *username, long long *seconds);
/* Counts a failed login; sets *failures to the username's count in the current window. Returns a db_status. */
int throttle_failure(struct request *r, const char *username, long long *failures);
/* Forgets the username's failures after a successful login. Returns a db_status. */
int throttle_success(struct request *r, const char *username);
/* How long to stall the answer to the n-th failure in a row, in milliseconds. */
long throttle_delay_ms(long long failures);

#endif
