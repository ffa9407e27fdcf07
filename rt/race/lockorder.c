/*
 * lockorder.c: lock-order inversions (potential deadlocks), as TSan's deadlock
 * detector finds them, for Mutex and RWMutex.
 *
 * The graph: an edge A -> B when a goroutine takes B while holding A (Lock or RLock;
 * a TryLock cannot block, so it adds no edge into its mutex). A cycle means that the
 * program takes these mutexes in inconsistent orders: goroutines doing so at the same
 * time can deadlock, even if this run did not. Each edge keeps the first goroutine
 * that took it, with both stacks (where it took B, where it had taken A), and its
 * guards: the mutexes held for writing across every time the edge was taken. A
 * cycle whose edges share a guard is no inversion (one gate lock serialises them
 * all), and neither is a cycle of mutexes only ever read-locked (no writer, no wait).
 * Mutexes unlocked by a goroutine that did not lock them (semaphores, locks.h) take
 * no part.
 *
 * A cycle is searched for when an edge appears or its guards shrink, from the edge's
 * target back to its source, in at most RC_LOCK_CYCLE edges and SEARCH_BUDGET steps.
 * Each cycle is reported once, and once per set of acquisition sites (the same code
 * deadlocking on many pairs of accounts is one report).
 *
 * Everything here runs under rc_locks_lock (locks.h), except writing reports.
 */
#include "alloc.h"
#include "emit.h"
#include "locks.h"
#include "../core/spin.h"
#include "../diag/panic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_BUDGET 10000
#define SEEN_CAP      1024

struct rc_lockedge {
    rc_lockrec *to;
    bool        from_write, to_write;
    bool        reported;
    bool        is_main;
    int64_t     goid;
    uint8_t     nguards, nacq, nheld, ncreate;
    uintptr_t   guards[RC_MAX_HELD];
    uintptr_t   acq[RC_LOCK_STACK], held[RC_LOCK_STACK], create[RC_LOCK_STACK];
};

/* ---- the graph ------------------------------------------------------------------ */

static void *grow(void *v, uint32_t *cap, size_t size)
{
    uint32_t n = *cap ? 2 * *cap : 4;
    void *p = rc_race_realloc(v, n * size);
    if (!p)
        rc_fatal("race: out of memory (lock order)");
    *cap = n;
    return p;
}

static rc_lockedge *edge_find(rc_lockrec *from, rc_lockrec *to)
{
    for (uint32_t i = 0; i < from->nout; i++)
        if (from->out[i].to == to)
            return &from->out[i];
    return NULL;
}

static rc_lockedge *edge_add(rc_lockrec *from, rc_lockrec *to)
{
    if (from->nout == from->capout)
        from->out = grow(from->out, &from->capout, sizeof *from->out);
    if (to->nin == to->capin)
        to->in = grow(to->in, &to->capin, sizeof *to->in);
    to->in[to->nin++] = from;
    rc_lockedge *e = &from->out[from->nout++];
    memset(e, 0, sizeof *e);
    e->to = to;
    return e;
}

static void in_del(rc_lockrec *to, rc_lockrec *from)
{
    for (uint32_t i = 0; i < to->nin; i++)
        if (to->in[i] == from) {
            to->in[i] = to->in[--to->nin];
            return;
        }
}

void rc_lockorder_forget(rc_lockrec *r)
{
    for (uint32_t i = 0; i < r->nout; i++)
        if (r->out[i].to != r)
            in_del(r->out[i].to, r);
    for (uint32_t i = 0; i < r->nin; i++) {
        rc_lockrec *from = r->in[i];
        for (uint32_t k = 0; k < from->nout; k++)
            if (from->out[k].to == r) {
                from->out[k] = from->out[--from->nout];
                break;
            }
    }
    r->nout = r->nin = 0;
}

/* ---- guards --------------------------------------------------------------------- */

/* a := a ∩ b (sets of mutex addresses); returns the new size. */
static int intersect(uintptr_t *a, int na, const uintptr_t *b, int nb)
{
    int n = 0;
    for (int i = 0; i < na; i++)
        for (int k = 0; k < nb; k++)
            if (a[i] == b[k]) {
                a[n++] = a[i];
                break;
            }
    return n;
}

/* The mutexes rg holds for writing other than a and b: guards of an edge a -> b. */
static int guards_now(const rc_rg *rg, uintptr_t a, uintptr_t b, uintptr_t *out)
{
    int n = 0;
    for (uint32_t i = 0; i < rg->nheld; i++)
        if (rg->held[i].write && rg->held[i].addr != a && rg->held[i].addr != b)
            out[n++] = rg->held[i].addr;
    return n;
}

/* ---- cycles --------------------------------------------------------------------- */

typedef struct search {
    rc_lockrec  *target;
    rc_lockedge *path[RC_LOCK_CYCLE];
    int          budget;
    bool         written;   /* some mutex on the path is ever write-locked */
} search;

/* A path of edges from node to s->target along which the guards' intersection
 * (inter) becomes empty; returns its length, or 0. */
static int dfs(search *s, rc_lockrec *node, const uintptr_t *inter, int ninter, int depth,
               bool written)
{
    for (uint32_t i = 0; i < node->nout; i++) {
        rc_lockedge *e = &node->out[i];
        if (--s->budget < 0)
            return 0;
        if (RC_LK_LOAD(e->to->handoff))
            continue;
        uintptr_t in2[RC_MAX_HELD];
        memcpy(in2, inter, (size_t)ninter * sizeof *in2);
        int n2 = intersect(in2, ninter, e->guards, e->nguards);
        bool w = written || RC_LK_LOAD(e->to->wlocked);
        s->path[depth] = e;
        if (e->to == s->target) {
            if (n2 == 0 && w) {
                s->written = true;
                return depth + 1;
            }
            continue;
        }
        if (depth + 2 >= RC_LOCK_CYCLE)
            continue;
        bool on_path = false;
        for (int k = 0; k < depth && !on_path; k++)
            on_path = s->path[k]->to == e->to;
        if (on_path)
            continue;
        int n = dfs(s, e->to, in2, n2, depth + 1, w);
        if (n)
            return n;
    }
    return 0;
}

/* ---- the report ----------------------------------------------------------------- */

typedef struct rc_lockorder_raw {
    int          n;
    uintptr_t    mutex[RC_LOCK_CYCLE];   /* link i goes from mutex[i] to mutex[i+1 mod n] */
    rc_lockedge  e[RC_LOCK_CYCLE];       /* copies */
} rc_lockorder_raw;

/* The cycle: first (from -> first->to), then the path back to from. */
static rc_lockorder_raw *collect(rc_lockrec *from, rc_lockedge *first, search *s, int n)
{
    rc_lockorder_raw *raw = rc_race_malloc(sizeof *raw);
    if (!raw)
        return NULL;
    rc_report_begin(); /* rc_lockorder_report says done */
    raw->n = n + 1;
    raw->mutex[0] = from->addr;
    raw->mutex[1] = first->to->addr;
    raw->e[0] = *first;
    first->reported = true;
    for (int i = 0; i < n; i++) {
        raw->e[i + 1] = *s->path[i];
        if (i + 2 <= n)
            raw->mutex[i + 2] = s->path[i]->to->addr;
        s->path[i]->reported = true;
    }
    return raw;
}

static rc_lockorder_raw *check(rc_lockrec *from, rc_lockedge *e)
{
    search s = { .target = from, .budget = SEARCH_BUDGET };
    bool written = RC_LK_LOAD(from->wlocked) || RC_LK_LOAD(e->to->wlocked);
    int n = dfs(&s, e->to, e->guards, e->nguards, 0, written);
    if (!n)
        return NULL;
    bool fresh = !e->reported;
    for (int i = 0; i < n; i++)
        fresh |= !s.path[i]->reported;
    return fresh ? collect(from, e, &s, n) : NULL;
}

static void observe(rc_lockedge *e, rc_rg *rg, rc_lockrec *from, uint32_t i, bool write,
                    uintptr_t pc);

rc_lockorder_raw *rc_lockorder_add(rc_rg *rg, rc_lockrec *r, bool write, uintptr_t pc)
{
    rc_lockorder_raw *found = NULL;
    if (RC_LK_LOAD(r->handoff))
        return NULL;
    for (uint32_t i = 0; i < rg->nheld; i++) {
        rc_lockrec *from = rc_lockrec_get(rg->held[i].addr, false);
        if (!from || from == r || RC_LK_LOAD(from->handoff))
            continue;
        uintptr_t g[RC_MAX_HELD];
        int ng = guards_now(rg, from->addr, r->addr, g);
        rc_lockedge *e = edge_find(from, r);
        if (e) { /* seen before: fewer guards may now expose a cycle */
            int n = intersect(e->guards, e->nguards, g, ng);
            bool shrank = n < e->nguards;
            e->nguards = (uint8_t)n;
            if (shrank) { /* this less guarded acquisition is the one to show */
                observe(e, rg, from, i, write, pc);
                if (!found)
                    found = check(from, e);
            }
            continue;
        }
        e = edge_add(from, r);
        e->nguards = (uint8_t)ng;
        memcpy(e->guards, g, (size_t)ng * sizeof *g);
        observe(e, rg, from, i, write, pc);
        if (!found)
            found = check(from, e);
    }
    return found;
}

/* Records who took edge e, and where (rg holds from as its held[i]). */
static void observe(rc_lockedge *e, rc_rg *rg, rc_lockrec *from, uint32_t i, bool write,
                    uintptr_t pc)
{
    e->from_write = rg->held[i].write;
    e->to_write = write;
    e->goid = rg->goid;
    e->is_main = rg->is_main;
    e->nacq = (uint8_t)rc_locks_stack_now(rg, pc, e->acq, RC_LOCK_STACK);
    bool reader;
    rc_lockholder h;
    e->nheld = rc_lockrec_holder(from, rg->goid, &h, &reader)
                   ? (uint8_t)rc_locks_stack_at(rg, &h, e->held, RC_LOCK_STACK) : 0;
    e->ncreate = (uint8_t)(rg->create_depth < RC_LOCK_STACK ? rg->create_depth
                                                            : RC_LOCK_STACK);
    memcpy(e->create, rg->create_stk, e->ncreate * sizeof(uintptr_t));
}

/* Reported site sets, so one bug on many mutex pairs is one report. */
static struct { _Atomic uint32_t lock; uint64_t key[SEEN_CAP]; int n; } seen;

static bool seen_before(const rc_lockorder_raw *raw)
{
    uintptr_t pcs[RC_LOCK_CYCLE];
    for (int i = 0; i < raw->n; i++)
        pcs[i] = raw->e[i].nacq ? raw->e[i].acq[0] : 0;
    for (int i = 1; i < raw->n; i++) /* sorted: the same cycle from any start */
        for (int k = i; k > 0 && pcs[k - 1] > pcs[k]; k--) {
            uintptr_t t = pcs[k];
            pcs[k] = pcs[k - 1];
            pcs[k - 1] = t;
        }
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int i = 0; i < raw->n; i++)
        h = (h ^ pcs[i]) * 0x100000001b3ULL;
    rc_spin_lock(&seen.lock);
    bool found = false;
    for (int i = 0; i < seen.n && !found; i++)
        found = seen.key[i] == h;
    if (!found && seen.n < SEEN_CAP)
        seen.key[seen.n++] = h;
    rc_spin_unlock(&seen.lock);
    return found;
}

static void inversion_text(const void *p)
{
    const rc_lockorder_data *d = p;
    rc_emit_out("WARNING: LOCK ORDER INVERSION (potential deadlock)\n"
                "Cycle in lock order graph:");
    for (int i = 0; i < d->n; i++)
        rc_emit_out(" M%d (%#014lx) =>", d->link[i].from + 1,
                    (unsigned long)d->mutexes[d->link[i].from].addr);
    rc_emit_out(" M%d\n", d->link[0].from + 1);
    for (int i = 0; i < d->n; i++) {
        const rc_lockorder_link *l = &d->link[i];
        char who[64];
        rc_emit_goroutine_name(&l->g, who, sizeof who);
        rc_emit_out("\nMutex M%d acquired%s here while holding mutex M%d%s by %s:\n",
                    l->to + 1, l->to_write ? "" : " (read)", l->from + 1,
                    l->from_write ? "" : " (read)", who);
        rc_emit_text_stack(&l->acquired);
        rc_emit_out("\nMutex M%d previously acquired by the same goroutine here:\n",
                    l->from + 1);
        rc_emit_text_stack(&l->held);
    }
    rc_emit_text_created(d->created, d->ncreated, ""); /* may have finished since */
    rc_emit_text_mutexes(d->mutexes, d->nmutexes);
}

static void inversion_key(const void *p, char *key, size_t n)
{
    const rc_lockorder_data *d = p;
    const rc_rstack *acquired[RC_RCYCLE];
    for (int i = 0; i < d->n; i++)
        acquired[i] = &d->link[i].acquired;
    rc_emit_sites_key(key, n, "lock-order-inversion", acquired, d->n);
}

static void inversion_json(rc_json *j, const void *p)
{
    const rc_lockorder_data *d = p;
    rc_json_key(j, "cycle");
    rc_json_array(j);
    for (int i = 0; i < d->n; i++) {
        const rc_lockorder_link *l = &d->link[i];
        char from[16], to[16];
        snprintf(from, sizeof from, "M%d", l->from + 1);
        snprintf(to, sizeof to, "M%d", l->to + 1);
        rc_json_object(j);
        rc_json_kstr(j, "from", from);
        rc_json_kstr(j, "from_mode", l->from_write ? "write" : "read");
        rc_json_kstr(j, "to", to);
        rc_json_kstr(j, "to_mode", l->to_write ? "write" : "read");
        rc_emit_json_goroutine(j, "goroutine", &l->g, false);
        rc_emit_json_stack(j, "stack", &l->acquired);
        rc_emit_json_stack(j, "held_since", &l->held);
        rc_json_end(j);
    }
    rc_json_end(j);
    rc_emit_json_created(j, d->created, d->ncreated, "");
    rc_emit_json_mutexes(j, d->mutexes, d->nmutexes);
}

static const rc_emitter inversion_emitter = { "lock-order-inversion", inversion_key,
                                              inversion_text, inversion_json };

void rc_lockorder_report(rc_lockorder_raw *raw)
{
    static rc_lockorder_data d; /* guarded by rc_out_lock */
    if (seen_before(raw)) {
        rc_race_free(raw);
        rc_report_done(RC_REPORT_LOCK_ORDER, 0);
        return;
    }
    rc_rg *cur = rc_race_cur();
    if (cur)
        cur->ignore++;
    rc_out_lock();
    memset(&d, 0, sizeof d);
    rc_report_frames_reset();
    d.n = raw->n;
    for (int i = 0; i < raw->n; i++) {
        rc_report_mutex(&d.mutexes[i], raw->mutex[i]);
        d.nmutexes++;
    }
    for (int i = 0; i < raw->n; i++) {
        const rc_lockedge *e = &raw->e[i];
        rc_lockorder_link *l = &d.link[i];
        l->from = i;
        l->to = (i + 1) % raw->n;
        l->from_write = e->from_write;
        l->to_write = e->to_write;
        l->g = (rc_rgoroutine){ .id = e->goid, .is_main = e->is_main };
        rc_report_stack(&l->acquired, e->acq, e->nacq);
        rc_report_stack(&l->held, e->held, e->nheld);
    }
    for (int i = 0; i < raw->n; i++) {
        const rc_lockedge *e = &raw->e[i];
        bool dup = e->is_main || !e->ncreate;
        for (int k = 0; k < i && !dup; k++)
            dup = raw->e[k].goid == e->goid;
        if (dup)
            continue;
        rc_rcreated *c = &d.created[d.ncreated++];
        c->g = (rc_rgoroutine){ .id = e->goid };
        rc_report_stack(&c->stack, e->create, e->ncreate);
    }
    rc_emit(&inversion_emitter, &d);
    rc_out_unlock();
    if (cur)
        cur->ignore--;
    rc_race_free(raw);
    rc_report_done(RC_REPORT_LOCK_ORDER, 1);
}
