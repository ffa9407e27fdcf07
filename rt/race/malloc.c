/*
 * malloc.c: the heap under detection. malloc and friends are interposed (this static
 * library defines them; glibc's own are reached as __libc_*):
 *   - a freed block's shadow and sync objects are forgotten, so memory freed by one
 *     goroutine and reused by another never looks like a race (scenario N14);
 *   - free (and realloc) write the block: a free racing with an access is reported;
 *   - live blocks are remembered with their size, allocating goroutine and stack, so
 *     a report can say "Location is heap block of size 16 at 0x... allocated by
 *     goroutine 7:" with that stack.
 * The block table is a hash keyed by block start, in stripes with their own locks; it
 * allocates with __libc_malloc so it never re-enters itself. The allocation stack's
 * top frame is the caller of malloc (or of strdup: intercept.c remembers its blocks
 * through rc_race_heap_remember).
 *
 * Blocks allocated off-goroutine once the detector runs (the timer thread growing its
 * heap, threads the runtime did not create) are remembered too, without an owner
 * (goid -1): reports do not name them, but reach.c must see every live block.
 * rc_race_heap_freeze holds every stripe, so no tracked block is allocated or freed
 * (malloc and free wait) while reach.c reads them (rc_race_heap_blocks).
 */
#include "race.h"
#include "shadow.h"
#include "../core/spin.h"

#include <malloc.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"
#include <uthash.h>

void *__libc_memalign(size_t, size_t);

void rc_race_heap_remember(void *p, size_t n, uintptr_t pc);
rc_g *rc_intercept_checked(uintptr_t pc); /* intercept.c */

#define STRIPES 64
#define MAX_ALLOC_STACK 32

typedef struct block {
    uintptr_t      addr;
    size_t         size;
    int64_t        goid;      /* 0: before the detector started; -1: off-goroutine */
    uint32_t       depth;
    uintptr_t      stack[];   /* innermost first */
} block;

typedef struct entry { uintptr_t addr; block *b; UT_hash_handle hh; } entry;

static struct { _Atomic uint32_t lock; entry *table; } stripes[STRIPES];

static unsigned stripe_of(uintptr_t a) { return (unsigned)(((a >> 4) * 0x9E3779B97F4A7C15ULL) >> 58); }

void rc_race_heap_remember(void *p, size_t n, uintptr_t pc)
{
    rc_rg *rg = rc_race_cur();
    if (!p || (!rg && !rc_shadow_dir))
        return;
    if (n >= RC_SHADOW_DENSE_MIN) /* huge pages: one double fault per 512 KiB */
        rc_shadow_dense((uintptr_t)p, n);
    else
        rc_shadow_prefault((uintptr_t)p, n);
    uint32_t depth = !rg ? 0 : rg->depth + 1 < MAX_ALLOC_STACK ? rg->depth + 1 : MAX_ALLOC_STACK;
    block *b = __libc_malloc(sizeof *b + depth * sizeof(uintptr_t));
    entry *e = __libc_malloc(sizeof *e);
    if (!b || !e) {
        __libc_free(b);
        __libc_free(e);
        return;
    }
    b->addr = (uintptr_t)p;
    b->size = n;
    b->goid = !rg ? -1 : rg->is_main ? 1 : rg->goid;
    b->depth = depth;
    if (depth)
        b->stack[0] = pc;
    for (uint32_t i = 1; i < depth; i++)
        b->stack[i] = rg->stk[rg->depth - i];
    e->addr = b->addr;
    e->b = b;
    unsigned s = stripe_of(e->addr);
    rc_spin_lock(&stripes[s].lock);
    entry *old;
    HASH_FIND(hh, stripes[s].table, &e->addr, sizeof e->addr, old);
    if (old) { /* a block we never saw freed (freed outside our free): replace it */
        HASH_DEL(stripes[s].table, old);
        __libc_free(old->b);
        __libc_free(old);
    }
    HASH_ADD(hh, stripes[s].table, addr, sizeof e->addr, e);
    rc_spin_unlock(&stripes[s].lock);
}

static void forget(void *p)
{
    if (!p || !rc_shadow_dir)
        return;
    size_t n = malloc_usable_size(p);
    rc_shadow_clear((uintptr_t)p, n);
    rc_race_sync_forget((uintptr_t)p, n);
    uintptr_t a = (uintptr_t)p;
    unsigned s = stripe_of(a);
    rc_spin_lock(&stripes[s].lock);
    entry *e;
    HASH_FIND(hh, stripes[s].table, &a, sizeof a, e);
    if (e)
        HASH_DEL(stripes[s].table, e);
    rc_spin_unlock(&stripes[s].lock);
    if (e) {
        __libc_free(e->b);
        __libc_free(e);
    }
}

bool rc_race_find_block(uintptr_t addr, uintptr_t *start, size_t *size, int64_t *goid,
                        uintptr_t *stack, uint32_t *depth)
{
    /* reports only: a scan of every live block */
    bool found = false;
    for (int s = 0; s < STRIPES && !found; s++) {
        rc_spin_lock(&stripes[s].lock);
        for (entry *e = stripes[s].table; e; e = e->hh.next) {
            block *b = e->b;
            if (b->goid >= 0 && addr >= b->addr && addr < b->addr + (b->size ? b->size : 1)) {
                *start = b->addr;
                *size = b->size;
                *goid = b->goid;
                *depth = b->depth;
                memcpy(stack, b->stack, b->depth * sizeof *stack);
                found = true;
                break;
            }
        }
        rc_spin_unlock(&stripes[s].lock);
    }
    return found;
}

void rc_race_heap_freeze(void)
{
    for (int s = 0; s < STRIPES; s++)
        rc_spin_lock(&stripes[s].lock);
}

void rc_race_heap_thaw(void)
{
    for (int s = STRIPES - 1; s >= 0; s--)
        rc_spin_unlock(&stripes[s].lock);
}

/* Live blocks (frozen) */
size_t rc_race_heap_count(void)
{
    size_t n = 0;
    for (int s = 0; s < STRIPES; s++)
        n += HASH_COUNT(stripes[s].table);
    return n;
}

/* The first max live blocks as [lo[i], hi[i]): start and end, unordered (frozen). */
size_t rc_race_heap_blocks(uintptr_t *lo, uintptr_t *hi, size_t max)
{
    size_t n = 0;
    for (int s = 0; s < STRIPES; s++)
        for (entry *e = stripes[s].table; e && n < max; e = e->hh.next) {
            lo[n] = e->b->addr;
            hi[n] = e->b->addr + e->b->size;
            n++;
        }
    return n;
}

void *malloc(size_t n)
{
    void *p = __libc_malloc(n);
    rc_race_heap_remember(p, n, RC_CALLER_PC());
    return p;
}

void *calloc(size_t a, size_t b)
{
    void *p = __libc_calloc(a, b);
    rc_race_heap_remember(p, a * b, RC_CALLER_PC());
    return p;
}

/* Freeing writes the block, as in TSan: a free racing with an access to the block is
 * a race. Only its first FREE_CHECKED bytes are checked (as TSan does): checking a
 * large block would commit shadow for all of it, touched by the program or not. */
#define FREE_CHECKED 1024

static void freeing(void *p, uintptr_t pc)
{
    rc_g *g = p ? rc_intercept_checked(pc) : NULL;
    if (g) {
        size_t n = malloc_usable_size(p);
        rc_race_access_hook(g, p, n < FREE_CHECKED ? n : FREE_CHECKED, true, pc);
    }
    forget(p);
}

void free(void *p)
{
    freeing(p, RC_CALLER_PC());
    __libc_free(p);
}

void *realloc(void *p, size_t n)
{
    if (!p) {
        void *q = __libc_malloc(n);
        rc_race_heap_remember(q, n, RC_CALLER_PC());
        return q;
    }
    /* the old block is gone either way: if it moves, its old place may be reused */
    freeing(p, RC_CALLER_PC());
    void *q = __libc_realloc(p, n);
    rc_race_heap_remember(q ? q : p, q ? n : malloc_usable_size(p), RC_CALLER_PC());
    return q;
}

void *memalign(size_t al, size_t n)
{
    void *p = __libc_memalign(al, n);
    rc_race_heap_remember(p, n, RC_CALLER_PC());
    return p;
}

void *aligned_alloc(size_t al, size_t n) { return memalign(al, n); }

int posix_memalign(void **out, size_t al, size_t n)
{
    void *p = __libc_memalign(al, n);
    if (!p)
        return 12; /* ENOMEM */
    rc_race_heap_remember(p, n, RC_CALLER_PC());
    *out = p;
    return 0;
}
