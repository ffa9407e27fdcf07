/*
 * race.c: the detector's happens-before engine: goroutine ids and clocks, sync
 * objects, and the rc_hooks the runtime calls (see hooks.h for where, and for which
 * Go memory model edge each one is).
 *
 * Goroutine ids (tids) are small integers indexing clocks. A finished goroutine's tid
 * waits in a FIFO quarantine of RC_TID_QUARANTINE before reuse, so reports can still
 * name it ("finished") and replay its trace; a reused tid continues the old epoch
 * count, so cells left by the old owner look ordered before the new one (a race
 * between the two would be missed; the quarantine makes that rare).
 *
 * Sync objects (any address: a mutex, a channel slot, an atomic variable) map to a
 * vector clock in a hash table split into RC_SYNC_STRIPES stripes, each with its
 * own lock, so unrelated objects do not contend.
 *
 * Lock order: a sync stripe lock -> nothing. tid_lock -> nothing.
 */
#include "alloc.h"
#include "race.h"
#include "shadow.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"

#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#define RC_TID_QUARANTINE 1024
#define RC_SYNC_STRIPES   256

int rc_race_history_parts = (32768 / RC_TRACE_PART_EVENTS) << 1; /* history_size=1 */

/* ---- tids ----------------------------------------------------------------------- */

static struct {
    _Atomic uint32_t lock;
    rc_rg   *owner[RC_MAX_TIDS];   /* live or finished goroutine holding each tid */
    uint64_t last_epoch[RC_MAX_TIDS];
    unsigned next;                 /* never used yet: next, next+1, ... */
    unsigned freeq[RC_MAX_TIDS];   /* quarantine FIFO of finished tids */
    unsigned qhead, qlen;
} tids;

rc_rg *rc_race_tid(unsigned tid)
{
    return tid < RC_MAX_TIDS ? tids.owner[tid] : NULL;
}

static void rg_free(rc_rg *rg)
{
    rc_trace_free(rg);
    rc_vc_free(&rg->vc);
    rc_race_free(rg->stk);
    rc_race_free(rg->create_stk);
    rc_race_free(rg);
}

static rc_rg *rg_new(void)
{
    rc_rg *rg = rc_race_calloc(1, sizeof *rg);
    if (!rg)
        rc_fatal("race: out of memory");
    rc_spin_lock(&tids.lock);
    unsigned tid;
    rc_rg *old = NULL;
    if (tids.qlen > RC_TID_QUARANTINE || (tids.next == RC_MAX_TIDS && tids.qlen > 0)) {
        tid = tids.freeq[tids.qhead];
        tids.qhead = (tids.qhead + 1) % RC_MAX_TIDS;
        tids.qlen--;
        old = tids.owner[tid];
    } else if (tids.next < RC_MAX_TIDS) {
        tid = tids.next++;
    } else {
        rc_spin_unlock(&tids.lock);
        rc_fatal("race: limit on %u simultaneously alive goroutines is exceeded, dying",
                 RC_MAX_TIDS);
    }
    rg->tid = tid;
    rg->epoch = tids.last_epoch[tid];
    tids.owner[tid] = rg;
    rc_spin_unlock(&tids.lock);
    if (old)
        rg_free(old);
    rc_vc_set(&rg->vc, tid, rg->epoch);
    rc_trace_init(rg);
    return rg;
}

/* ---- sync objects --------------------------------------------------------------- */

typedef struct syncobj {
    uintptr_t      addr;
    rc_vc          vc;
    UT_hash_handle hh;
} syncobj;

static struct stripe {
    _Atomic uint32_t lock;
    syncobj *table;
    char pad[64 - sizeof(uint32_t) - sizeof(void *)];
} stripes[RC_SYNC_STRIPES];

static struct stripe *stripe_of(uintptr_t a)
{
    return &stripes[((a >> 3) * 0x9E3779B97F4A7C15ULL) >> 56];
}

/* Returns the object with s->lock held, or NULL (lock released) if absent and !create. */
static syncobj *sync_get(struct stripe *s, uintptr_t a, bool create)
{
    rc_spin_lock(&s->lock);
    syncobj *o;
    HASH_FIND(hh, s->table, &a, sizeof a, o);
    if (!o && create) {
        o = rc_race_calloc(1, sizeof *o);
        if (!o)
            rc_fatal("race: out of memory (sync object)");
        o->addr = a;
        HASH_ADD(hh, s->table, addr, sizeof o->addr, o);
    }
    if (!o)
        rc_spin_unlock(&s->lock);
    return o;
}

/* Forgets sync objects in [a, a + n): freed memory. */
void rc_race_sync_forget(uintptr_t a, size_t n)
{
    if (n > 4096) /* large blocks: walk every stripe once */
        for (int i = 0; i < RC_SYNC_STRIPES; i++) {
            rc_spin_lock(&stripes[i].lock);
            syncobj *o, *tmp;
            HASH_ITER(hh, stripes[i].table, o, tmp) {
                if (o->addr >= a && o->addr < a + n) {
                    HASH_DEL(stripes[i].table, o);
                    rc_vc_free(&o->vc);
                    rc_race_free(o);
                }
            }
            rc_spin_unlock(&stripes[i].lock);
        }
    else
        for (uintptr_t x = a & ~(uintptr_t)7; x < a + n; x += 8) {
            struct stripe *s = stripe_of(x);
            for (uintptr_t y = x; y < x + 8; y++) {
                syncobj *o = sync_get(s, y, false);
                if (o) {
                    HASH_DEL(s->table, o);
                    rc_vc_free(&o->vc);
                    rc_race_free(o);
                    rc_spin_unlock(&s->lock);
                }
            }
        }
}

/* A release ends an epoch: the next event is after everything the release
 * published (one trace event per epoch keeps replay aligned). */
static void tick(rc_rg *rg)
{
    rc_trace_event(rg, RC_EV(RC_EV_SYNC, 0));
    rg->vc.e[rg->tid] = rg->epoch;
}

void rc_race_acquire(rc_rg *rg, uintptr_t a)
{
    struct stripe *s = stripe_of(a);
    syncobj *o = sync_get(s, a, false);
    if (!o)
        return;
    rc_vc_join(&rg->vc, &o->vc);
    rc_spin_unlock(&s->lock);
}

void rc_race_release(rc_rg *rg, uintptr_t a, bool merge)
{
    struct stripe *s = stripe_of(a);
    syncobj *o = sync_get(s, a, true);
    rg->vc.e[rg->tid] = rg->epoch;
    if (merge)
        rc_vc_join(&o->vc, &rg->vc);
    else
        rc_vc_copy(&o->vc, &rg->vc);
    rc_spin_unlock(&s->lock);
    tick(rg);
}

/* ---- hooks ---------------------------------------------------------------------- */

static void h_go_create(rc_g *parent, rc_g *child, uintptr_t pc)
{
    rc_rg *prg = parent ? parent->race : NULL, *rg = rg_new();
    rg->goid = child->id;
    if (prg) {
        prg->vc.e[prg->tid] = prg->epoch;
        uint64_t own = rg->epoch;
        rc_vc_join(&rg->vc, &prg->vc); /* the go statement happens before the start */
        rc_vc_set(&rg->vc, rg->tid, own);
        /* creation stack: the rc_go call site, then the parent's shadow stack */
        rg->create_depth = prg->depth + 1;
        rg->create_stk = rc_race_malloc(rg->create_depth * sizeof(uintptr_t));
        if (rg->create_stk) {
            rg->create_stk[0] = pc;
            for (uint32_t i = 0; i < prg->depth; i++)
                rg->create_stk[1 + i] = prg->stk[prg->depth - 1 - i];
        } else {
            rg->create_depth = 0;
        }
        tick(prg);
    }
    if (!prg && pc) { /* created off-goroutine (timer thread): just the site */
        rg->create_stk = rc_race_malloc(sizeof(uintptr_t));
        if (rg->create_stk) {
            rg->create_stk[0] = pc;
            rg->create_depth = 1;
        }
    }
    child->race = rg;
}

static void h_go_exit(rc_g *g)
{
    rc_rg *rg = g->race;
    if (!rg)
        return;
    atomic_store(&rg->finished, true);
    /* The stack will be reused by another goroutine: forget accesses to the part
     * this one used, i.e. down to the deepest instrumented frame, less a margin for
     * the uninstrumented leaf frames below it (a full 256 KiB clear is a 1 MiB madvise
     * and a TLB shootdown per goroutine). */
    if (g->stack.lo && !g->is_main) {
        enum { LEAF_MARGIN = 16 * 1024 };
        uintptr_t lo = (uintptr_t)g->stack.lo, hi = (uintptr_t)g->stack.hi;
        if (rg->min_frame > lo + LEAF_MARGIN && rg->min_frame < hi)
            lo = rg->min_frame - LEAF_MARGIN;
        rc_shadow_clear(lo, hi - lo);
    }
    rc_spin_lock(&tids.lock);
    tids.last_epoch[rg->tid] = rg->epoch + 1;
    tids.freeq[(tids.qhead + tids.qlen) % RC_MAX_TIDS] = rg->tid;
    tids.qlen++;
    rc_spin_unlock(&tids.lock);
    g->race = NULL;
}

static void h_acquire(rc_g *g, const void *obj)
{
    if (g->race)
        rc_race_acquire(g->race, (uintptr_t)obj);
}

static void h_release(rc_g *g, const void *obj)
{
    if (g->race)
        rc_race_release(g->race, (uintptr_t)obj, false);
}

static void h_release_merge(rc_g *g, const void *obj)
{
    if (g->race)
        rc_race_release(g->race, (uintptr_t)obj, true);
}

void rc_race_access_hook(rc_g *g, const void *addr, size_t n, bool write, uintptr_t pc);

static const rc_hooks race_hooks = {
    .access = rc_race_access_hook,
    .go_create = h_go_create,
    .go_exit = h_go_exit,
    .acquire = h_acquire,
    .release = h_release,
    .release_merge = h_release_merge,
};

/* ---- start-up and exit ---------------------------------------------------------- */

static void on_exit_cb(int status, void *arg)
{
    (void)arg;
    rc_race_fini(status);
}

__attribute__((constructor(102))) static void rc_race_init(void)
{
    rc_runtime_init();
    rc_race_options_init();
    rc_shadow_init();
    rc_g *g = rc_getg(); /* main */
    rc_rg *rg = rg_new();
    rg->goid = g->id;
    rg->is_main = true;
    g->race = rg;
    rc_hooks_active = &race_hooks;
    on_exit(on_exit_cb, NULL);
}
