/*
 * slot.c: slots (race.h), their journals, which name the goroutine behind a cell,
 * and the quarantine of finished goroutines.
 *
 * A slot's journal lists its tenures in epoch order, {first epoch, goid, state}: the
 * cell (sid, e) was made by the goroutine of the last tenure that starts at or before
 * e. A journal keeps at most RC_JOURNAL_MAX tenures; older ones are dropped and the
 * accesses they covered are then reported without a stack.
 *
 * Which slot an attaching goroutine gets: a never-used one first (lowest id, so the
 * clocks of a program with few goroutines stay short), then a free one, oldest freed
 * first (a finished goroutine's slot is reused as late as possible; to within the
 * P caches below), then the slot of a goroutine that is not running (round robin
 * over the slots).
 *
 * Finding a cell's goroutine: the tenure names its state directly. States are
 * type-stable (race.c never frees one, only its buffers), so the pointer can always be
 * read; it is the tenure's goroutine while its ident is the tenure's goid. A state's
 * ident is set when a goroutine gets it and zeroed when it leaves the quarantine:
 * finished goroutines wait in a FIFO per P (the first FIN_QUEUES), each keeping
 * RC_FINISHED_KEEP, so reports can still name them and restore their stacks; the
 * oldest then goes back to race.c for reuse. A reporter (rc_race_who_lock) holds every
 * FIFO's lock: no state leaves the quarantine meanwhile, so one whose ident matches
 * stays that goroutine's until it unlocks. A goroutine's start and exit thus take no
 * shared lock for its identity (a goid hash under striped locks cost bench/race spawn
 * ~6% at 2 Ps: consecutive goids start on alternating CPUs, and their buckets' lines
 * moved between them at every start and exit).
 *
 * Lock order: a P cache's lock -> slots.lock -> a slot's lock -> rg->lock (steals);
 * FIFO locks in index order -> a slot's lock -> rg->trace_lock. Nothing takes a FIFO
 * lock while holding a slot's lock or slots.lock.
 */
#include "alloc.h"
#include "race.h"
#include "../core/plock.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "racecheck.h"

#include <sched.h>
#include <string.h>

#define RC_JOURNAL_MAX   4096
#define RC_FINISHED_KEEP 1024

typedef struct tenure { uint64_t epoch0; int64_t goid; rc_rg *rg; } tenure;

typedef struct slot {
    _Alignas(64) _Atomic uint32_t lock; /* guards the rest (see the top) */
    uint64_t epoch;        /* last epoch used */
    rc_rg   *owner;        /* NULL: free */
    tenure  *j;            /* journal, oldest first */
    uint32_t nj, capj;
    uint64_t floor;        /* epochs below this have no journal entry any more */
} slot;

static struct {
    _Atomic uint32_t lock;       /* guards the free queue and steal_next */
    unsigned nused;              /* slots [0, nused) have been used */
    unsigned freeq[RC_NSLOTS];   /* free slots, oldest freed first */
    unsigned fhead, flen;
    unsigned steal_next;         /* round-robin cursor */
    slot     s[RC_NSLOTS];
} slots;

/* A P's slot cache: slots taken from the free queue's head a batch at a time and
 * handed out in that order, and freed ones put back at its tail a batch at a time,
 * so that a goroutine's start and exit seldom take slots.lock, which every P would
 * otherwise cross twice per goroutine. Its lock is a plock (core/plock.h) its P owns:
 * another thread takes it in one case only, an attach that finds no slot anywhere,
 * which drains every cache before it waits, so slots never sit in the cache of an
 * idle P while another waits. Only the first SLOT_CACHE_PS Ps have one, so at most
 * RC_NSLOTS / 4 slots are out of the queue, and reuse stays oldest-freed first to
 * within that. */
#define SLOT_BATCH    8
#define SLOT_CACHE_PS 4
_Static_assert(2 * SLOT_BATCH * SLOT_CACHE_PS <= RC_NSLOTS / 4, "slot caches hold too many");
static struct slot_cache {
    _Alignas(64) rc_plock lock;
    unsigned take[SLOT_BATCH];
    unsigned itake, ntake;       /* take[itake, ntake) are ours to hand out */
    unsigned freed[SLOT_BATCH];
    unsigned nfreed;
} slot_cache[SLOT_CACHE_PS];

/* FIFOs of finished goroutines: one per P for the first FIN_QUEUES Ps, owned by the
 * P (a plock: a reporter is the only other thread that takes it), and a shared one
 * for the others and for goroutines that finish off any P, whose owner path is never
 * used (its lock is its word alone). */
#define FIN_QUEUES 4
static struct fin_queue {
    _Alignas(64) rc_plock lock;
    rc_rg   *head, *tail;        /* finished goroutines, oldest first */
    unsigned len;
} fin_queue[FIN_QUEUES + 1];

/* ---- slots ---------------------------------------------------------------------- */

static void journal_push(slot *s, uint64_t epoch0, rc_rg *rg)
{
    if (s->nj == RC_JOURNAL_MAX) {
        uint32_t drop = RC_JOURNAL_MAX / 2;
        s->floor = s->j[drop].epoch0;
        memmove(s->j, s->j + drop, (s->nj - drop) * sizeof *s->j);
        s->nj -= drop;
    }
    if (s->nj == s->capj) {
        uint32_t cap = s->capj ? 2 * s->capj : 8;
        tenure *j = rc_race_realloc(s->j, cap * sizeof *j);
        if (!j)
            rc_fatal("race: out of memory (slot journal)");
        s->j = j;
        s->capj = cap;
    }
    s->j[s->nj++] = (tenure){ epoch0, rg->goid, rg };
}

/* Takes the slot of a goroutine that is not running; -1 if every holder runs (slots
 * in a P's cache have no holder: skipped). slots.lock held. */
static int steal(void)
{
    for (unsigned k = 0; k < RC_NSLOTS; k++) {
        unsigned sid = slots.steal_next;
        slots.steal_next = (sid + 1) % RC_NSLOTS;
        slot *s = &slots.s[sid];
        bool took = false;
        rc_spin_lock(&s->lock);
        rc_rg *v = s->owner;
        if (v) {
            rc_spin_lock(&v->lock);
            if ((took = !v->running)) {
                /* v's own events there stay ordered before what it does next */
                rc_vc_set(&v->vc, sid, v->epoch);
                s->epoch = v->epoch;
                s->owner = NULL;
                v->sid = RC_NO_SLOT;
            }
            rc_spin_unlock(&v->lock);
        }
        rc_spin_unlock(&s->lock);
        if (took)
            return (int)sid;
    }
    return -1;
}

/* A free slot from the queue (never-used ones first), or -1. slots.lock held. */
static int pick_free(void)
{
    if (slots.nused < RC_NSLOTS)
        return (int)slots.nused++;
    if (slots.flen > 0) {
        unsigned sid = slots.freeq[slots.fhead];
        slots.fhead = (slots.fhead + 1) % RC_NSLOTS;
        slots.flen--;
        return (int)sid;
    }
    return -1;
}

static struct slot_cache *my_cache(void)
{
    int pid = rc_race_pid();
    return pid >= 0 && pid < SLOT_CACHE_PS ? &slot_cache[pid] : NULL;
}

static void queue_free(const unsigned *sids, unsigned n)
{
    rc_spin_lock(&slots.lock);
    for (unsigned i = 0; i < n; i++)
        slots.freeq[(slots.fhead + slots.flen++) % RC_NSLOTS] = sids[i];
    rc_spin_unlock(&slots.lock);
}

/* A slot from c (NULL: none) or the queue, refilling c; else a stolen one; -1 if
 * every slot's holder runs. */
static int try_take(struct slot_cache *c)
{
    bool fast = false;
    if (c) {
        fast = rc_plock_owner_enter(&c->lock);
        if (c->itake < c->ntake) {
            int sid = (int)c->take[c->itake++];
            rc_plock_owner_leave(&c->lock, fast);
            return sid;
        }
    }
    rc_spin_lock(&slots.lock);
    int sid = pick_free();
    if (sid >= 0 && c) { /* the rest of a batch, in queue order */
        c->itake = c->ntake = 0;
        for (int more; c->ntake < SLOT_BATCH - 1 && (more = pick_free()) >= 0;)
            c->take[c->ntake++] = (unsigned)more;
    }
    if (sid < 0)
        sid = steal();
    rc_spin_unlock(&slots.lock);
    if (c)
        rc_plock_owner_leave(&c->lock, fast);
    return sid;
}

/* Puts every cache's slots back in the queue (on no P's owner path). */
static void drain_caches(void)
{
    unsigned out[SLOT_CACHE_PS * 2 * SLOT_BATCH], n = 0;
    for (int k = 0; k < SLOT_CACHE_PS; k++)
        rc_plock_grab(&slot_cache[k].lock);
    rc_asym_heavy();
    for (int k = 0; k < SLOT_CACHE_PS; k++) {
        struct slot_cache *c = &slot_cache[k];
        rc_plock_wait_owner(&c->lock);
        while (c->itake < c->ntake)
            out[n++] = c->take[c->itake++];
        for (unsigned i = 0; i < c->nfreed; i++)
            out[n++] = c->freed[i];
        c->nfreed = 0;
    }
    for (int k = 0; k < SLOT_CACHE_PS; k++)
        rc_plock_unlock(&slot_cache[k].lock);
    if (n)
        queue_free(out, n);
}

/* A slot for the calling goroutine to attach: from its P's cache, refilled a batch
 * at a time; else from the queue; else stolen. Waits while every slot's holder runs. */
static unsigned take_slot(void)
{
    int sid;
    while ((sid = try_take(my_cache())) < 0) {
        drain_caches();
        if ((sid = try_take(NULL)) >= 0)
            break;
        /* Every slot's holder runs or is in a system call: wait for one to exit, and
         * not on the P, which holders returning from their calls may need. */
        rc_blocking_begin();
        sched_yield();
        rc_blocking_end();
    }
    return (unsigned)sid;
}

void rc_slot_attach(rc_rg *rg, bool first)
{
    unsigned sid = take_slot();
    slot *s = &slots.s[sid];
    rc_spin_lock(&s->lock);
    /* rg runs and holds no slot: no steal looks at it (steals find their victims as
     * slot owners, and read them under the slot's lock, which publishes these), so
     * rg->lock is not taken: on a state another CPU last wrote, its xchg waited for
     * the line (4% of bench/race spawn). */
    rg->running = true; /* (a goroutine's first attach marks it running) */
    /* (no room made for vc[sid]: a clock grows only to what it learns, not to its
     * holder's slot id; 1-2 KiB of zeros per goroutine cost spawn 11%) */
    rg->sid = sid;
    rg->epoch = s->epoch;
    rg->attach_epoch = s->epoch + 1;
    if (first) /* a part holds one tenure's epochs; the journal then names rg */
        rc_trace_first_part(rg);
    s->owner = rg;
    journal_push(s, s->epoch + 1, rg);
    rc_spin_unlock(&s->lock);
    if (!first) /* (a report may be reading its trace: under trace_lock) */
        rc_trace_new_part(rg);
}

void rc_slot_detach(rc_rg *rg)
{
    unsigned sid = rg->sid;
    if (sid == RC_NO_SLOT) /* (only a running goroutine's slot is never stolen) */
        return;
    slot *s = &slots.s[sid];
    rc_spin_lock(&s->lock);
    s->epoch = rg->epoch;
    s->owner = NULL;
    rg->sid = RC_NO_SLOT;
    rc_spin_unlock(&s->lock);
    struct slot_cache *c = my_cache();
    if (!c) {
        queue_free(&sid, 1);
        return;
    }
    bool fast = rc_plock_owner_enter(&c->lock);
    c->freed[c->nfreed++] = sid;
    if (c->nfreed == SLOT_BATCH) {
        queue_free(c->freed, SLOT_BATCH);
        c->nfreed = 0;
    }
    rc_plock_owner_leave(&c->lock, fast);
}

/* ---- the quarantine ---------------------------------------------------------- */

void rc_race_retire(rc_rg *rg)
{
    int pid = rc_race_pid();
    bool own = pid >= 0 && pid < FIN_QUEUES, fast = false;
    struct fin_queue *q = &fin_queue[own ? pid : FIN_QUEUES];
    rc_rg *old = NULL;
    if (own)
        fast = rc_plock_owner_enter(&q->lock);
    else
        rc_plock_grab(&q->lock);
    rg->qnext = NULL;
    if (q->tail)
        q->tail->qnext = rg;
    else
        q->head = rg;
    q->tail = rg;
    if (++q->len > RC_FINISHED_KEEP) {
        old = q->head;
        q->head = old->qnext;
        q->len--;
        /* the next one out has been cold for 1024 retirements: fetch it meanwhile */
        __builtin_prefetch(&q->head->qnext, 1);
        atomic_store_explicit(&old->ident, 0, memory_order_relaxed); /* (see the top) */
    }
    if (own)
        rc_plock_owner_leave(&q->lock, fast);
    else
        rc_plock_unlock(&q->lock);
    if (old)
        rc_rg_free(old);
}

void rc_race_who_lock(void)
{
    for (unsigned i = 0; i <= FIN_QUEUES; i++)
        rc_plock_grab(&fin_queue[i].lock);
    rc_asym_heavy();
    for (unsigned i = 0; i < FIN_QUEUES; i++)
        rc_plock_wait_owner(&fin_queue[i].lock);
}

void rc_race_who_unlock(void)
{
    for (unsigned i = FIN_QUEUES + 1; i-- > 0;)
        rc_plock_unlock(&fin_queue[i].lock);
}

rc_rg *rc_race_cell_owner(rc_cell c, int64_t *goid)
{
    unsigned sid = rc_cell_sid(c);
    uint64_t e = rc_cell_epoch(c);
    if (goid)
        *goid = 0;
    if (sid >= RC_NSLOTS)
        return NULL;
    tenure t = { 0, 0, NULL };
    slot *s = &slots.s[sid];
    rc_spin_lock(&s->lock);
    if (e >= s->floor && s->nj > 0 && e >= s->j[0].epoch0) {
        uint32_t lo = 0, hi = s->nj; /* last tenure with epoch0 <= e */
        while (hi - lo > 1) {
            uint32_t mid = (lo + hi) / 2;
            if (s->j[mid].epoch0 <= e)
                lo = mid;
            else
                hi = mid;
        }
        t = s->j[lo];
    }
    rc_spin_unlock(&s->lock);
    if (goid)
        *goid = t.goid;
    if (!t.rg || atomic_load_explicit(&t.rg->ident, memory_order_relaxed) != t.goid)
        return NULL; /* its state went back for reuse: its history is gone */
    return t.rg;
}
