/* A cmocka fixture shared by the unit tests: a fresh heap-allocated arena per test in *state. */
#ifndef AFTERSALES_ARENA_FIXTURE_H
#define AFTERSALES_ARENA_FIXTURE_H
#include <stdlib.h>
#include "arena.h"

static int arena_setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));
	if (!a)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int arena_teardown(void **state)
{
	struct arena *a = *state;
	arena_free(a);
	free(a);
	return 0;
}

#endif
