/* Matching a method and path against the route table. */
#ifndef AFTERSALES_ROUTER_H
#define AFTERSALES_ROUTER_H
#include <stddef.h>

struct request;
typedef int (*page_fn)(struct request *r);

struct route {
	int methods;          /* enum http_method bits; GET admits HEAD too */
	const char *pattern;  /* literal path; a segment "#" matches a positive integer */
	page_fn handler;      /* returns 0 or a db_status when the database failed */
	int roles;            /* 0: public; otherwise the roles admitted */
};

extern const struct route ROUTES[];
extern const size_t ROUTES_N;

/* Returns the route for method and path, storing a '#' segment in *id. When the path is known but
 * the method is not, returns NULL and sets *allowed to the methods it takes (for 405); when the
 * path is unknown, returns NULL with *allowed = 0 (404). */
const struct route *route_find(const struct route *table, size_t n, int method, const char *path,
			       long long *id, int *allowed);

#endif
