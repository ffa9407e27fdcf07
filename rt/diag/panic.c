/*
 * panic.c: panics and fatal errors (see panic.h), and the public rc_panic.
 * A goroutine that panics while the runtime is already dying waits for the first
 * report to finish rather than interleaving with it.
 */
#include "panic.h"
#include "traceback.h"
#include "../core/spin.h"
#include "../hooks.h"
#include "racecheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static _Atomic uint32_t dying;

/* Only the first fatal report runs; any later one parks its thread for good. */
static void enter_dying(void)
{
    if (atomic_exchange(&dying, 1)) {
        for (;;)
            pause();
    }
}

bool rc_is_dying(void) { return atomic_load(&dying) != 0; }

bool rc_dying_begin(void) { return !atomic_exchange(&dying, 1); }

/* Prints the running goroutine (if any) and returns its stack in pcs. */
static int print_current_goroutine(uintptr_t *pcs)
{
    rc_m *m = rc_getm();
    if (!m || !m->curg)
        return 0;
    int n = rc_unwind_current(pcs, RC_TB_MAX_DEPTH);
    rc_out("\n");
    rc_print_goroutine(m->curg, "running", pcs, n, 0, rc_nanotime_coarse());
    return n;
}

char rc_panic_text[RC_PANIC_TEXT_MAX];

void rc_panic_report(const char *msg, bool fatal, const uintptr_t *pcs, int n)
{
    size_t len = rc_out_capture_end();
    RC_HOOK(panic, msg, fatal, rc_panic_text, len, pcs, n);
}

/* "panic: msg" or "fatal error: msg", the running goroutine, the detector's report. */
__attribute__((noreturn)) static void die_of(const char *msg, bool fatal)
{
    static uintptr_t pcs[RC_TB_MAX_DEPTH]; /* one fatal report at a time (dying) */
    rc_out_lock();
    rc_out_capture_begin(rc_panic_text, sizeof rc_panic_text);
    rc_out("%s: %s\n", fatal ? "fatal error" : "panic", msg);
    int n = print_current_goroutine(pcs);
    rc_panic_report(msg, fatal, pcs, n);
    rc_out_unlock();
    rc_die(RC_EXIT_PANIC);
}

void rc_panic_msg(const char *msg)
{
    enter_dying();
    die_of(msg, false);
}

void rc_fatal(const char *fmt, ...)
{
    enter_dying();
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    die_of(msg, true);
}

void rc_panic(const char *msg)
{
    rc_panic_msg(msg);
}

void rc_panicf(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rc_panic_msg(msg);
}

/* ---- every goroutine ------------------------------------------------------------ */

static const char *state_name(const rc_g *g)
{
    switch (atomic_load(&g->status)) {
    case RC_G_RUNNABLE: return "runnable";
    case RC_G_RUNNING:  return "running";
    case RC_G_SYSCALL:  return "syscall";
    case RC_G_WAITING:  return rc_wait_reason_string(g->wait_reason);
    default:            return NULL;
    }
}

static void dump_one(rc_g *g, void *ctx)
{
    const char *state = state_name(g);
    if (!state)
        return;
    uintptr_t pcs[RC_TB_MAX_DEPTH];
    int n = 0;
    int st = atomic_load(&g->status);
    if (st == RC_G_WAITING || st == RC_G_RUNNABLE)
        n = rc_unwind_ctx(&g->ctx, pcs, RC_TB_MAX_DEPTH);
    rc_out("\n");
    rc_print_goroutine(g, state, pcs, n, 0, *(int64_t *)ctx);
}

struct gvec { rc_g **v; size_t n, cap; };

static void collect(rc_g *g, void *ctx)
{
    struct gvec *gv = ctx;
    if (gv->n == gv->cap) {
        size_t cap = gv->cap ? 2 * gv->cap : 256;
        rc_g **v = realloc(gv->v, cap * sizeof *v);
        if (!v)
            return;
        gv->v = v;
        gv->cap = cap;
    }
    gv->v[gv->n++] = g;
}

static int by_id(const void *a, const void *b)
{
    int64_t x = (*(rc_g *const *)a)->id, y = (*(rc_g *const *)b)->id;
    return (x > y) - (x < y);
}

void rc_dump_all_goroutines(void)
{
    struct gvec gv = { 0 };
    rc_for_each_g(collect, &gv);
    qsort(gv.v, gv.n, sizeof *gv.v, by_id); /* creation order, as Go lists them */
    int64_t now = rc_nanotime_coarse();
    for (size_t i = 0; i < gv.n; i++)
        dump_one(gv.v[i], &now);
    free(gv.v);
}

void rc_fatal_all(const char *msg)
{
    enter_dying();
    RC_HOOK(before_all_asleep);
    rc_out_lock();
    rc_out("fatal error: %s\n", msg);
    rc_dump_all_goroutines();
    RC_HOOK(all_asleep, msg);
    rc_out_unlock();
    rc_die(RC_EXIT_PANIC);
}
