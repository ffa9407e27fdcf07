/*
 * slot.c: slots (race.h), their journals, and the registry that finds a goroutine's
 * detector state by goroutine id.
 *
 * A slot's journal lists its tenures in epoch order, {first epoch, goid}: the cell
 * (sid, e) was made by the goroutine of the last tenure that starts at or before e.
 * A journal keeps at most RC_JOURNAL_MAX tenures; older ones are dropped and the
 * accesses they covered are then reported without a stack.
 *
 * Which slot an attaching goroutine gets: a never-used one first (lowest id, so the
 * clocks of a program with few goroutines stay short), then a free one, oldest freed
 * first (a finished goroutine's slot is reused as late as possible), then the slot
 * of a goroutine that is not running (round robin over the slots).
 *
 * Registry: live and recently finished goroutines by goid. Finished ones wait in a
 * FIFO of RC_FINISHED_KEEP so reports can still name them and restore their stacks;
 * the oldest is then freed.
 *
 * Lock order: slots.lock -> rg->lock; reg.lock -> slots.lock; reg.lock ->
 * rg->trace_lock. Nothing takes reg.lock while holding slots.lock.
 */
#include "alloc.h"
#include "race.h"
#include "../core/spin.h"
#include "../diag/panic.h"

#include <sched.h>
#include <string.h>

#define RC_JOURNAL_MAX   4096
#define RC_FINISHED_KEEP 1024
#define RC_REG_BUCKETS   (1u << 16)

typedef struct tenure { uint64_t epoch0; int64_t goid; } tenure;

typedef struct slot {
    uint64_t epoch;        /* last epoch used */
    rc_rg   *owner;        /* NULL: free */
    tenure  *j;            /* journal, oldest first */
    uint32_t nj, capj;
    uint64_t floor;        /* epochs below this have no journal entry any more */
} slot;

static struct {
    _Atomic uint32_t lock;
    unsigned nused;              /* slots [0, nused) have been used */
    unsigned freeq[RC_NSLOTS];   /* free slots, oldest freed first */
    unsigned fhead, flen;
    unsigned steal_next;         /* round-robin cursor */
    slot     s[RC_NSLOTS];
} slots;

static struct {
    _Atomic uint32_t lock;
    rc_rg   *qhead, *qtail;      /* finished goroutines, oldest first */
    unsigned qlen;
    rc_rg   *bucket[RC_REG_BUCKETS];
} reg;

/* ---- slots ---------------------------------------------------------------------- */

static void journal_push(slot *s, uint64_t epoch0, int64_t goid)
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
    s->j[s->nj++] = (tenure){ epoch0, goid };
}

/* Takes the slot of a goroutine that is not running; -1 if every holder runs. */
static int steal(void)
{
    for (unsigned k = 0; k < RC_NSLOTS; k++) {
        unsigned sid = slots.steal_next;
        slots.steal_next = (sid + 1) % RC_NSLOTS;
        slot *s = &slots.s[sid];
        rc_rg *v = s->owner;
        rc_spin_lock(&v->lock);
        if (v->running) {
            rc_spin_unlock(&v->lock);
            continue;
        }
        /* v's own events there stay ordered before what it does next */
        rc_vc_set(&v->vc, sid, v->epoch);
        s->epoch = v->epoch;
        s->owner = NULL;
        v->sid = RC_NO_SLOT;
        rc_spin_unlock(&v->lock);
        return (int)sid;
    }
    return -1;
}

static int pick(void)
{
    if (slots.nused < RC_NSLOTS)
        return (int)slots.nused++;
    if (slots.flen > 0) {
        unsigned sid = slots.freeq[slots.fhead];
        slots.fhead = (slots.fhead + 1) % RC_NSLOTS;
        slots.flen--;
        return (int)sid;
    }
    return steal();
}

void rc_slot_attach(rc_rg *rg)
{
    int sid;
    for (;;) {
        rc_spin_lock(&slots.lock);
        if ((sid = pick()) >= 0)
            break;
        /* all RC_NSLOTS holders are running (or in system calls): wait for one */
        rc_spin_unlock(&slots.lock);
        sched_yield();
    }
    slot *s = &slots.s[sid];
    s->owner = rg;
    journal_push(s, s->epoch + 1, rg->goid);
    rc_spin_lock(&rg->lock);
    rc_vc_set(&rg->vc, (unsigned)sid, rc_vc_get(&rg->vc, (unsigned)sid)); /* room for it */
    rg->sid = (unsigned)sid;
    rg->epoch = s->epoch;
    rg->attach_epoch = s->epoch + 1;
    rc_spin_unlock(&rg->lock);
    rc_spin_unlock(&slots.lock);
    rc_trace_new_part(rg); /* a part holds one tenure's epochs */
}

void rc_slot_detach(rc_rg *rg)
{
    rc_spin_lock(&slots.lock);
    if (rg->sid != RC_NO_SLOT) {
        slot *s = &slots.s[rg->sid];
        s->epoch = rg->epoch;
        s->owner = NULL;
        slots.freeq[(slots.fhead + slots.flen) % RC_NSLOTS] = rg->sid;
        slots.flen++;
        rg->sid = RC_NO_SLOT;
    }
    rc_spin_unlock(&slots.lock);
}

/* ---- registry ------------------------------------------------------------------- */

static rc_rg **bucket_of(int64_t goid)
{
    return &reg.bucket[((uint64_t)goid * 0x9E3779B97F4A7C15ULL) >> 48];
}

void rc_race_register(rc_rg *rg)
{
    rc_spin_lock(&reg.lock);
    rc_rg **b = bucket_of(rg->goid);
    rg->hnext = *b;
    *b = rg;
    rc_spin_unlock(&reg.lock);
}

static void unlink_rg(rc_rg *rg)
{
    for (rc_rg **p = bucket_of(rg->goid); *p; p = &(*p)->hnext)
        if (*p == rg) {
            *p = rg->hnext;
            return;
        }
}

void rc_race_retire(rc_rg *rg)
{
    rc_rg *old = NULL;
    rc_spin_lock(&reg.lock);
    rg->qnext = NULL;
    if (reg.qtail)
        reg.qtail->qnext = rg;
    else
        reg.qhead = rg;
    reg.qtail = rg;
    if (++reg.qlen > RC_FINISHED_KEEP) {
        old = reg.qhead;
        reg.qhead = old->qnext;
        reg.qlen--;
        unlink_rg(old);
    }
    rc_spin_unlock(&reg.lock);
    if (old)
        rc_rg_free(old);
}

void rc_race_who_lock(void) { rc_spin_lock(&reg.lock); }
void rc_race_who_unlock(void) { rc_spin_unlock(&reg.lock); }

rc_rg *rc_race_cell_owner(rc_cell c)
{
    unsigned sid = rc_cell_sid(c);
    uint64_t e = rc_cell_epoch(c);
    if (sid >= RC_NSLOTS)
        return NULL;
    int64_t goid = 0;
    rc_spin_lock(&slots.lock);
    slot *s = &slots.s[sid];
    if (e >= s->floor && s->nj > 0 && e >= s->j[0].epoch0) {
        uint32_t lo = 0, hi = s->nj; /* last tenure with epoch0 <= e */
        while (hi - lo > 1) {
            uint32_t mid = (lo + hi) / 2;
            if (s->j[mid].epoch0 <= e)
                lo = mid;
            else
                hi = mid;
        }
        goid = s->j[lo].goid;
    }
    rc_spin_unlock(&slots.lock);
    if (goid == 0)
        return NULL;
    for (rc_rg *rg = *bucket_of(goid); rg; rg = rg->hnext)
        if (rg->goid == goid)
            return rg;
    return NULL;
}
