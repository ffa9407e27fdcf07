/* stack.c: mmap'd goroutine stacks with guard pages, allocated in batches (see stack.h). */
#include "stack.h"
#include "../diag/panic.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102 /* Linux 6.13 */
#endif

size_t rc_page_size(void)
{
    static size_t page;
    if (!page)
        page = (size_t)sysconf(_SC_PAGESIZE);
    return page;
}

static long max_map_count(void)
{
    long v = -1;
    FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
    if (f) {
        if (fscanf(f, "%ld", &v) != 1)
            v = -1;
        fclose(f);
    }
    return v;
}

/* 0: not tried yet, 1: MADV_GUARD_INSTALL works, 2: use mprotect. Racy first use is
 * harmless: both methods give the same fault on the guard page. */
static _Atomic int guard_mode;

/* Makes [p, p + page) fault on any access. */
static void guard(char *p, size_t page)
{
    int mode = atomic_load_explicit(&guard_mode, memory_order_relaxed);
    if (mode != 2) {
        if (madvise(p, page, MADV_GUARD_INSTALL) == 0) {
            if (mode == 0)
                atomic_store_explicit(&guard_mode, 1, memory_order_relaxed);
            return;
        }
        if (errno != EINVAL) /* EINVAL: kernel without guard regions */
            rc_fatal("madvise(MADV_GUARD_INSTALL) of a goroutine stack guard page failed "
                     "(errno %d)", errno);
        atomic_store_explicit(&guard_mode, 2, memory_order_relaxed);
    }
    if (mprotect(p, page, PROT_NONE) != 0) {
        if (errno == ENOMEM)
            rc_fatal("cannot allocate a goroutine stack guard page: too many memory "
                     "mappings (vm.max_map_count=%ld; on this kernel each goroutine needs "
                     "2; raise it with: sysctl -w vm.max_map_count=N)", max_map_count());
        rc_fatal("mprotect of a goroutine stack guard page failed (errno %d)", errno);
    }
}

void rc_stack_alloc_batch(rc_stack *s, int n, size_t size)
{
    size_t page = rc_page_size();
    size = (size + page - 1) & ~(page - 1);
    size_t slot = size + page;
    char *p = mmap(NULL, slot * (size_t)n, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p == MAP_FAILED)
        rc_fatal("out of memory allocating a goroutine stack (%zu bytes)", size);
    for (int i = 0; i < n; i++, p += slot) {
        guard(p, page);
        s[i].lo = p + page;
        s[i].hi = p + slot;
    }
}

void rc_stack_alloc(rc_stack *s, size_t size)
{
    rc_stack_alloc_batch(s, 1, size);
}


static int by_lo(const void *a, const void *b)
{
    const char *x = (*(rc_stack *const *)a)->lo, *y = (*(rc_stack *const *)b)->lo;
    return (x > y) - (x < y);
}

void rc_stack_free_many(rc_stack **s, int n)
{
    size_t page = rc_page_size();
    qsort(s, (size_t)n, sizeof *s, by_lo);
    for (int i = 0; i < n;) {
        char *lo = s[i]->lo - page, *hi = s[i]->hi; /* the run [lo, hi), guard included */
        int j = i + 1;
        while (j < n && s[j]->lo - page == hi)
            hi = s[j++]->hi;
        munmap(lo, (size_t)(hi - lo));
        for (; i < j; i++)
            s[i]->lo = s[i]->hi = NULL;
    }
}
