/* argon2id hashing; a semaphore keeps concurrent hashes (64 MiB each) to a fixed number per process. */
#include "password.h"
#include "valid.h"

#include <semaphore.h>
#include <string.h>

#define OPS crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEM crypto_pwhash_MEMLIMIT_INTERACTIVE

static sem_t slots;
static char dummy_hash[crypto_pwhash_STRBYTES];

int password_init(int max_parallel)
{
	if (sodium_init() < 0 || sem_init(&slots, 0, (unsigned)max_parallel) != 0)
		return -1;
	return password_hash("not a real password", dummy_hash);
}

int password_hash(const char *password, char out[crypto_pwhash_STRBYTES])
{
	sem_wait(&slots);
	int rc = crypto_pwhash_str(out, password, strlen(password), OPS, MEM);
	sem_post(&slots);
	return rc == 0 ? 0 : -1;
}

int password_verify(const char *hash, const char *password)
{
	sem_wait(&slots);
	int ok = crypto_pwhash_str_verify(hash ? hash : dummy_hash, password, strlen(password)) == 0;
	sem_post(&slots);
	return hash ? ok : 0;
}

int password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, OPS, MEM) != 0;
}

const char *password_problem(const char *password)
{
	size_t chars = utf8_chars(password);
	if (chars < PASSWORD_MIN)
		return "密码至少需要 10 个字符";
	if (strlen(password) > PASSWORD_MAX)
		return "密码不能超过 128 个字节";
	return NULL;
}
