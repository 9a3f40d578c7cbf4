/* Throttling counted in the database so every worker sees it: logins per username and address,
 * failed tracking look-ups and public submissions per address. */
#ifndef AFTERSALES_THROTTLE_H
#define AFTERSALES_THROTTLE_H
#include "request.h"

/* Sets *seconds to how long the longer-locked of key_a and key_b (key_b may be NULL) stays locked,
 * 0 when neither is. Returns a db_status. */
int throttle_locked(struct request *r, const char *key_a, const char *key_b, long long *seconds);
/* Counts one event for key within a window of window_min minutes; when the count reaches max the
 * key is locked for lock_min minutes. Sets *count (may be NULL). Returns a db_status. */
int throttle_hit(struct request *r, const char *key, long long max, long long window_min, long long lock_min,
		 long long *count);
/* Deletes a few rows whose window and lock are over. Call it outside a transaction (after the
 * commit): inside one, its range delete can deadlock with other requests' counts. Returns a db_status. */
int throttle_purge(struct request *r);
/* Forgets key. Returns a db_status. */
int throttle_forget(struct request *r, const char *key);
/* The key of a username ("u:...") or of this request's address with a purpose prefix ("a:", "t:", "s:"). */
const char *throttle_user_key(struct request *r, const char *username);
const char *throttle_addr_key(struct request *r, const char *prefix);
/* How long to stall the answer to the n-th failed login in a row, in milliseconds. */
long throttle_delay_ms(long long failures);

#endif
