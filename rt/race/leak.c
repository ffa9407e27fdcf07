/*
 * leak.c: goroutine leaks at exit, goleak's check built in.
 *
 * When the program exits (main returns, or exit() is called), a goroutine still
 * blocked on a channel, a select or a sync primitive can never finish: it leaked.
 * Goroutines that are running or runnable first get a bounded grace period
 * (RC_LEAK_GRACE_MS) to finish or block, as goleak retries (in controlled mode: no real
 * time, they run until all are blocked, sched/control.h); sleeping goroutines are
 * not leaks (they wake up by themselves), nor are main and the exiting goroutine.
 * Leaks with the same wait reason and waiting stack are one report, with the number
 * of goroutines, their ids, and where the first of them was created.
 *
 * Reports go through emit.c (text or JSON, like data races) and count in the summary.
 *
 * reach.c also finds leaks while the program runs: goroutines blocked on an object no
 * live goroutine can reach. Those are reported at once (rc_leak_report_unreachable),
 * with the same grouping and "(unreachable channel)" and the like on the WARNING line,
 * and never again at exit. At exit one more reachability scan runs after the grace
 * period, so exit reports say "unreachable" too where the scan could tell.
 *
 * Stacks of parked goroutines are unwound from their saved context while other
 * threads may still run; a goroutine whose park changed meanwhile (status or
 * wait_since) is dropped rather than reported with a torn stack.
 */
#include "alloc.h"
#include "emit.h"
#include "race.h"
#include "report.h"
#include "../diag/panic.h"
#include "../diag/traceback.h"
#include "../sched/control.h"
#include "../sched/proc.h"
#include "racecheck.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RC_LEAK_GRACE_MS 200
#define RC_LEAK_MAX      1024   /* goroutines examined; more are counted, not shown */

typedef struct leak {
    rc_g     *g;
    int64_t   id, since;
    uint8_t   reason;
    int       n;                  /* frames in pcs */
    uintptr_t pcs[RC_TB_MAX_DEPTH];
    uintptr_t created;            /* creation site */
    uint64_t  key;                /* hash of the frames a report shows */
    int       group;              /* index of its group's first member */
    bool      unreachable;        /* reach.c: its wait object is unreachable */
} leak;

/* What a report of a group shows (rc_emit's data). */
typedef struct leak_report {
    rc_leak_data d;
    const char  *unreachable;     /* "unreachable channel", ...; NULL: not known */
} leak_report;

/* Serialises reporting (the scan thread's and exit's) and guards the set of
 * goroutines already reported, by id (ids are never reused). */
static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
static struct { int64_t *v; size_t cap, n; } reported;

static bool was_reported(int64_t id)
{
    if (!reported.cap)
        return false;
    for (size_t i = (size_t)id * 0x9E3779B97F4A7C15ULL % reported.cap;; i = (i + 1) % reported.cap) {
        if (reported.v[i] == id)
            return true;
        if (reported.v[i] == 0)
            return false;
    }
}

static void set_reported(int64_t id)
{
    if (2 * (reported.n + 1) > reported.cap) {
        size_t cap = reported.cap ? 2 * reported.cap : 256;
        int64_t *v = rc_race_calloc(cap, sizeof *v), *old = reported.v;
        if (!v)
            return;
        size_t oldcap = reported.cap;
        reported.v = v;
        reported.cap = cap;
        reported.n = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                set_reported(old[i]);
        rc_race_free(old);
    }
    size_t i = (size_t)id * 0x9E3779B97F4A7C15ULL % reported.cap;
    while (reported.v[i] && reported.v[i] != id)
        i = (i + 1) % reported.cap;
    if (!reported.v[i]) {
        reported.v[i] = id;
        reported.n++;
    }
}

/* What the goroutine waits on, for "(unreachable ...)". */
static const char *unreachable_what(uint8_t r)
{
    switch (r) {
    case RC_WAIT_CHAN_SEND: case RC_WAIT_CHAN_RECV: return "unreachable channel";
    case RC_WAIT_CHAN_SEND_NIL: case RC_WAIT_CHAN_RECV_NIL: return "nil channel";
    case RC_WAIT_SELECT: return "unreachable channels";
    case RC_WAIT_SELECT_NO_CASES: return "select with no cases";
    case RC_WAIT_MUTEX_LOCK: return "unreachable sync.Mutex";
    case RC_WAIT_RWMUTEX_RLOCK: case RC_WAIT_RWMUTEX_LOCK: return "unreachable sync.RWMutex";
    case RC_WAIT_WAITGROUP_WAIT: return "unreachable sync.WaitGroup";
    case RC_WAIT_COND_WAIT: return "unreachable sync.Cond";
    default: return "unreachable object";
    }
}

static bool leak_reason(uint8_t r)
{
    return r != RC_WAIT_NONE && r != RC_WAIT_SLEEP && r < RC_WAIT_COUNT;
}

struct scan { const rc_g *self; int busy; };

static void count_busy(rc_g *g, void *arg)
{
    struct scan *s = arg;
    int st = atomic_load(&g->status);
    if (g != s->self && (st == RC_G_RUNNABLE || st == RC_G_RUNNING || st == RC_G_SYSCALL))
        s->busy++;
}

struct collect { const rc_g *self; leak *v; int n, total; };

/* Part of a deadlock already reported as such (locks.c): not a leak as well. */
static bool in_deadlock(const rc_g *g)
{
    const rc_rg *rg = g->race;
    return rg && rg->lk_deadlocked;
}

/* (report_mu held) */
static void collect(rc_g *g, void *arg)
{
    struct collect *c = arg;
    if (g == c->self || g->is_main || atomic_load(&g->status) != RC_G_WAITING ||
        !leak_reason(g->wait_reason) || was_reported(g->id) || in_deadlock(g))
        return;
    c->total++;
    if (c->n < RC_LEAK_MAX)
        c->v[c->n++] = (leak){ .g = g, .id = g->id, .since = g->wait_since,
                               .reason = g->wait_reason };
}

static uintptr_t creation_site(const rc_g *g)
{
    const rc_rg *rg = g->race;
    return rg && rg->create_depth ? rg->create_stk[0] : g->create_pc;
}

/* Two leaks are "the same" when their reports would show the same frames (raw pcs
 * can differ in the runtime frames a report hides). */
static void hash_frame(const rc_frame *f, void *arg)
{
    uint64_t *h = arg;
    if (!f)
        return;
    for (const char *p = f->func; *p; p++)
        *h = (*h ^ (uint8_t)*p) * 0x100000001b3ULL;
    for (const char *p = f->file; *p; p++)
        *h = (*h ^ (uint8_t)*p) * 0x100000001b3ULL;
    *h = (*h ^ (uint64_t)f->line) * 0x100000001b3ULL;
}

static uint64_t shown_key(const leak *l)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ l->reason;
    rc_tb_frames(l->pcs, l->n, RC_TB_RACE_STYLE | RC_TB_STOP_AT_MAIN, hash_frame, &h);
    return h;
}

static int by_id(const void *a, const void *b)
{
    int64_t x = ((const leak *)a)->id, y = ((const leak *)b)->id;
    return (x > y) - (x < y);
}

/* ---- the report (emit.h) ------------------------------------------------------------ */

static void leak_text(const void *p)
{
    const leak_report *r = p;
    const rc_leak_data *d = &r->d;
    if (r->unreachable)
        rc_emit_out("WARNING: GOROUTINE LEAK (%s)\n", r->unreachable);
    else
        rc_emit_out("WARNING: GOROUTINE LEAK\n");
    if (d->count == 1) {
        rc_emit_out("Goroutine %lld blocked forever in %s:\n", (long long)d->first.id,
                    d->reason);
    } else {
        rc_emit_out("%d goroutines blocked forever in %s with this stack (goroutines",
                    d->count, d->reason);
        for (int i = 0; i < d->nids; i++)
            rc_emit_out("%s %lld", i ? "," : "", (long long)d->ids[i]);
        rc_emit_out("%s):\n", d->count > d->nids ? ", ..." : "");
    }
    rc_emit_text_stack(&d->stack);
    rc_emit_out("\nGoroutine %lld created at:\n", (long long)d->first.id);
    rc_emit_text_stack(&d->created);
}

static void leak_key(const void *p, char *key, size_t n)
{
    const rc_leak_data *d = &((const leak_report *)p)->d;
    char where[600];
    rc_emit_site(&d->stack, where, sizeof where);
    snprintf(key, n, "goroutine-leak:%s|%s", d->reason, where);
}

static void leak_json(rc_json *j, const void *p)
{
    const leak_report *r = p;
    const rc_leak_data *d = &r->d;
    rc_json_kstr(j, "wait_reason", d->reason);
    rc_json_kbool(j, "unreachable", r->unreachable != NULL);
    rc_json_kint(j, "count", d->count);
    rc_json_key(j, "goroutines");
    rc_json_array(j);
    for (int i = 0; i < d->nids; i++)
        rc_json_int(j, d->ids[i]);
    rc_json_end(j);
    rc_emit_json_stack(j, "stack", &d->stack);
    rc_emit_json_stack(j, "created_at", &d->created);
}

static const rc_emitter leak_emitter = { "goroutine-leak", leak_key, leak_text, leak_json };

/* One report for the group whose first member is v[first] (rc_out_lock held). */
static void report_group(leak *v, int nv, int first)
{
    static leak_report r;
    rc_leak_data *d = &r.d;
    const leak *l = &v[first];
    memset(&r, 0, sizeof r);
    bool unreachable = true; /* said of a group only if true of all its members */
    rc_report_frames_reset();
    d->reason = rc_wait_reason_string(l->reason);
    for (int i = first; i < nv; i++)
        if (v[i].group == first) {
            unreachable &= v[i].unreachable;
            if (d->nids < RC_LEAK_IDS)
                d->ids[d->nids++] = v[i].id;
            d->count++;
        }
    d->first = (rc_rgoroutine){ .id = l->id };
    rc_report_stack(&d->stack, l->pcs, l->n);
    const rc_rg *rg = l->g->race;
    if (rg && rg->create_depth)
        rc_report_stack(&d->created, rg->create_stk, (int)rg->create_depth);
    else
        rc_report_stack(&d->created, &l->created, 1);
    r.unreachable = unreachable ? unreachable_what(l->reason) : NULL;
    rc_emit(&leak_emitter, &r);
}

/* Unwinds, groups and reports v[0..nv) (report_mu held); returns how many were
 * reported (goroutines that moved meanwhile are dropped) and remembers them. */
static int report_all(leak *v, int nv)
{
    int n = 0;
    for (int i = 0; i < nv; i++) { /* unwind; drop goroutines that moved meanwhile */
        leak *l = &v[i];
        l->n = rc_unwind_ctx(&l->g->ctx, l->pcs, RC_TB_MAX_DEPTH);
        if (atomic_load(&l->g->status) != RC_G_WAITING || l->g->wait_since != l->since ||
            l->g->id != l->id)
            continue;
        l->created = creation_site(l->g);
        l->key = shown_key(l);
        v[n++] = *l;
    }
    qsort(v, (size_t)n, sizeof *v, by_id);
    for (int i = 0; i < n; i++) {
        v[i].group = i;
        for (int j = 0; j < i; j++)
            if (v[j].group == j && v[j].key == v[i].key) {
                v[i].group = j;
                break;
            }
    }
    rc_out_lock();
    for (int i = 0; i < n; i++)
        if (v[i].group == i)
            report_group(v, n, i);
    rc_out_unlock();
    for (int i = 0; i < n; i++)
        set_reported(v[i].id);
    return n;
}

int rc_leak_report_unreachable(const rc_blocked *b, int nb)
{
    leak *v = rc_race_malloc((size_t)(nb > 0 ? nb : 1) * sizeof(leak));
    if (!v)
        return 0;
    pthread_mutex_lock(&report_mu);
    int nv = 0;
    for (int i = 0; i < nb; i++)
        if (!was_reported(b[i].id) && !in_deadlock(b[i].g))
            v[nv++] = (leak){ .g = b[i].g, .id = b[i].id, .since = b[i].since,
                              .reason = b[i].reason, .unreachable = true };
    int n = report_all(v, nv);
    pthread_mutex_unlock(&report_mu);
    rc_race_free(v);
    return n;
}

int rc_race_leaks(void)
{
    rc_g *self = rc_curg(); /* NULL: exit() on a thread of the detector's */
    rc_reach_stop();
    struct scan s = { self, 0 };
    if (rc_ctl_on) /* controlled: no real time; the others run until all are blocked */
        rc_ctl_exit_drain();
    else if (self) /* the grace period: our processor runs the others meanwhile (RCMAXPROCS=1) */
        rc_blocking_begin();
    for (int ms = 0; ms < RC_LEAK_GRACE_MS && !rc_ctl_on; ms++) {
        s.busy = 0;
        rc_for_each_g(count_busy, &s);
        if (s.busy == 0)
            break;
        usleep(1000);
    }
    if (self && !rc_ctl_on)
        rc_blocking_end();
    rc_race_deadlock_scan(); /* what is still stuck now stays stuck: cycles first */
    struct collect c = { self, rc_race_malloc(RC_LEAK_MAX * sizeof(leak)), 0, 0 };
    rc_blocked *u = rc_race_malloc(RC_LEAK_MAX * sizeof *u);
    if (!c.v || !u) {
        rc_race_free(c.v);
        rc_race_free(u);
        return 0;
    }
    int nu = rc_reach_scan_now(self, u, RC_LEAK_MAX);
    pthread_mutex_lock(&report_mu);
    rc_for_each_g(collect, &c);
    for (int i = 0; i < c.n; i++)
        for (int k = 0; k < nu && !c.v[i].unreachable; k++)
            c.v[i].unreachable = u[k].g == c.v[i].g && u[k].id == c.v[i].id &&
                                 u[k].since == c.v[i].since;
    int n = report_all(c.v, c.n);
    pthread_mutex_unlock(&report_mu);
    rc_race_free(c.v);
    rc_race_free(u);
    return n + (c.total - c.n);
}
