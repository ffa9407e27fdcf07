/*
 * sync.c: sync objects, the vector clocks that synchronisation leaves behind (hooks.h:
 * a mutex, a closed channel, a WaitGroup, an atomic variable), and the acquire and
 * release operations on them; a buffered channel's slot clocks (kept with the
 * channel, see "channels" below) and the unbuffered hand-off.
 *
 * An object is found by its address in a table split into RC_SYNC_STRIPES stripes,
 * each with its own lock, so unrelated objects do not contend. A stripe is an open
 * addressing table (linear probing, at most half full) of object pointers: one
 * multiply picks the stripe (top 8 bits) and the start of the probe (the bits below),
 * and the key sits in the object. Every operation is one lookup under the stripe
 * lock, which also guards the object's clock.
 *
 * Mutexes take a shortcut (rc_race_mutex_acquire/release): a Mutex's object is only
 * used by its own Lock and Unlock hooks, which run while the Mutex is held, so the
 * Mutex guards its clock and the stripe lock is needed only to find it. A goroutine
 * remembers the objects of the last RC_MU_CACHE Mutexes it used, valid while no
 * object anywhere was deleted since (sync_gen). An object is deleted only when its
 * memory is freed, which a correct program does not do to a Mutex in use; deleted
 * objects are kept for reuse, never freed, so that a program that does can corrupt a
 * clock but not the detector's heap.
 *
 * Merges (a merge release joins the releaser's clock into the object's: WaitGroup.Done,
 * RWMutex.RUnlock, an atomic read-modify-write) come from many goroutines on several
 * Ps to one object at once: every task of a fan-out signals one WaitGroup. Once they
 * contend for its stripe lock, they go to one of MERGE_PS partial clocks of the
 * object, by P, each under its own lock, found through a per-P cache of the last
 * object merged into (valid while sync_gen holds): no stripe lock, and each
 * partial's lines stay with its P. An acquire joins the
 * object's clock and every partial; a copy release (the object's clock becomes the
 * releaser's) empties the partials. (bench/race spawn, 2 Ps: the Done's stripe lock,
 * taken by both Ps in turn, was ~5% of the time.)
 *
 * Lock order: rg->lock -> a stripe lock -> a partial's lock -> rg->trace_lock.
 */
#include "alloc.h"
#include "race.h"
#include "../core/spin.h"
#include "../diag/panic.h"

#include <string.h>

#define RC_SYNC_STRIPES 256
#define MIN_SLOTS       16u

#define MERGE_PS 4

typedef struct partial {
    _Alignas(64) _Atomic uint32_t lock;
    rc_vc     vc;
} partial;

typedef struct syncobj {
    uintptr_t addr;
    rc_vc     vc;
    /* The goroutine whose copy release set vc last, and its clock's version then (0:
     * none since, or merges came after): see release_obj. */
    int64_t   rel_goid;
    uint64_t  rel_ver;
    _Atomic(partial *) part;  /* MERGE_PS partial clocks, from the first merge on */
    struct syncobj *next;     /* in its stripe's spare list, once deleted */
} syncobj;

static struct stripe {
    _Alignas(64) _Atomic uint32_t lock;
    uint32_t  cap;            /* slots in tab: a power of two, or 0 */
    uint32_t  count;          /* objects in tab */
    syncobj **tab;
    syncobj  *spare;          /* deleted objects, for reuse */
} stripes[RC_SYNC_STRIPES];

/* Bumped by every deletion: an object found before may since be gone. */
static _Atomic uint64_t sync_gen = 1;

static uint64_t hash(uintptr_t a) { return (uint64_t)(a >> 3) * 0x9E3779B97F4A7C15ULL; }

static struct stripe *stripe_of(uintptr_t a) { return &stripes[hash(a) >> 56]; }

/* Where a's probe starts in a table of cap slots; the byte within the word is mixed
 * in so that objects at adjacent bytes of one word do not share a start. */
static uint32_t probe0(uintptr_t a, uint32_t cap)
{
    return ((uint32_t)((hash(a) << 8) >> 40) + (uint32_t)(a & 7) * 0x9E37u) & (cap - 1);
}

/* The slot holding a, or the empty slot where it would go. */
static syncobj **slot_of(struct stripe *s, uintptr_t a)
{
    uint32_t i = probe0(a, s->cap);
    while (s->tab[i] && s->tab[i]->addr != a)
        i = (i + 1) & (s->cap - 1);
    return &s->tab[i];
}

static void rehash(struct stripe *s, uint32_t cap)
{
    syncobj **old = s->tab;
    uint32_t ocap = s->cap;
    s->tab = rc_race_calloc(cap, sizeof *s->tab);
    if (!s->tab)
        rc_fatal("race: out of memory (sync objects)");
    s->cap = cap;
    for (uint32_t i = 0; i < ocap; i++)
        if (old[i])
            *slot_of(s, old[i]->addr) = old[i];
    rc_race_free(old);
}

/* Empties o's partial clocks (see the top), if it has any: the test inline (a Mutex's
 * Unlock makes it), the loop out of line. */
static __attribute__((noinline)) void clear_partials_of(partial *pt)
{
    for (int i = 0; i < MERGE_PS; i++) {
        rc_spin_lock(&pt[i].lock);
        rc_vc_clear(&pt[i].vc);
        rc_spin_unlock(&pt[i].lock);
    }
}

static inline void clear_partials(syncobj *o)
{
    partial *pt = atomic_load_explicit(&o->part, memory_order_acquire);
    if (__builtin_expect(pt != NULL, 0))
        clear_partials_of(pt);
}

/* a's object (s->lock held), created if absent and create, else NULL. */
static syncobj *find_locked(struct stripe *s, uintptr_t a, bool create)
{
    syncobj *o = NULL, **p = NULL;
    if (s->cap) {
        p = slot_of(s, a);
        o = *p;
    }
    if (!o && create) {
        if (2 * (s->count + 1) > s->cap) {
            rehash(s, s->cap ? 2 * s->cap : MIN_SLOTS);
            p = slot_of(s, a);
        }
        if ((o = s->spare) != NULL) {
            s->spare = o->next;
            rc_vc_clear(&o->vc);
            clear_partials(o);
            o->rel_goid = 0;
        } else if (!(o = rc_race_calloc(1, sizeof *o))) {
            rc_fatal("race: out of memory (sync object)");
        }
        o->addr = a;
        *p = o;
        s->count++;
    }
    return o;
}

/* Returns the object with s->lock held, or NULL (lock released) if absent and !create. */
static syncobj *sync_get(struct stripe *s, uintptr_t a, bool create)
{
    rc_spin_lock(&s->lock);
    syncobj *o = find_locked(s, a, create);
    if (!o)
        rc_spin_unlock(&s->lock);
    return o;
}

/* Removes the object in slot i (s->lock held): the objects after it in its probe run
 * move back so that every probe still finds them (no tombstones). */
static void delete_at(struct stripe *s, uint32_t i)
{
    syncobj *o = s->tab[i];
    atomic_fetch_add_explicit(&sync_gen, 1, memory_order_release);
    o->next = s->spare;
    s->spare = o;
    s->count--;
    uint32_t mask = s->cap - 1, hole = i;
    for (uint32_t j = (i + 1) & mask; s->tab[j]; j = (j + 1) & mask) {
        uint32_t home = probe0(s->tab[j]->addr, s->cap);
        /* it may fill the hole iff its home is not in (hole, j], cyclically */
        if (((j - home) & mask) >= ((j - hole) & mask)) {
            s->tab[hole] = s->tab[j];
            hole = j;
        }
    }
    s->tab[hole] = NULL;
}

/* Forgets sync objects in [a, a + n): freed memory. */
void rc_race_sync_forget(uintptr_t a, size_t n)
{
    rc_locks_forget(a, n);
    if (n > 4096) { /* large blocks: walk every stripe once */
        for (int k = 0; k < RC_SYNC_STRIPES; k++) {
            struct stripe *s = &stripes[k];
            rc_spin_lock(&s->lock);
            for (uint32_t i = 0; i < s->cap;) {
                syncobj *o = s->tab[i];
                if (o && o->addr >= a && o->addr < a + n)
                    delete_at(s, i); /* slot i may now hold another: look again */
                else
                    i++;
            }
            rc_spin_unlock(&s->lock);
        }
        return;
    }
    for (uintptr_t x = a & ~(uintptr_t)7; x < a + n; x += 8) {
        struct stripe *s = stripe_of(x);
        rc_spin_lock(&s->lock);
        if (s->count)
            for (uintptr_t y = x; y < x + 8; y++) {
                syncobj **p = slot_of(s, y);
                if (*p)
                    delete_at(s, (uint32_t)(p - s->tab));
            }
        rc_spin_unlock(&s->lock);
    }
}

/* After rg's clock joined another: an entry for our own slot at or past our attach
 * epoch includes our own releases; keep the invariant (race.h) by reading it as
 * "every predecessor". */
static inline void own_entry_fix(rc_rg *rg)
{
    const unsigned sid = rg->sid;
    /* an entry at or past attach_epoch is non-zero, so it exists (n and nz cover it):
     * rewritten in place */
    if (sid != RC_NO_SLOT && sid < rg->vc.cap && rg->vc.e[sid] >= rg->attach_epoch)
        rg->vc.e[sid] = rg->attach_epoch - 1;
}

static __attribute__((noinline)) void acquire_partials(rc_rg *rg, partial *pt)
{
    for (int i = 0; i < MERGE_PS; i++) {
        rc_spin_lock(&pt[i].lock);
        rc_vc_join(&rg->vc, &pt[i].vc);
        rc_spin_unlock(&pt[i].lock);
    }
}

/* rg's clock joins o's and its partials' (stripe lock held, or the Mutex). When the
 * last copy release to o was rg's own, o's clock is below rg's already (clocks only
 * grow; the own entry it published, rg's clock does not hold by design: race.h): no
 * join. */
static inline void acquire_obj(rc_rg *rg, syncobj *o)
{
    if (o->rel_goid != rg->goid)
        rc_vc_join(&rg->vc, &o->vc);
    partial *pt = atomic_load_explicit(&o->part, memory_order_acquire);
    if (__builtin_expect(pt != NULL, 0))
        acquire_partials(rg, pt);
    own_entry_fix(rg);
}

void rc_race_acquire(rc_rg *rg, uintptr_t a)
{
    struct stripe *s = stripe_of(a);
    syncobj *o = sync_get(s, a, false);
    if (!o)
        return;
    acquire_obj(rg, o);
    rc_spin_unlock(&s->lock);
}

/* o's clock becomes rg's, our own events included; earlier merges are gone. When rg
 * made o's last copy release and its clock has not changed since (the same version),
 * o's clock already is rg's but for the own entry: a goroutine that takes a Mutex
 * again and again with no other goroutine between (one P, or a biased Mutex) copies
 * nothing (bench/race mutex, 1 P: ~70 instructions per Unlock). */
static inline __attribute__((always_inline)) void release_obj(rc_rg *rg, syncobj *o)
{
    if (o->rel_goid != rg->goid || o->rel_ver != rg->vc.ver) {
        rc_vc_copy(&o->vc, &rg->vc);
        o->rel_goid = rg->goid;
        o->rel_ver = rg->vc.ver;
    }
    clear_partials(o);
    rc_race_publish_own(rg, &o->vc);
}

/* Per P, the object it last merged into (valid while sync_gen holds). */
static struct merge_cache {
    _Alignas(64) uint64_t gen;
    uintptr_t addr;
    syncobj  *obj;
} merge_cache[MERGE_PS];

/* o's partial clocks, made now if it has none (its stripe lock held). */
static partial *partials_of(syncobj *o)
{
    partial *pt = atomic_load_explicit(&o->part, memory_order_relaxed);
    if (pt)
        return pt;
    pt = __libc_memalign(64, MERGE_PS * sizeof *pt);
    if (!pt)
        rc_fatal("race: out of memory (sync objects)");
    memset(pt, 0, MERGE_PS * sizeof *pt);
    atomic_store_explicit(&o->part, pt, memory_order_release);
    return pt;
}

/* rg's clock joins a's. Into the object's own clock, under the stripe lock, while
 * that lock is free when a merge comes; the first merge that finds it taken (merges
 * from several Ps at once, most likely) gives the object its partial clocks, and its
 * merges go there from then on (see the top). An object merged into without
 * contention (most: an atomic reference count, say) never has them. */
static void release_merge(rc_rg *rg, uintptr_t a)
{
    int pid = rc_race_pid();
    struct merge_cache *mc = pid >= 0 && pid < MERGE_PS ? &merge_cache[pid] : NULL;
    uint64_t gen = atomic_load_explicit(&sync_gen, memory_order_acquire);
    syncobj *o = mc && mc->gen == gen && mc->addr == a ? mc->obj : NULL;
    partial *pt = o ? atomic_load_explicit(&o->part, memory_order_acquire) : NULL;
    if (!pt) {
        struct stripe *s = stripe_of(a);
        bool contended = !rc_spin_trylock(&s->lock);
        if (contended)
            rc_spin_lock(&s->lock);
        /* the cached object needs no lookup, unless one was deleted meanwhile (a
         * deletion bumps sync_gen under the stripe lock we hold now) */
        if (!o || atomic_load_explicit(&sync_gen, memory_order_relaxed) != gen)
            o = find_locked(s, a, true);
        if (mc) {
            mc->gen = gen;
            mc->addr = a;
            mc->obj = o;
        }
        pt = atomic_load_explicit(&o->part, memory_order_relaxed);
        o->rel_goid = 0; /* o's clock is no longer one goroutine's (release_obj) */
        if (!pt && !contended) {
            rc_vc_join(&o->vc, &rg->vc);
            rc_race_publish_own(rg, &o->vc);
            rc_spin_unlock(&s->lock);
            return;
        }
        if (!pt)
            pt = partials_of(o);
        rc_spin_unlock(&s->lock);
    }
    pt = &pt[pid > 0 ? pid % MERGE_PS : 0];
    rc_spin_lock(&pt->lock);
    rc_vc_join(&pt->vc, &rg->vc);
    rc_race_publish_own(rg, &pt->vc);
    rc_spin_unlock(&pt->lock);
}

void rc_race_release(rc_rg *rg, uintptr_t a, bool merge)
{
    if (merge) {
        release_merge(rg, a);
    } else {
        struct stripe *s = stripe_of(a);
        release_obj(rg, sync_get(s, a, true));
        rc_spin_unlock(&s->lock);
    }
    rc_race_tick(rg);
}

/* ---- channels -------------------------------------------------------------------
 * A buffered channel's slot clocks live in an array hung on the channel (hooks.h
 * chan_sync), guarded by the channel's lock like the slots themselves: no stripe
 * lookup. The array is calloc'd whole (a large one stays untouched, zero pages,
 * beyond the slots in use); used bounds the slots whose clocks may own entries. */
typedef struct chanclocks {
    size_t used;
    rc_vc  slot[];
} chanclocks;

/* rg acquires, then releases by copy, slot clock v: after the acquire rg's clock
 * covers v, so both clocks become their join, in one pass; then each gets its
 * own-entry rule. (v's entry for our slot can only hold our own epochs or our
 * predecessors', all at most rg->epoch, so publishing ours over the join is what the
 * copy would give.) */
static inline __attribute__((always_inline)) void slot_pass(rc_rg *rg, rc_vc *v)
{
    rc_vc_join2(&rg->vc, v);
    own_entry_fix(rg);
    rc_race_publish_own(rg, v);
    rc_race_tick(rg);
}

/* rg, then other (parked, its lock held; may be NULL), pass slot i of the nslots
 * whose clocks *state keeps. */
static void chan_slot(rc_rg *rg, rc_rg *other, void **state, size_t nslots, size_t i)
{
    chanclocks *cc = *state;
    if (!cc) {
        cc = rc_race_calloc(1, sizeof *cc + nslots * sizeof cc->slot[0]);
        if (!cc)
            rc_fatal("race: out of memory (channel clocks)");
        *state = cc;
    }
    if (i >= cc->used)
        cc->used = i + 1;
    slot_pass(rg, &cc->slot[i]);
    if (other)
        slot_pass(other, &cc->slot[i]);
}

/* An unbuffered hand-off: both clocks become their join, each with the other's own
 * events (the release each side makes). */
static void chan_meet(rc_rg *rg, rc_rg *other)
{
    rc_vc_join2(&rg->vc, &other->vc);
    own_entry_fix(rg);
    own_entry_fix(other);
    rc_race_publish_own(rg, &other->vc);
    rc_race_publish_own(other, &rg->vc);
    rc_race_tick(rg);
    rc_race_tick(other);
}

/* The hook (hooks.h chan_sync): g is the running goroutine, so only other's state
 * needs its lock. */
void rc_race_chan_sync(rc_g *g, rc_g *other, void **state, size_t nslots, size_t i)
{
    rc_rg *rg = g->race, *org = other ? rc_rg_lock(other) : NULL;
    if (rg && nslots)
        chan_slot(rg, org, state, nslots, i);
    else if (rg && org)
        chan_meet(rg, org);
    rc_rg_unlock(org);
}

void rc_race_chan_free(void *state)
{
    chanclocks *cc = state;
    for (size_t i = 0; i < cc->used; i++)
        rc_vc_free(&cc->slot[i]);
    rc_race_free(cc);
}

/* ---- Mutexes (see the top) ------------------------------------------------------- */

/* The object of Mutex a, which rg holds; NULL if absent and !create. */
static syncobj *mutex_obj(rc_rg *rg, uintptr_t a, bool create)
{
    uint64_t gen = atomic_load_explicit(&sync_gen, memory_order_acquire);
    if (rg->mu_gen == gen) {
        for (int k = 0; k < RC_MU_CACHE; k++)
            if (rg->mu_cache[k].addr == a)
                return rg->mu_cache[k].obj;
    } else {
        for (int k = 0; k < RC_MU_CACHE; k++)
            rg->mu_cache[k].addr = 0;
        rg->mu_gen = gen;
    }
    struct stripe *s = stripe_of(a);
    syncobj *o = sync_get(s, a, create);
    if (!o)
        return NULL;
    rc_spin_unlock(&s->lock);
    for (int k = RC_MU_CACHE - 1; k > 0; k--)
        rg->mu_cache[k] = rg->mu_cache[k - 1];
    rg->mu_cache[0].addr = a;
    rg->mu_cache[0].obj = o;
    return o;
}

void rc_race_mutex_acquire(rc_rg *rg, uintptr_t a)
{
    syncobj *o = mutex_obj(rg, a, false);
    if (o)
        acquire_obj(rg, o);
}

void rc_race_mutex_release(rc_rg *rg, uintptr_t a)
{
    release_obj(rg, mutex_obj(rg, a, true));
}
