/* Validators of single input values. Each returns NULL when the value is good, otherwise a message in Chinese. */
#ifndef AFTERSALES_VALID_H
#define AFTERSALES_VALID_H
#include <stddef.h>

#include "arena.h"

/* Number of characters (code points) in valid UTF-8 text. */
size_t utf8_chars(const char *s);
/* s cut to at most max characters (never inside one), in the arena. */
const char *utf8_prefix(struct arena *a, const char *s, size_t max);

const char *valid_username(const char *v);     /* 3-32 of a-z 0-9 _ . - , starting with a letter */
const char *valid_display_name(const char *v); /* 1-32 characters, no control characters */
const char *valid_text_line(const char *v);    /* one line of text: no newline or other control characters */
const char *valid_role(const char *v);         /* admin, supervisor, agent, technician */
const char *valid_active_flag(const char *v);  /* "1" active, "0" not (a select of 启用/停用) */
/* Chinese phone numbers: an 11-digit mobile (1[3-9]xxxxxxxxx), or a landline with area code
 * (0xx-xxxxxxxx, dash optional, optional -extension). Spaces and dashes are ignored on input. */
const char *valid_phone(const char *v);
/* The canonical form of a valid phone: mobile as 11 digits, landline as "0AREA-NUMBER[-EXT]". Arena-free: writes into out. */
void phone_normalise(const char *v, char out[32]);
/* "13812345678" -> "138****5678"; landlines keep the area code and last 4 digits. */
void phone_mask(const char *phone, char out[32]);
const char *valid_email(const char *v);
/* YYYY-MM-DD, a real calendar date between 1990-01-01 and 2099-12-31. */
const char *valid_date(const char *v);
/* Parses a money amount like "120" or "35.50" (at most 2 decimals, below 10 million) into cents. Returns 1 or 0. */
int parse_money(const char *v, long long *cents);
/* cents as people read money: "¥1,234.50", "-¥5.00", in the arena. */
const char *money_format(struct arena *a, long long cents);
/* cents (not negative) as a form field shows them and parse_money reads them back: "1234.50", in the arena. */
const char *money_input(struct arena *a, long long cents);
/* Parses a whole number in [min, max] without sign or spaces. Returns 1 or 0. */
int parse_int_range(const char *v, long long min, long long max, long long *out);
/* Digits of a public number's daily sequence: at least four (zero-padded), at most twelve, so a
 * day's numbers never run out (the counter is a BIGINT) and the number stays a VARCHAR(24). */
#define PUBLIC_NO_SEQ_MIN 4
#define PUBLIC_NO_SEQ_MAX 12
/* 1 when no is a public number of the kind ('R' repairs, 'T' returns): the letter, eight digits
 * of the date, a dash and the sequence, e.g. R20261126-0007 or R20261126-100000. */
int public_no_valid(const char *no, char kind);
/* A public number as typed, the way public_no_valid reads it: spaces around it dropped, the letter
 * upper case ("r20261126-0007 " -> "R20261126-0007"); anything else is copied (cut at 31 bytes). */
void public_no_normalise(const char *in, char out[32]);
/* The public number of kind for day (YYYYMMDD) and sequence seq, in the arena. */
const char *public_no_format(struct arena *a, char kind, const char *day, long long seq);
/* Copies in to out escaping the LIKE wildcards % and _ (and the escape character \), so text a
 * user typed matches literally in "LIKE CONCAT(?, '%')". out needs 2 * strlen(in) + 1 bytes. */
void like_escape(const char *in, char *out);
/* Parses a positive id without sign, spaces or leading zeros. Returns 1 and sets *out, or 0. */
int parse_id(const char *v, long long *out);

#endif
