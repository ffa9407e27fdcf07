/*
 * leak.c: goroutine leaks at exit, goleak's check built in.
 *
 * When the program exits (main returns, or exit() is called), a goroutine still
 * blocked on a channel, a select or a sync primitive can never finish: it leaked.
 * Goroutines that are running or runnable first get a bounded grace period
 * (RC_LEAK_GRACE_MS) to finish or block, as goleak retries; sleeping goroutines are
 * not leaks (they wake up by themselves), nor are main and the exiting goroutine.
 * Leaks with the same wait reason and waiting stack are one report, with the number
 * of goroutines, their ids, and where the first of them was created.
 *
 * Reports go through emit.c (text or JSON, like data races) and count in the summary.
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
#include "../sched/proc.h"

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
} leak;

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

static void collect(rc_g *g, void *arg)
{
    struct collect *c = arg;
    if (g == c->self || g->is_main || atomic_load(&g->status) != RC_G_WAITING ||
        !leak_reason(g->wait_reason))
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
    const rc_leak_data *d = p;
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
    const rc_leak_data *d = p;
    char where[600];
    rc_emit_site(&d->stack, where, sizeof where);
    snprintf(key, n, "goroutine-leak:%s|%s", d->reason, where);
}

static void leak_json(rc_json *j, const void *p)
{
    const rc_leak_data *d = p;
    rc_json_kstr(j, "wait_reason", d->reason);
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
    static rc_leak_data d;
    const leak *l = &v[first];
    memset(&d, 0, sizeof d);
    rc_report_frames_reset();
    d.reason = rc_wait_reason_string(l->reason);
    for (int i = first; i < nv; i++)
        if (v[i].group == first) {
            if (d.nids < RC_LEAK_IDS)
                d.ids[d.nids++] = v[i].id;
            d.count++;
        }
    d.first = (rc_rgoroutine){ .id = l->id };
    rc_report_stack(&d.stack, l->pcs, l->n);
    const rc_rg *rg = l->g->race;
    if (rg && rg->create_depth)
        rc_report_stack(&d.created, rg->create_stk, (int)rg->create_depth);
    else
        rc_report_stack(&d.created, &l->created, 1);
    rc_emit(&leak_emitter, &d);
}

int rc_race_leaks(void)
{
    rc_g *self = rc_getg();
    struct scan s = { self, 0 };
    for (int ms = 0; ms < RC_LEAK_GRACE_MS; ms++) {
        s.busy = 0;
        rc_for_each_g(count_busy, &s);
        if (s.busy == 0)
            break;
        usleep(1000);
    }
    struct collect c = { self, rc_race_malloc(RC_LEAK_MAX * sizeof(leak)), 0, 0 };
    if (!c.v)
        return 0;
    rc_for_each_g(collect, &c);
    int n = 0;
    for (int i = 0; i < c.n; i++) { /* unwind; drop goroutines that moved meanwhile */
        leak *l = &c.v[i];
        l->n = rc_unwind_ctx(&l->g->ctx, l->pcs, RC_TB_MAX_DEPTH);
        if (atomic_load(&l->g->status) != RC_G_WAITING || l->g->wait_since != l->since ||
            l->g->id != l->id)
            continue;
        l->created = creation_site(l->g);
        l->key = shown_key(l);
        c.v[n++] = *l;
    }
    qsort(c.v, (size_t)n, sizeof *c.v, by_id);
    for (int i = 0; i < n; i++) {
        c.v[i].group = i;
        for (int j = 0; j < i; j++)
            if (c.v[j].group == j && c.v[j].key == c.v[i].key) {
                c.v[i].group = j;
                break;
            }
    }
    rc_out_lock();
    for (int i = 0; i < n; i++)
        if (c.v[i].group == i)
            report_group(c.v, n, i);
    rc_out_unlock();
    rc_race_free(c.v);
    return n + (c.total - c.n);
}
