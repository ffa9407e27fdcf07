/*
 * trace.c: per-goroutine event history (see race.h). A goroutine's trace is a ring of
 * up to rc_race_history_parts parts; each part starts with a copy of the shadow stack
 * and holds consecutive epochs of one slot tenure, so replay starts from that copy and
 * applies the part's entries and exits up to the wanted epoch. Parts are allocated as
 * the goroutine needs them, small first (RC_TRACE_FIRST_EVENTS, then 4x larger up to
 * RC_TRACE_PART_EVENTS): a million goroutines that each do a little cost a little.
 * Older events are overwritten: a report about an access that old says "[failed to
 * restore the stack]", as TSan does.
 *
 * A report restores the previous access's stack while that access's goroutine may
 * still run on another thread and fill its ring (a spin on the very variable that
 * races, say). The reporter holds the traces (rc_trace_hold) from the moment it sees
 * the race until it has copied the stack, and while it does no ring recycles its
 * oldest part: the writer waits at the wrap, bounded, so that a reporter that never
 * finishes costs milliseconds, not a hang. Only the few instructions between the
 * shadow load and the hold can still lose an event.
 */
#include "alloc.h"
#include "race.h"
#include "../core/spin.h"
#include "../diag/panic.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Static_assert(offsetof(rc_trace_part, ev) == offsetof(rc_trace_part, guard) + sizeof(uint64_t),
               "a part's ev[-1] is its guard word (race.h rc_trace_access)");

#define RC_TRACE_FIRST_EVENTS 32u
#define RC_TRACE_HOLD_WAITS   1000u  /* a wrap waits at most this many 20 us naps */

static _Atomic int holds; /* reporters copying a stack out of some trace */

void rc_trace_hold(void) { atomic_fetch_add(&holds, 1); }
void rc_trace_unhold(void) { atomic_fetch_sub(&holds, 1); }

/* Before the ring at rg wraps onto a part that holds events: no reporter may be
 * reading it. Called with no lock held (a reporter takes reg.lock, slots.lock and
 * trace_lock). */
static void wait_for_holds(const rc_rg *rg)
{
    const rc_trace_part *next = rg->parts ? rg->parts[(rg->cur + 1) % rg->nparts] : NULL;
    if (!next || next->n == 0)
        return;
    for (unsigned i = 0; i < RC_TRACE_HOLD_WAITS && atomic_load(&holds) > 0; i++)
        usleep(20);
}

static rc_trace_part *part_alloc(uint32_t cap)
{
    rc_trace_part *p = rc_race_malloc(sizeof *p + cap * sizeof p->ev[0]);
    if (!p)
        rc_fatal("race: out of memory (trace)");
    p->stack = NULL;
    p->stack_cap = 0;
    p->cap = cap;
    return p;
}

static void part_start(rc_rg *rg, rc_trace_part *p)
{
    /* (quiet_from: our cells from older parts get stored again, access.c) */
    p->epoch0 = rg->quiet_from = rg->epoch + 1;
    p->sid = rg->sid;
    p->depth = rg->depth;
    p->n = 0;
    p->nheld = rg->nheld;
    if (rg->nheld)
        rc_libc_memcpy(p->held, rg->held, rg->nheld * sizeof *p->held);
    if (rg->depth > p->stack_cap) { /* the buffer is kept when the part is reused */
        uintptr_t *stk = rc_race_realloc(p->stack, rg->depth * sizeof *stk);
        if (!stk)
            rc_fatal("race: out of memory (trace)");
        p->stack = stk;
        p->stack_cap = rg->depth;
    }
    if (rg->depth)
        rc_libc_memcpy(p->stack, rg->stk, rg->depth * sizeof *p->stack);
    p->guard = RC_EV_NONE; /* a run of accesses does not cross parts */
    rg->evp = p->ev;
    rg->eve = p->ev + p->cap;
}

/* Where evp points while there is no current part: the next event starts one, and
 * evp[-1] is no event. */
static uint64_t no_part[1] = { RC_EV_NONE };

static void trace_idle(rc_rg *rg) { rg->evp = rg->eve = no_part + 1; }

/* Events in the current part so far (0 while idle). */
static uint32_t cur_used(const rc_rg *rg)
{
    const rc_trace_part *p = rg->parts ? rg->parts[rg->cur] : NULL;
    const uint64_t *e = rg->evp;
    return p && e >= p->ev && e <= p->ev + p->cap ? (uint32_t)(e - p->ev) : 0;
}

/* No part yet: the first event (or attach) allocates one. */
void rc_trace_init(rc_rg *rg)
{
    rg->nparts = (uint32_t)rc_race_history_parts;
    rg->parts = NULL;
    rg->nalloc = 0;
    rg->cur = 0;
    trace_idle(rg);
}

void rc_trace_free(rc_rg *rg)
{
    if (!rg->parts)
        return;
    for (uint32_t i = 0; i < rg->nparts; i++)
        if (rg->parts[i]) {
            rc_race_free(rg->parts[i]->stack);
            rc_race_free(rg->parts[i]);
        }
    rc_race_free(rg->parts);
    rg->parts = NULL;
    rg->nalloc = 0;
}

/* For a recycled goroutine state (race.c): keeps the ring and one first-size part,
 * at index 0, and forgets every event. A state whose goroutine filled at most its
 * first part (most) has nothing to free, and its ring is not even read: the state
 * comes cold out of the quarantine, and the ring and the part were two more misses,
 * each waiting for the last (10% of bench/race spawn's samples at 2 Ps). */
void rc_trace_reset(rc_rg *rg)
{
    if (rg->nalloc > 1) {
        rc_trace_part *keep = NULL;
        /* (parts are allocated in ring order from index 0, and this keeps one at 0:
         * the allocated ones are always a prefix of the ring) */
        for (uint32_t i = 0; i < rg->nalloc; i++) {
            rc_trace_part *p = rg->parts[i];
            rg->parts[i] = NULL;
            if (!keep && p->cap == RC_TRACE_FIRST_EVENTS) {
                keep = p; /* with its stack buffer */
            } else {
                rc_race_free(p->stack);
                rc_race_free(p);
            }
        }
        rg->parts[0] = keep;
        rg->nalloc = keep ? 1 : 0;
    }
    rg->cur = rg->nparts - 1; /* as rc_trace_new_part leaves a new ring */
    trace_idle(rg);
}

/* Starts a new part: the current one is full, or a new slot tenure begins. */
static void new_part(rc_rg *rg)
{
    if (rg->cur == rg->nparts - 1 && rg->nalloc == 1) {
        /* a fresh ring (rc_trace_reset): its first part is the one kept at 0, and
         * index nparts - 1 holds none */
        rg->cur = 0;
        part_start(rg, rg->parts[0]);
        return;
    }
    if (!rg->parts) {
        rg->parts = rc_race_calloc(rg->nparts, sizeof *rg->parts);
        if (!rg->parts)
            rc_fatal("race: out of memory (trace)");
        rg->cur = rg->nparts - 1; /* the first part goes to index 0 */
    }
    uint32_t prev = rg->cur, used = cur_used(rg);
    if (rg->parts[prev])
        rg->parts[prev]->n = used;
    if (rg->parts[prev] && used == 0) {
        part_start(rg, rg->parts[prev]); /* still empty: reuse it */
    } else {
        rg->cur = (rg->cur + 1) % rg->nparts;
        if (!rg->parts[rg->cur]) { /* (cur == nalloc: allocated in ring order) */
            uint32_t cap = rg->parts[prev] ? rg->parts[prev]->cap * 4 : RC_TRACE_FIRST_EVENTS;
            rg->parts[rg->cur] = part_alloc(cap < RC_TRACE_PART_EVENTS ? cap : RC_TRACE_PART_EVENTS);
            rg->nalloc++;
        }
        part_start(rg, rg->parts[rg->cur]);
    }
}

void rc_trace_new_part(rc_rg *rg)
{
    wait_for_holds(rg);
    rc_spin_lock(&rg->trace_lock);
    new_part(rg);
    rc_spin_unlock(&rg->trace_lock);
}

void rc_trace_first_part(rc_rg *rg)
{
    new_part(rg);
}

/* The part holding the event of cell c, with rg->trace_lock held; NULL if gone. */
static rc_trace_part *part_of(rc_rg *rg, rc_cell c)
{
    unsigned sid = rc_cell_sid(c);
    uint64_t epoch = rc_cell_epoch(c);
    for (uint32_t i = 0; rg->parts && i < rg->nparts; i++) {
        rc_trace_part *p = rg->parts[i];
        uint32_t used = i == rg->cur ? cur_used(rg) : p ? p->n : 0;
        if (p && p->sid == sid && epoch >= p->epoch0 && epoch < p->epoch0 + used)
            return p;
    }
    return NULL;
}

int rc_trace_restore_held(rc_rg *rg, rc_cell c, rc_held *out)
{
    const uint64_t addr_mask = ((uint64_t)1 << 48) - 1;
    int n = -1;
    rc_spin_lock(&rg->trace_lock);
    rc_trace_part *p = part_of(rg, c);
    if (p) {
        uint32_t nh = p->nheld;
        memcpy(out, p->held, nh * sizeof *out);
        for (uint64_t k = 0, last = rc_cell_epoch(c) - p->epoch0; k < last; k++) {
            uint64_t ev = p->ev[k];
            if ((ev >> 62) != RC_EV_SYNC)
                continue;
            unsigned kind = (unsigned)(ev >> 60) & 3;
            uintptr_t a = (uintptr_t)(ev & addr_mask);
            if (kind == RC_SYNC_LOCK || kind == RC_SYNC_RLOCK)
                rc_held_add(out, &nh, a, kind == RC_SYNC_LOCK);
            else if (kind == RC_SYNC_UNLOCK)
                rc_held_del(out, &nh, a);
        }
        n = (int)nh;
    }
    rc_spin_unlock(&rg->trace_lock);
    return n;
}

/* The stack at epoch's event of slot sid (innermost first, out[0] = top, or the
 * access's own pc when top is 0 and the event is an access). */
static int restore(rc_rg *rg, unsigned sid, uint64_t epoch, uintptr_t top, uintptr_t *out,
                   int max)
{
    const uint64_t mask62 = ((uint64_t)1 << 62) - 1;
    int n = 0;
    rc_spin_lock(&rg->trace_lock);
    rc_trace_part *p = part_of(rg, rc_cell_make(sid, epoch, 0, 0));
    if (p) {
        /* stack = part's start stack, then replay entries/exits before the event */
        uint32_t depth = p->depth, cap = depth + p->cap;
        uintptr_t *stk = rc_race_malloc(cap * sizeof *stk);
        if (!stk) {
            rc_spin_unlock(&rg->trace_lock);
            return 0;
        }
        if (depth)
            memcpy(stk, p->stack, depth * sizeof *stk);
        uint64_t last = epoch - p->epoch0;
        for (uint64_t k = 0; k < last; k++) {
            uint64_t ev = p->ev[k];
            unsigned type = (unsigned)(ev >> 62);
            if (type == RC_EV_ENTRY)
                stk[depth++] = (uintptr_t)(ev & mask62);
            else if (type == RC_EV_EXIT && depth > 0)
                depth--;
        }
        uint64_t ev = p->ev[last];
        if (!top && (ev >> 62) == RC_EV_ACCESS)
            top = (uintptr_t)(ev & mask62);
        if (top && max > 0) {
            out[n++] = top;
            for (int j = (int)depth - 1; j >= 0 && n < max; j--)
                out[n++] = stk[j];
        }
        rc_race_free(stk);
    }
    rc_spin_unlock(&rg->trace_lock);
    return n;
}

int rc_trace_restore(rc_rg *rg, rc_cell c, uintptr_t *out, int max)
{
    return restore(rg, rc_cell_sid(c), rc_cell_epoch(c), 0, out, max);
}

int rc_trace_restore_at(rc_rg *rg, unsigned sid, uint64_t epoch, uintptr_t pc,
                        uintptr_t *out, int max)
{
    return restore(rg, sid, epoch, pc, out, max);
}
