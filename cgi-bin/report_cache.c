/* Kept report results: a few slots, each owning an arena with a copy of its tables. */
#include "report_cache.h"
#include "clock.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLOTS 16
#define BUILD_WAIT_SECONDS 3

struct slot {
	char *key;                  /* NULL: empty */
	long long at_ms;
	struct arena *arena;        /* owns key's copy and the tables' text */
	struct report_result result;
};

static struct slot slots[SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER, build_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *copy_text(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/* A deep copy of the tables and markers of from into to's arena a (columns kept by address). */
static void result_copy(struct arena *a, const struct report_result *from, struct report_result *to)
{
	*to = *from;
	for (unsigned k = 0; k < from->n; k++) {
		const struct report_table *f = &from->t[k];
		struct report_table *t = &to->t[k];
		size_t cells = (size_t)f->nrows * f->ncols;
		t->name = copy_text(a, f->name);
		to->marker[k] = copy_text(a, from->marker[k]);
		t->cap = f->nrows;
		t->cells = arena_alloc(a, sizeof(char *) * (cells ? cells : 1));
		t->links = arena_alloc(a, sizeof(char *) * (cells ? cells : 1));
		t->row_attr = arena_alloc(a, sizeof(char *) * (f->nrows ? f->nrows : 1));
		for (size_t i = 0; i < cells; i++) {
			t->cells[i] = copy_text(a, f->cells[i]);
			t->links[i] = copy_text(a, f->links[i]);
		}
		for (unsigned i = 0; i < f->nrows; i++)
			t->row_attr[i] = copy_text(a, f->row_attr[i]);
	}
}

static int find(struct request *r, const char *key, int max_seconds, struct report_result *out)
{
	int found = 0;
	pthread_mutex_lock(&slots_lock);
	long long now = clock_ms();
	for (unsigned i = 0; i < SLOTS && !found; i++) {
		struct slot *s = &slots[i];
		if (!s->key || strcmp(s->key, key) || now - s->at_ms > max_seconds * 1000LL)
			continue;
		result_copy(&r->arena, &s->result, out);
		out->age_ms = now - s->at_ms;
		found = 1;
	}
	pthread_mutex_unlock(&slots_lock);
	return found;
}

static void keep(const char *key, const struct report_result *result)
{
	struct arena *a = malloc(sizeof(*a));
	if (!a)
		return;
	arena_init(a);
	struct slot fresh = {.key = arena_strdup(a, key), .arena = a};
	result_copy(a, result, &fresh.result);
	pthread_mutex_lock(&slots_lock);
	unsigned oldest = 0;
	for (unsigned i = 0; i < SLOTS; i++) {
		if (slots[i].key && !strcmp(slots[i].key, key)) {
			oldest = i;
			break;
		}
		if (!slots[i].key || slots[i].at_ms < slots[oldest].at_ms)
			oldest = i;
	}
	struct slot old = slots[oldest];
	fresh.at_ms = clock_ms();
	slots[oldest] = fresh;
	pthread_mutex_unlock(&slots_lock);
	if (old.arena) {
		arena_free(old.arena);
		free(old.arena);
	}
}

int report_cached(struct request *r, const char *key, int max_seconds, int fresh, report_build build, const void *ctx,
		  struct report_result *out)
{
	memset(out, 0, sizeof(*out));
	if (!fresh && find(r, key, max_seconds, out))
		return DB_OK;
	/* Wait for another build a few seconds at most: past that, build alongside it rather than let
	 * this request run into request_timeout (a year's report can take seconds). */
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += BUILD_WAIT_SECONDS;
	int locked = pthread_mutex_timedlock(&build_lock, &until) == 0;
	int st = DB_OK;
	if (fresh || !find(r, key, max_seconds, out)) {
		memset(out, 0, sizeof(*out));
		st = build(r, ctx, out);
		if (st == DB_OK)
			keep(key, out);
	}
	if (locked)
		pthread_mutex_unlock(&build_lock);
	return st;
}

struct report_table *report_result_add(struct report_result *out, const char *marker, const char *name,
				       const struct report_column *cols, unsigned ncols)
{
	if (out->n == REPORT_CACHE_TABLES)
		return NULL;
	out->marker[out->n] = marker;
	struct report_table *t = &out->t[out->n++];
	report_table_init(t, name, cols, ncols);
	return t;
}

const struct report_table *report_result_find(const struct report_result *out, const char *marker)
{
	for (unsigned i = 0; i < out->n; i++)
		if (out->marker[i] && !strcmp(out->marker[i], marker))
			return &out->t[i];
	return NULL;
}
