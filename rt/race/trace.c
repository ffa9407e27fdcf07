/*
 * trace.c: per-goroutine event history (see race.h). A goroutine's trace is a ring of
 * rc_race_history_parts parts of RC_TRACE_PART_EVENTS events; each part starts with a
 * copy of the shadow stack, so replay starts from that copy and applies the part's
 * entries and exits up to the wanted epoch. Older events are overwritten: a report
 * about an access that old says "[failed to restore the stack]", as TSan does.
 */
#include "alloc.h"
#include "race.h"
#include "../core/spin.h"
#include "../diag/panic.h"

#include <stdlib.h>
#include <string.h>

static rc_trace_part *part_alloc(void)
{
    rc_trace_part *p = rc_race_malloc(sizeof *p);
    if (!p)
        rc_fatal("race: out of memory (trace)");
    p->stack = NULL;
    return p;
}

static void part_start(rc_rg *rg, rc_trace_part *p)
{
    p->epoch0 = rg->epoch + 1;
    p->depth = rg->depth;
    rc_race_free(p->stack);
    p->stack = NULL;
    if (rg->depth) {
        p->stack = rc_race_malloc(rg->depth * sizeof *p->stack);
        if (!p->stack)
            rc_fatal("race: out of memory (trace)");
        memcpy(p->stack, rg->stk, rg->depth * sizeof *p->stack);
    }
}

void rc_trace_init(rc_rg *rg)
{
    rg->nparts = (uint32_t)rc_race_history_parts;
    rg->parts = rc_race_calloc(rg->nparts, sizeof *rg->parts);
    if (!rg->parts)
        rc_fatal("race: out of memory (trace)");
    rg->parts[0] = part_alloc();
    rg->cur = 0;
    rg->pos = 0;
    part_start(rg, rg->parts[0]);
}

void rc_trace_free(rc_rg *rg)
{
    for (uint32_t i = 0; i < rg->nparts; i++)
        if (rg->parts[i]) {
            rc_race_free(rg->parts[i]->stack);
            rc_race_free(rg->parts[i]);
        }
    rc_race_free(rg->parts);
    rg->parts = NULL;
}

void rc_trace_new_part(rc_rg *rg)
{
    rc_spin_lock(&rg->trace_lock);
    rg->cur = (rg->cur + 1) % rg->nparts;
    if (!rg->parts[rg->cur])
        rg->parts[rg->cur] = part_alloc();
    part_start(rg, rg->parts[rg->cur]);
    rg->pos = 0;
    rc_spin_unlock(&rg->trace_lock);
}

int rc_trace_restore(rc_rg *rg, uint64_t epoch, uintptr_t *out, int max)
{
    int n = 0;
    rc_spin_lock(&rg->trace_lock);
    for (uint32_t i = 0; i < rg->nparts; i++) {
        rc_trace_part *p = rg->parts[i];
        if (!p || epoch < p->epoch0 || epoch >= p->epoch0 + RC_TRACE_PART_EVENTS)
            continue;
        /* stack = part's start stack, then replay entries/exits before the access */
        uint32_t depth = p->depth, cap = depth + RC_TRACE_PART_EVENTS;
        uintptr_t *stk = rc_race_malloc(cap * sizeof *stk);
        if (!stk)
            break;
        if (depth)
            memcpy(stk, p->stack, depth * sizeof *stk);
        uint64_t last = epoch - p->epoch0;
        for (uint64_t k = 0; k < last; k++) {
            uint64_t ev = p->ev[k];
            unsigned type = (unsigned)(ev >> 62);
            if (type == RC_EV_ENTRY)
                stk[depth++] = (uintptr_t)(ev & (((uint64_t)1 << 62) - 1));
            else if (type == RC_EV_EXIT && depth > 0)
                depth--;
        }
        uint64_t ev = p->ev[last];
        if ((ev >> 62) == RC_EV_ACCESS && max > 0) {
            out[n++] = (uintptr_t)(ev & (((uint64_t)1 << 62) - 1));
            for (int j = (int)depth - 1; j >= 0 && n < max; j--)
                out[n++] = stk[j];
        }
        rc_race_free(stk);
        break;
    }
    rc_spin_unlock(&rg->trace_lock);
    return n;
}
