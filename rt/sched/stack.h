/*
 * stack.h: goroutine stacks. Each stack is its own mmap with a PROT_NONE guard page
 * below it, so an overflow faults (reported as "fatal error: stack overflow") instead
 * of corrupting a neighbour. Pages are committed on first touch, so a parked goroutine
 * costs only the pages it used. Freed stacks are kept for reuse by the goroutine cache
 * in proc.c (a cached goroutine keeps its stack), not here.
 *
 * Each stack costs two kernel memory mappings; 1M goroutines need vm.max_map_count
 * above 2M (the default is 65530). rc_stack_alloc reports this as a fatal error naming
 * the setting rather than failing obscurely.
 */
#ifndef RC_STACK_H
#define RC_STACK_H

#include <stddef.h>

typedef struct rc_stack {
    char *lo, *hi;     /* usable stack [lo, hi); the guard page is [lo - page, lo) */
} rc_stack;

void   rc_stack_alloc(rc_stack *s, size_t size);
void   rc_stack_free(rc_stack *s);
size_t rc_page_size(void);

#endif
