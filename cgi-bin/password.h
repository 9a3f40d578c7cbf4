/* Password hashing with libsodium argon2id, with a bound on concurrent hashes so a login flood cannot exhaust memory. */
#ifndef AFTERSALES_PASSWORD_H
#define AFTERSALES_PASSWORD_H
#include <sodium.h>

#define PASSWORD_MIN 10
#define PASSWORD_MAX 128

/* Call once before threads start; max_parallel bounds hashes running at once. Returns 0 or -1. */
int password_init(int max_parallel);
/* Writes an "$argon2id$..." string into out. Returns 0, or -1 when out of memory. */
int password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);
/* Returns 1 when password matches hash. With hash NULL it spends the same time and returns 0,
 * so an unknown username cannot be told apart by timing. */
int password_verify(const char *hash, const char *password);
/* Returns 1 when hash was made with other parameters than today's and should be replaced. */
int password_needs_rehash(const char *hash);
/* Returns NULL when password is acceptable, otherwise a message in Chinese. */
const char *password_problem(const char *password);

#endif
