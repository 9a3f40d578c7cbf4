/* Route matching; the table itself lives in routes.c. */
#include "router.h"
#include "request.h"

#include <string.h>

/* Matches one '#' segment: a positive integer without leading zeros, at most 18 digits. */
static int match_number(const char *s, size_t len, long long *id)
{
	if (len == 0 || len > 18 || s[0] == '0')
		return 0;
	long long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*id = v;
	return 1;
}

static int path_matches(const char *pattern, const char *path, long long *id)
{
	while (*pattern && *path) {
		if (*pattern == '#') {
			size_t len = strcspn(path, "/");
			if (!match_number(path, len, id))
				return 0;
			pattern++;
			path += len;
		} else if (*pattern++ != *path++) {
			return 0;
		}
	}
	return *pattern == '\0' && *path == '\0';
}

const struct route *route_find(const struct route *table, size_t n, int method, const char *path,
			       long long *id, int *allowed)
{
	*allowed = 0;
	for (size_t i = 0; i < n; i++) {
		long long found = 0;
		if (!path_matches(table[i].pattern, path, &found))
			continue;
		int methods = table[i].methods;
		if (methods & M_GET)
			methods |= M_HEAD;
		if (methods & method) {
			*id = found;
			return &table[i];
		}
		*allowed |= methods;
	}
	return NULL;
}
