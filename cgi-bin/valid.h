/* Validators of single input values. Each returns NULL when the value is good, otherwise a message in Chinese. */
#ifndef AFTERSALES_VALID_H
#define AFTERSALES_VALID_H
#include <stddef.h>

/* Number of characters (code points) in valid UTF-8 text. */
size_t utf8_chars(const char *s);

const char *valid_username(const char *v);     /* 3-32 of a-z 0-9 _ . - , starting with a letter */
const char *valid_display_name(const char *v); /* 1-32 characters, no control characters */
const char *valid_role(const char *v);         /* admin, supervisor, agent, technician */
/* Parses a positive id without sign, spaces or leading zeros. Returns 1 and sets *out, or 0. */
int parse_id(const char *v, long long *out);

#endif
