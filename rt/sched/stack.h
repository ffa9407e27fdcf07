/*
 * stack.h: goroutine stacks. Each stack has a guard page below it, so an overflow
 * faults (reported as "fatal error: stack overflow") instead of corrupting a
 * neighbour. Stacks are carved from batch mappings (one mmap for many stacks: the
 * system calls and mapping count of a spawn burst are per batch, not per goroutine).
 * Pages are committed on first touch, so a parked goroutine costs only the pages it
 * used. Freed stacks are kept for reuse by the goroutine cache in goroutine.c (a
 * cached goroutine keeps its stack), not here.
 *
 * Guard pages are installed with madvise(MADV_GUARD_INSTALL) (Linux 6.13+), which
 * does not split the mapping: adjacent batches merge and 1M goroutines need no
 * special setting. On older kernels they fall back to mprotect, and then each stack
 * costs two kernel memory mappings: 1M goroutines need vm.max_map_count above 2M (the
 * default is 65530). rc_stack_alloc reports this as a fatal error naming the setting
 * rather than failing obscurely.
 */
#ifndef RC_STACK_H
#define RC_STACK_H

#include <stddef.h>

typedef struct rc_stack {
    char *lo, *hi;     /* usable stack [lo, hi); the guard page is [lo - page, lo) */
} rc_stack;

void   rc_stack_alloc(rc_stack *s, size_t size);
/* n stacks of size bytes from one mapping, into s[0..n). Each can be freed alone. */
void   rc_stack_alloc_batch(rc_stack *s, int n, size_t size);
/* Frees n stacks (reordering s), one munmap per run of adjacent ones: every munmap is
 * a TLB shoot-down on every CPU the process runs on, and stacks of one batch that die
 * together are adjacent. */
void   rc_stack_free_many(rc_stack **s, int n);
size_t rc_page_size(void);

#endif
