/* shadow.c: the two-level shadow map (layout in shadow.h). */
#include "alloc.h"
#include "shadow.h"
#include "../diag/panic.h"

#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>

#define NREGIONS ((size_t)1 << (RC_ADDR_BITS - RC_REGION_SHIFT))
/* A region's cells in either tier */
#define REGION_SHADOW_BYTES ((RC_REGION_SIZE / 8) * RC_TIER_CELLS * sizeof(rc_cell))

_Atomic(rc_cell *) *rc_shadow_dir, *rc_shadow_spill_dir;

static void *map_noreserve(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        rc_fatal("race: cannot map %zu bytes of shadow memory", n);
    return p;
}

void rc_shadow_init(void)
{
    if (!rc_shadow_dir) {
        rc_shadow_spill_dir = map_noreserve(NREGIONS * sizeof *rc_shadow_spill_dir);
        rc_shadow_dir = map_noreserve(NREGIONS * sizeof *rc_shadow_dir);
    }
}

#define HUGE_PAGE ((uintptr_t)2 << 20)

/* A region's cells, aligned to a huge page so that rc_shadow_dense can use them all. */
static rc_cell *map_region(void)
{
    char *p = map_noreserve(REGION_SHADOW_BYTES + HUGE_PAGE);
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    if (a > (uintptr_t)p)
        munmap(p, a - (uintptr_t)p);
    munmap((char *)a + REGION_SHADOW_BYTES, (uintptr_t)p + HUGE_PAGE - a);
    return (rc_cell *)a;
}

rc_cell *rc_shadow_region(_Atomic(rc_cell *) *dir, uintptr_t addr)
{
    size_t r = (addr >> RC_REGION_SHIFT) & (NREGIONS - 1);
    rc_cell *fresh = map_region();
    rc_cell *expected = NULL;
    if (!atomic_compare_exchange_strong(&dir[r], &expected, fresh)) {
        munmap(fresh, REGION_SHADOW_BYTES); /* another thread won */
        return expected;
    }
    return fresh;
}

/* Calls f on the cells of the words of [addr, stop), one region's, in each of the
 * region's first planes planes (shadow.h): the cells from..to (bytes). */
static inline void each_plane(rc_cell *base, int planes, uintptr_t addr, uintptr_t stop,
                              void (*f)(char *from, char *to))
{
    for (int k = 0; k < planes; k++) {
        rc_cell *plane = base + (size_t)k * RC_REGION_WORDS;
        f((char *)(plane + ((addr & (RC_REGION_SIZE - 1)) >> 3)),
          (char *)(plane + ((stop - 1) & (RC_REGION_SIZE - 1)) / 8 + 1));
    }
}

/* Calls f on the shadow of [addr, addr + size) in the tier of dir, in its first
 * planes planes, one region's part of a plane at a time (each_plane). Regions not yet
 * mapped are created if create, else skipped. */
static void for_each_part(_Atomic(rc_cell *) *dir, uintptr_t addr, size_t size, bool create,
                          int planes, void (*f)(char *from, char *to))
{
    uintptr_t end = addr + size;
    while (addr < end) {
        size_t r = (addr >> RC_REGION_SHIFT) & (NREGIONS - 1);
        uintptr_t region_end = (addr | (RC_REGION_SIZE - 1)) + 1;
        uintptr_t stop = end < region_end ? end : region_end;
        rc_cell *base = atomic_load(&dir[r]);
        if (!base && create)
            base = rc_shadow_region(dir, addr);
        if (base)
            each_plane(base, planes, addr, stop, f);
        addr = stop;
    }
}

/* The huge pages that from..to touches, the partial ones at its ends too (a region's
 * cells are huge-page aligned): the ends would otherwise be 4 KiB pages, each first
 * read (the zero page) and then written (a copy and a TLB shootdown IPI), and a dense
 * block fills them anyway. */
static void dense_part(char *from, char *to)
{
    uintptr_t a = (uintptr_t)from & ~(HUGE_PAGE - 1);
    uintptr_t b = ((uintptr_t)to + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    madvise((void *)a, b - a, MADV_HUGEPAGE); /* advice: failure is harmless */
}

void rc_shadow_dense(uintptr_t addr, size_t size)
{
    if (rc_shadow_dir && size >= RC_SHADOW_DENSE_MIN)
        for_each_part(rc_shadow_dir, addr, size, true, RC_TIER_CELLS, dense_part);
}

static void no_part(char *from, char *to) { (void)from; (void)to; }

void rc_shadow_reserve(uintptr_t addr, size_t size)
{
    if (rc_shadow_dir)
        for_each_part(rc_shadow_dir, addr & ~(uintptr_t)7, size + (addr & 7), true, 1, no_part);
}

static void prefault_part(char *from, char *to)
{
    for (char *p = (char *)((uintptr_t)from & ~(uintptr_t)4095); p < to; p += 4096) {
        /* a write that changes nothing: a CAS of 0 to 0 (compilers turn an RMW that
         * changes nothing into a load) */
        rc_cell zero = 0;
        atomic_compare_exchange_strong_explicit((_Atomic rc_cell *)(p < from ? from : p),
                                                &zero, 0, memory_order_relaxed,
                                                memory_order_relaxed);
    }
}

void rc_shadow_prefault(uintptr_t addr, size_t size)
{
    if (rc_shadow_dir)
        for_each_part(rc_shadow_dir, addr & ~(uintptr_t)7, size + (addr & 7), true, RC_TIER_CELLS,
                      prefault_part);
}

#define CLEAR_INLINE 256 /* bytes of cells cleared by stores, not a call */

static void clear_part(char *from, char *to)
{
    size_t n = (size_t)(to - from);
    if (n <= CLEAR_INLINE) { /* an argument block, a stack top: a few lines */
        for (_Atomic rc_cell *c = (_Atomic rc_cell *)from; (char *)c < to; c++)
            atomic_store_explicit(c, 0, memory_order_relaxed);
        return;
    }
    if (n >= 1024 * 1024) { /* below this, memset beats a TLB shootdown */
        /* whole pages: give them back (they read as zero again) */
        uintptr_t pa = ((uintptr_t)from + 4095) & ~(uintptr_t)4095;
        uintptr_t pb = (uintptr_t)to & ~(uintptr_t)4095;
        rc_libc_memset(from, 0, pa - (uintptr_t)from);
        madvise((void *)pa, pb - pa, MADV_DONTNEED);
        rc_libc_memset((void *)pb, 0, (uintptr_t)to - pb);
    } else {
        rc_libc_memset(from, 0, n);
    }
}

/* The 8 words' cells at w in each plane of region base. */
static inline void clear_words8(rc_cell *base, size_t w)
{
    for (int k = 0; k < RC_TIER_CELLS; k++)
        for (int i = 0; i < 8; i++)
            atomic_store_explicit((_Atomic rc_cell *)&base[(size_t)k * RC_REGION_WORDS + w + i], 0,
                                  memory_order_relaxed);
}

void rc_shadow_clear_line(uintptr_t addr)
{
    size_t r = rc_shadow_region_of(addr);
    rc_cell *prim = atomic_load_explicit(&rc_shadow_dir[r], memory_order_acquire);
    if (!prim)
        return;
    size_t w = (addr & (RC_REGION_SIZE - 1)) >> 3;
    rc_cell *spill = atomic_load_explicit(&rc_shadow_spill_dir[r], memory_order_acquire);
    if (spill) /* spill cells first (see rc_shadow_clear) */
        clear_words8(spill, w);
    clear_words8(prim, w);
}

void rc_shadow_clear(uintptr_t addr, size_t size)
{
    /* spill cells first: a word's spill cells are read only while its primary cells
     * say so, so none from before the clear can be read after it */
    uintptr_t a = addr & ~(uintptr_t)7, end = addr + size;
    if (size && !((a ^ (end - 1)) >> RC_REGION_SHIFT)) {
        /* within one region (a goroutine's stack top, its argument block, most heap
         * blocks): no walk. A region has spill cells only if it has primary ones. */
        size_t r = rc_shadow_region_of(a);
        rc_cell *prim = atomic_load_explicit(&rc_shadow_dir[r], memory_order_acquire);
        if (!prim)
            return;
        rc_cell *spill = atomic_load_explicit(&rc_shadow_spill_dir[r], memory_order_acquire);
        if (spill)
            each_plane(spill, RC_TIER_CELLS, a, end, clear_part);
        each_plane(prim, RC_TIER_CELLS, a, end, clear_part);
        return;
    }
    for_each_part(rc_shadow_spill_dir, a, size + (addr & 7), false, RC_TIER_CELLS, clear_part);
    for_each_part(rc_shadow_dir, a, size + (addr & 7), false, RC_TIER_CELLS, clear_part);
}
