/* Validators of single values: pure functions, unit-tested in tests/unit/test_valid.c. */
#include "valid.h"
#include "roles.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>

size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

const char *valid_username(const char *v)
{
	size_t n = strlen(v);
	if (n < 3 || n > 32)
		return "用户名长度应为 3 到 32 个字符";
	if (!(v[0] >= 'a' && v[0] <= 'z'))
		return "用户名须以小写字母开头";
	for (size_t i = 0; i < n; i++) {
		char c = v[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			return "用户名只能包含小写字母、数字、下划线、点和连字符";
	}
	return NULL;
}

const char *valid_text_line(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "不能包含换行或控制字符";
	return NULL;
}

const char *valid_display_name(const char *v)
{
	size_t n = utf8_chars(v);
	if (n < 1 || n > 32)
		return "姓名长度应为 1 到 32 个字符";
	return valid_text_line(v) ? "姓名不能包含控制字符" : NULL;
}

const char *valid_role(const char *v)
{
	return role_from_code(v) ? NULL : "请选择有效的角色";
}

const char *valid_active_flag(const char *v)
{
	return strcmp(v, "0") && strcmp(v, "1") ? "请选择启用或停用" : NULL;
}

/* Plain decimal digits only, at most max_digits of them. Returns 1 and sets *out, or 0. */
static int digits_value(const char *v, size_t max_digits, long long *out)
{
	if (!v || !*v || strlen(v) > max_digits)
		return 0;
	long long n = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		n = n * 10 + (*p - '0');
	}
	*out = n;
	return 1;
}

int parse_id(const char *v, long long *out)
{
	return v && *v != '0' && digits_value(v, 18, out);
}

static size_t digits_only(const char *v, char *out, size_t cap, int *dashes)
{
	size_t n = 0;
	*dashes = 0;
	for (; *v; v++) {
		if (*v == ' ')
			continue;
		if (*v == '-') {
			(*dashes)++;
			if (n < cap)
				out[n++] = '-';
			continue;
		}
		if (*v < '0' || *v > '9')
			return 0;
		if (n < cap)
			out[n++] = *v;
		else
			return 0;
	}
	out[n] = '\0';
	return n;
}

/* Splits a landline into area code and number; returns 1 when it is one. */
static int landline_parts(const char *v, char area[8], char number[16], char ext[8])
{
	char buf[40];
	int dashes;
	if (!digits_only(v, buf, sizeof(buf) - 1, &dashes) || buf[0] != '0')
		return 0;
	char digits[40];
	size_t nd = 0;
	for (char *p = buf; *p; p++)
		if (*p != '-')
			digits[nd++] = *p;
	digits[nd] = '\0';
	const char *dash = strchr(buf, '-');
	size_t alen;
	if (dash) {
		alen = (size_t)(dash - buf);
	} else {
		/* Without a dash: 3-digit area codes start 01 or 02 (Beijing, Shanghai...), the rest have 4. */
		alen = (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
	}
	if (alen < 3 || alen > 4 || nd < alen + 7)
		return 0;
	memcpy(area, digits, alen);
	area[alen] = '\0';
	const char *rest = dash ? dash + 1 : buf + alen;
	const char *dash2 = strchr(rest, '-');
	size_t nlen = dash2 ? (size_t)(dash2 - rest) : strlen(rest);
	if (nlen < 7 || nlen > 8 || dashes > 2)
		return 0;
	memcpy(number, rest, nlen);
	number[nlen] = '\0';
	ext[0] = '\0';
	if (dash2) {
		size_t elen = strlen(dash2 + 1);
		if (elen < 1 || elen > 6 || !dash || strchr(dash2 + 1, '-'))
			return 0;
		memcpy(ext, dash2 + 1, elen + 1);
	}
	return 1;
}

/* A mobile number, also with China's country code before it as people type it: "+86 138…",
 * "86 138…", "+86-138…". */
static int is_mobile(const char *v, char out[12])
{
	char buf[40], d[40];
	int dashes;
	while (*v == ' ')
		v++;
	int plus = *v == '+';
	size_t n = digits_only(v + plus, buf, sizeof(buf) - 1, &dashes);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (buf[i] != '-')
			d[k++] = buf[i];
	d[k] = '\0';
	const char *m = d;
	if (k == 13 && d[0] == '8' && d[1] == '6') {
		m += 2;
		k -= 2;
	} else if (plus) {
		return 0;
	}
	if (k != 11 || m[0] != '1' || m[1] < '3' || m[1] > '9')
		return 0;
	memcpy(out, m, 12);
	return 1;
}

const char *valid_phone(const char *v)
{
	char m[12], area[8], number[16], ext[8];
	if (is_mobile(v, m) || landline_parts(v, area, number, ext))
		return NULL;
	return "请填写有效的手机号（11 位）或带区号的固定电话，如 010-12345678";
}

void phone_normalise(const char *v, char out[32])
{
	char m[12], area[8], number[16], ext[8];
	if (is_mobile(v, m))
		snprintf(out, 32, "%s", m);
	else if (landline_parts(v, area, number, ext))
		snprintf(out, 32, "%s-%s%s%s", area, number, ext[0] ? "-" : "", ext);
	else
		snprintf(out, 32, "%.31s", v);
}

void phone_mask(const char *phone, char out[32])
{
	size_t n = strlen(phone);
	if (n == 11 && phone[0] == '1') {
		snprintf(out, 32, "%.3s****%s", phone, phone + 7);
		return;
	}
	const char *dash = strchr(phone, '-');
	if (dash && n >= 4) {
		const char *end = strchr(dash + 1, '-');
		size_t numlen = end ? (size_t)(end - dash - 1) : strlen(dash + 1);
		if (numlen >= 4) {
			snprintf(out, 32, "%.*s-****%.4s", (int)(dash - phone), phone, dash + 1 + numlen - 4);
			return;
		}
	}
	snprintf(out, 32, "****");
}

const char *valid_email(const char *v)
{
	const char *at = strchr(v, '@');
	size_t n = strlen(v);
	if (!at || at == v || strchr(at + 1, '@') || n > 128 || !strchr(at + 1, '.') || v[n - 1] == '.' ||
	    at[1] == '.')
		return "请填写有效的电子邮箱地址";
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',' || *p == ';')
			return "请填写有效的电子邮箱地址";
	return NULL;
}

const char *valid_date(const char *v)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const char *msg = "请按 年-月-日 格式填写日期，如 2026-05-01";
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return msg;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			return msg;
	int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	int m = (v[5] - '0') * 10 + (v[6] - '0');
	int d = (v[8] - '0') * 10 + (v[9] - '0');
	if (y < 1990 || y > 2099 || m < 1 || m > 12)
		return msg;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	int max = mdays[m - 1] + (m == 2 && leap);
	if (d < 1 || d > max)
		return msg;
	return NULL;
}

int parse_money(const char *v, long long *cents)
{
	long long whole = 0;
	int digits = 0, frac_digits = 0, frac = 0;
	const char *p = v;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 7)
			return 0;
		whole = whole * 10 + (*p - '0');
	}
	if (!digits)
		return 0;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (++frac_digits > 2)
				return 0;
			frac = frac * 10 + (*p - '0');
		}
		if (!frac_digits)
			return 0;
		if (frac_digits == 1)
			frac *= 10;
	}
	if (*p)
		return 0;
	*cents = whole * 100 + frac;
	return 1;
}

int parse_int_range(const char *v, long long min, long long max, long long *out)
{
	long long n;
	if (!digits_value(v, 12, &n) || n < min || n > max)
		return 0;
	*out = n;
	return 1;
}

void public_no_normalise(const char *in, char out[32])
{
	while (*in == ' ' || *in == '\t')
		in++;
	size_t n = strlen(in);
	while (n && (in[n - 1] == ' ' || in[n - 1] == '\t'))
		n--;
	snprintf(out, 32, "%.*s", (int)(n < 31 ? n : 31), in);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

int public_no_valid(const char *no, char kind)
{
	size_t n = no ? strlen(no) : 0;
	if (n < 10 + PUBLIC_NO_SEQ_MIN || n > 10 + PUBLIC_NO_SEQ_MAX || no[0] != kind || no[9] != '-')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (i != 9 && (no[i] < '0' || no[i] > '9'))
			return 0;
	return 1;
}

const char *public_no_format(struct arena *a, char kind, const char *day, long long seq)
{
	return arena_printf(a, "%c%s-%0*lld", kind, day, PUBLIC_NO_SEQ_MIN, seq);
}

void like_escape(const char *in, char *out)
{
	for (; *in; in++) {
		if (*in == '%' || *in == '_' || *in == '\\')
			*out++ = '\\';
		*out++ = *in;
	}
	*out = '\0';
}

const char *money_input(struct arena *a, long long cents)
{
	return arena_printf(a, "%lld.%02lld", cents / 100, cents % 100);
}

const char *money_format(struct arena *a, long long cents)
{
	unsigned long long v = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	char digits[32], grouped[48];
	int n = snprintf(digits, sizeof(digits), "%llu", v / 100), k = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = 0;
	return arena_printf(a, "%s¥%s.%02llu", cents < 0 ? "-" : "", grouped, v % 100);
}

const char *utf8_prefix(struct arena *a, const char *s, size_t max)
{
	size_t i = 0;
	for (size_t n = 0; s[i] && n < max; n++)
		do
			i++;
		while ((s[i] & 0xC0) == 0x80);
	return arena_strndup(a, s, i);
}
