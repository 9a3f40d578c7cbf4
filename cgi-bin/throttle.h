/* Throttling counted in the database so every worker sees it: logins per username and address,
 * failed tracking look-ups and public submissions per address. An address is an IPv4 address or an
 * IPv6 /64, the block one customer line gets: keying on the full IPv6 address would give an
 * attacker 2^64 fresh keys. */
#ifndef AFTERSALES_THROTTLE_H
#define AFTERSALES_THROTTLE_H
#include "request.h"

/* Sets *seconds to how long the longer-locked of key_a and key_b (key_b may be NULL) stays locked,
 * 0 when neither is. Returns a db_status. */
int throttle_locked(struct request *r, const char *key_a, const char *key_b, long long *seconds);
/* Counts one event for key within a window of window_min minutes; when the count reaches max the
 * key is locked for lock_min minutes (never when max <= 0). Sets *count (may be NULL). Returns a
 * db_status. */
int throttle_hit(struct request *r, const char *key, long long max, long long window_min, long long lock_min,
		 long long *count);
/* Deletes a few rows whose window and lock are over. Call it outside a transaction (after the
 * commit): inside one, its range delete can deadlock with other requests' counts. Returns a db_status. */
int throttle_purge(struct request *r);
/* Sets *count to the events counted for key in its window of window_min minutes, 0 when none.
 * Returns a db_status. */
int throttle_count(struct request *r, const char *key, long long window_min, long long *count);
/* Forgets key. Returns a db_status. */
int throttle_forget(struct request *r, const char *key);
/* The key of a username ("u:..."), of this request's address with a purpose prefix ("a:", "t:",
 * "s:"), or of a username at this request's address ("p:ADDRESS USERNAME"). */
const char *throttle_user_key(struct request *r, const char *username);
const char *throttle_addr_key(struct request *r, const char *prefix);
const char *throttle_pair_key(struct request *r, const char *username);

/* Size of the buffer throttle_addr_canon writes. */
#define THROTTLE_ADDR_MAX 46
/* Writes the form of addr that throttling counts by into out and returns out: an IPv4 address in
 * dotted decimal, an IPv6 address as its /64 prefix ("2001:db8:1:2::/64", one spelling for every
 * way of writing it; a zone "%eth0" is dropped), an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as
 * its IPv4 address. Anything else (nginx always sends an address) is kept, cut to fit, with bytes
 * other than printable ASCII and space replaced by '?'. */
const char *throttle_addr_canon(const char *addr, char out[THROTTLE_ADDR_MAX]);
/* How long to stall a login attempt that would be the account's n-th failure in a row, in
 * milliseconds: nothing for the first, then growing to a cap of two seconds. */
long throttle_delay_ms(long long failures);

#endif
