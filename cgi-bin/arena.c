/* Per-request bump allocator. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN 16384
#define ALIGN _Alignof(max_align_t)

/* Under AddressSanitizer the unused part of a chunk is poisoned and each block is followed by a
 * poisoned gap, so a read or write past a block is reported as it would be for malloc. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define REDZONE ALIGN
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define REDZONE 0
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	_Alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
}

static struct arena_chunk *chunk_new(size_t need)
{
	size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;
	if (size > SIZE_MAX - sizeof(struct arena_chunk))
		abort();
	struct arena_chunk *c = malloc(sizeof(*c) + size);
	if (!c)
		abort();
	c->next = NULL;
	c->size = size;
	c->used = 0;
	POISON(c->data, size);
	return c;
}

void *arena_alloc(struct arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ALIGN - REDZONE)
		abort();
	size_t rounded = ((n + ALIGN - 1) & ~(size_t)(ALIGN - 1)) + REDZONE;
	struct arena_chunk *c = a->head;
	if (!c || c->size - c->used < rounded) {
		c = chunk_new(rounded);
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += rounded;
	UNPOISON(p, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	char *d = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head;
	if (!c)
		return;
	while (c->next) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	/* Keep the oldest chunk only if it is the default size, so one huge request does not pin memory. */
	if (c->size > CHUNK_MIN) {
		free(c);
		a->head = NULL;
		return;
	}
	c->used = 0;
	POISON(c->data, c->size);
	a->head = c;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
	free(a->head);
	a->head = NULL;
}

void arena_text_put(struct arena_text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		while (t->len + n + 1 > cap)
			cap *= 2;
		char *grown = arena_alloc(t->arena, cap);
		if (t->len)
			memcpy(grown, t->buf, t->len);
		t->buf = grown;
		t->cap = cap;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

void arena_text_puts(struct arena_text *t, const char *s)
{
	arena_text_put(t, s, strlen(s));
}
