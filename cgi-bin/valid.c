/* Validators of single values: pure functions, unit-tested in tests/unit/test_valid.c. */
#include "valid.h"
#include "roles.h"

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

const char *valid_display_name(const char *v)
{
	size_t n = utf8_chars(v);
	if (n < 1 || n > 32)
		return "姓名长度应为 1 到 32 个字符";
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "姓名不能包含控制字符";
	return NULL;
}

const char *valid_role(const char *v)
{
	return role_from_code(v) ? NULL : "请选择有效的角色";
}

int parse_id(const char *v, long long *out)
{
	if (!v || !*v || *v == '0' || strlen(v) > 18)
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
