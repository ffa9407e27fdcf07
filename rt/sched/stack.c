/* stack.c: mmap'd goroutine stacks with guard pages (see stack.h). */
#include "stack.h"
#include "../diag/panic.h"

#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

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

void rc_stack_alloc(rc_stack *s, size_t size)
{
    size_t page = rc_page_size();
    size = (size + page - 1) & ~(page - 1);
    char *p = mmap(NULL, size + page, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p == MAP_FAILED)
        rc_fatal("out of memory allocating a goroutine stack (%zu bytes)", size);
    if (mprotect(p, page, PROT_NONE) != 0) {
        int e = errno;
        munmap(p, size + page);
        if (e == ENOMEM)
            rc_fatal("cannot allocate a goroutine stack guard page: too many memory "
                     "mappings (vm.max_map_count=%ld; each goroutine needs 2; raise it "
                     "with: sysctl -w vm.max_map_count=N)", max_map_count());
        rc_fatal("mprotect of a goroutine stack guard page failed (errno %d)", e);
    }
    s->lo = p + page;
    s->hi = p + page + size;
}

void rc_stack_free(rc_stack *s)
{
    size_t page = rc_page_size();
    munmap(s->lo - page, (size_t)(s->hi - s->lo) + page);
    s->lo = s->hi = NULL;
}
