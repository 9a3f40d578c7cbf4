/* Per-request bump allocator: a request allocates freely and arena_reset frees it all in one place. */
#ifndef AFTERSALES_ARENA_H
#define AFTERSALES_ARENA_H
#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;   /* newest chunk first; the last one is kept across resets */
};

void arena_init(struct arena *a);
/* Returns zeroed memory aligned for any type; aborts when the system is out of memory
 * (the supervisor restarts the worker, which is the only sane recovery). */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text that grows in an arena: a download's body, a feed. Start it zeroed with .arena set; buf is
 * NUL-terminated after the first put. */
struct arena_text {
	struct arena *arena;
	char *buf;
	size_t len, cap;
};
void arena_text_put(struct arena_text *t, const char *s, size_t n);
void arena_text_puts(struct arena_text *t, const char *s);

/* Frees everything allocated since init, keeping one chunk for the next request. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
