/* Unit tests of the per-request bump allocator (cgi-bin/arena.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "arena_fixture.h"

#define ALIGNMENT _Alignof(max_align_t)

/* Under AddressSanitizer, let impossible mallocs return NULL (as libc does) instead of ending the
 * process, so test_huge_alloc_aborts sees the arena's own abort. Unused without ASan. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static int aligned(const void *p)
{
	return ((uintptr_t)p % ALIGNMENT) == 0;
}

static int all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

/* Sizes around the alignment, around the default chunk (16 KiB) and well past it. */
static const size_t SIZES[] = {
	0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 255, 1000, 4096,
	16383, 16384, 16385, 20000, 65536, 100001, 1 << 20,
};
#define NSIZES (sizeof(SIZES) / sizeof(SIZES[0]))

static void test_init_empty(void **state)
{
	struct arena *a = *state;
	assert_null(a->head);
}

/* Every allocation is aligned for max_align_t and fully zeroed, whatever came before it. */
static void test_alignment_and_zero(void **state)
{
	struct arena *a = *state;
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < NSIZES; i++) {
			size_t n = SIZES[i];
			unsigned char *p = arena_alloc(a, n);
			if (!p)
				fail_msg("round %d: arena_alloc(%zu) returned NULL", round, n);
			if (!aligned(p))
				fail_msg("round %d: arena_alloc(%zu) = %p is not aligned to %zu", round, n,
					 (void *)p, (size_t)ALIGNMENT);
			if (!all_zero(p, n))
				fail_msg("round %d: arena_alloc(%zu) is not zeroed", round, n);
			/* Dirty it so a reuse after reset would show stale bytes. */
			memset(p, 0xA5, n ? n : 1);
		}
		arena_reset(a);
	}
}

/* Interleaved odd sizes: each block keeps its own bytes (no overlap between blocks). */
static void test_no_overlap(void **state)
{
	struct arena *a = *state;
	enum { N = 600 };
	unsigned char *blocks[N];
	size_t sizes[N];
	for (size_t i = 0; i < N; i++) {
		sizes[i] = (i * 37) % 211 + 1;
		if (i % 97 == 0)
			sizes[i] = 20000; /* larger than a chunk now and then */
		blocks[i] = arena_alloc(a, sizes[i]);
		assert_true(aligned(blocks[i]));
		memset(blocks[i], (int)(i & 0xFF), sizes[i]);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < sizes[i]; k++)
			if (blocks[i][k] != (unsigned char)(i & 0xFF))
				fail_msg("block %zu (size %zu) byte %zu was overwritten", i, sizes[i], k);
}

static void test_zero_size_distinct(void **state)
{
	struct arena *a = *state;
	void *p = arena_alloc(a, 0);
	void *q = arena_alloc(a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
}

static void test_strdup(void **state)
{
	struct arena *a = *state;
	static const char *const cases[] = {
		"", "a", "hello world", "售后服务管理系统", "tab\there", "line\nbreak",
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *d = arena_strdup(a, cases[i]);
		assert_non_null(d);
		assert_ptr_not_equal(d, cases[i]);
		assert_string_equal(d, cases[i]);
	}
	/* A long string crosses the chunk size. */
	size_t n = 40000;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	big[n] = '\0';
	char *d = arena_strdup(a, big);
	assert_string_equal(d, big);
	free(big);
}

static void test_strndup(void **state)
{
	struct arena *a = *state;
	static const struct {
		const char *src;
		size_t n;
		const char *want;
	} cases[] = {
		{"hello", 0, ""},
		{"hello", 1, "h"},
		{"hello", 4, "hell"},
		{"hello", 5, "hello"},
		{"中文", 3, "中"},
		{"a=1; b=2", 3, "a=1"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *d = arena_strndup(a, cases[i].src, cases[i].n);
		assert_non_null(d);
		if (strlen(d) != strlen(cases[i].want) || strcmp(d, cases[i].want) != 0)
			fail_msg("case %zu: strndup(\"%s\", %zu) = \"%s\", want \"%s\"", i, cases[i].src,
				 cases[i].n, d, cases[i].want);
	}
	/* The source need not be terminated: only n bytes are read. */
	char *raw = malloc(4);
	assert_non_null(raw);
	memcpy(raw, "abcd", 4);
	char *d = arena_strndup(a, raw, 4);
	assert_string_equal(d, "abcd");
	free(raw);
}

static void test_printf(void **state)
{
	struct arena *a = *state;
	assert_string_equal(arena_printf(a, "%s", ""), "");
	assert_string_equal(arena_printf(a, "/admin/users/%lld", 42LL), "/admin/users/42");
	assert_string_equal(arena_printf(a, "%d-%s-%c", -7, "中", 'x'), "-7-中-x");
	assert_string_equal(arena_printf(a, "%05.1f|%%|%x", 3.14159, 255u), "003.1|%|ff");

	/* Output much larger than a chunk. */
	char *s = arena_printf(a, "[%*s]", 50000, "x");
	assert_int_equal(strlen(s), 50002);
	assert_int_equal(s[0], '[');
	assert_int_equal(s[50000], 'x');
	assert_int_equal(s[50001], ']');
	assert_true(aligned(s));
}

/* An allocation bigger than the chunk gets its own block; small allocations keep working after it. */
static void test_big_allocations(void **state)
{
	struct arena *a = *state;
	char *small1 = arena_strdup(a, "before");
	size_t big_n = 5u * 16384u + 3u;
	unsigned char *big = arena_alloc(a, big_n);
	assert_true(aligned(big));
	assert_true(all_zero(big, big_n));
	memset(big, 0x5A, big_n);
	char *small2 = arena_strdup(a, "after");
	unsigned char *big2 = arena_alloc(a, big_n);
	assert_true(all_zero(big2, big_n));
	memset(big2, 0x33, big_n);
	assert_string_equal(small1, "before");
	assert_string_equal(small2, "after");
	for (size_t i = 0; i < big_n; i++)
		if (big[i] != 0x5A)
			fail_msg("big block byte %zu overwritten", i);
}

/* Reset keeps one default-sized chunk: the next request reuses it and sees zeroed memory. */
static void test_reset_reuse(void **state)
{
	struct arena *a = *state;
	unsigned char *first = arena_alloc(a, 64);
	memset(first, 0xFF, 64);
	for (int i = 0; i < 100; i++)
		arena_alloc(a, 1000); /* several chunks */
	arena_reset(a);
	assert_non_null(a->head);
	unsigned char *again = arena_alloc(a, 64);
	assert_ptr_equal(again, first);
	assert_true(all_zero(again, 64));

	/* Many request cycles do not grow anything and always give clean memory. */
	for (int cycle = 0; cycle < 50; cycle++) {
		for (int i = 0; i < 40; i++) {
			unsigned char *p = arena_alloc(a, 997);
			assert_true(all_zero(p, 997));
			memset(p, 0xEE, 997);
		}
		arena_reset(a);
	}
}

/* When the oldest chunk is a big one, reset drops it instead of pinning it. */
static void test_reset_after_big_first(void **state)
{
	struct arena *a = *state;
	unsigned char *big = arena_alloc(a, 1 << 20);
	memset(big, 1, 1 << 20);
	arena_reset(a);
	/* The arena must still work. */
	char *s = arena_strdup(a, "ok");
	assert_string_equal(s, "ok");
	unsigned char *big2 = arena_alloc(a, 1 << 20);
	assert_true(all_zero(big2, 1 << 20));
}

static void test_reset_and_free_empty(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	arena_reset(&a);
	assert_null(a.head);
	arena_free(&a);
	assert_null(a.head);
	arena_free(&a); /* twice is harmless */
	assert_null(a.head);

	/* Free after use, then the arena is usable again after a fresh init. */
	arena_strdup(&a, "x");
	arena_alloc(&a, 100000);
	arena_free(&a);
	assert_null(a.head);
	arena_init(&a);
	assert_string_equal(arena_strdup(&a, "y"), "y");
	arena_free(&a);
	assert_null(a.head);
}

/* Runs arena_alloc(n) in a child whose stderr goes to a pipe; returns the child's wait status and
 * what it printed (libc's heap-corruption reports, sanitizer reports). */
static int alloc_in_child(size_t n, char *err, size_t errsize)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		/* No core files from the expected abort. */
		struct rlimit no_core = {0, 0};
		setrlimit(RLIMIT_CORE, &no_core);
		struct arena a;
		arena_init(&a);
		unsigned char *p = arena_alloc(&a, n);
		/* Only reached if the impossible allocation "succeeded". */
		(void)p;
		_exit(0);
	}
	close(fds[1]);
	size_t used = 0;
	for (;;) {
		char buf[512];
		ssize_t got = read(fds[0], buf, sizeof(buf));
		if (got <= 0)
			break;
		for (ssize_t i = 0; i < got && used + 1 < errsize; i++)
			err[used++] = buf[i];
	}
	err[used] = '\0';
	close(fds[0]);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* The header promises an abort when memory cannot be had. Sizes close to SIZE_MAX must abort
 * cleanly (the arena's own abort()), not wrap the chunk size computation, write past a tiny
 * block and die of heap corruption (glibc's "malloc(): ..." or an AddressSanitizer ERROR report).
 * AddressSanitizer's WARNING that it refused the huge allocation is expected. */
static void test_huge_alloc_aborts(void **state)
{
	(void)state;
	static const size_t sizes[] = {
		SIZE_MAX,
		SIZE_MAX - 1,
		SIZE_MAX - ALIGNMENT,           /* passes the overflow check in arena_alloc */
		SIZE_MAX - ALIGNMENT - 64,
		SIZE_MAX / 2,
	};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char err[4096];
		int status = alloc_in_child(sizes[i], err, sizeof(err));
		assert_int_not_equal(status, -1);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT)
			fail_msg("arena_alloc(%zu): child %s %d, want SIGABRT; stderr: %s", sizes[i],
				 WIFSIGNALED(status) ? "killed by signal" : "exited with",
				 WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), err);
		if (strstr(err, "ERROR") || strstr(err, "malloc()"))
			fail_msg("arena_alloc(%zu): aborted, but not by the arena: %s", sizes[i], err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_empty, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_alignment_and_zero, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_no_overlap, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_zero_size_distinct, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_strdup, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_strndup, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_printf, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_big_allocations, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_reset_reuse, arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_reset_after_big_first, arena_setup, arena_teardown),
		cmocka_unit_test(test_reset_and_free_empty),
		cmocka_unit_test(test_huge_alloc_aborts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
