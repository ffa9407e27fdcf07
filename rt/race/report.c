/*
 * report.c: data race reports in go -race's layout, the RCRACE options, and the
 * summary at exit.
 *
 *   ==================
 *   WARNING: DATA RACE
 *   Write at 0x00c000012345 by goroutine 7:
 *     worker()
 *         /src/app/cache.c:12 +0x44
 *
 *   Previous read at 0x00c000012345 by main goroutine:
 *     main()
 *         /src/app/main.c:41 +0x90
 *
 *   Goroutine 7 (running) created at:
 *     main()
 *         /src/app/main.c:39 +0x7e
 *   ==================
 *
 * Each distinct pair of (current, previous) access sites is reported once.
 * RCRACE (like GORACE) holds space-separated key=value options:
 *   exitcode=66  halt_on_error=0  strip_path_prefix=  history_size=1 (0..7: as in Go,
 *   each goroutine's history keeps its last 32K * 2^history_size events)
 */
#include "alloc.h"
#include "race.h"
#include "shadow.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../diag/symbolize.h"
#include "../diag/traceback.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_STACK 256

static struct {
    int  exitcode;
    bool halt_on_error;
} opt = { 66, false };

static _Atomic int nreported;
static _Atomic int in_progress; /* reports being written: exit waits for them */

/* ---- options -------------------------------------------------------------------- */

static void bad_option(const char *what)
{
    fprintf(stderr, "racecheck: invalid RCRACE: %s\n", what);
    _exit(2);
}

static long parse_int(const char *v, const char *key, long lo, long hi)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < lo || x > hi) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s=%s (want an integer in %ld..%ld)", key, v, lo, hi);
        bad_option(msg);
    }
    return x;
}

void rc_race_options_init(void)
{
    const char *env = getenv("RCRACE");
    if (!env)
        return;
    size_t len = strlen(env) + 1;
    char *s = rc_race_malloc(len), *save = NULL;
    memcpy(s, env, len);
    for (char *kv = strtok_r(s, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq)
            bad_option(kv);
        *eq = 0;
        const char *k = kv, *v = eq + 1;
        if (!strcmp(k, "exitcode"))
            opt.exitcode = (int)parse_int(v, k, 0, 255);
        else if (!strcmp(k, "halt_on_error"))
            opt.halt_on_error = parse_int(v, k, 0, 1);
        else if (!strcmp(k, "strip_path_prefix"))
            { size_t l = strlen(v) + 1; char *c = rc_race_malloc(l); memcpy(c, v, l); rc_tb_strip_prefix = c; }
        else if (!strcmp(k, "history_size"))
            rc_race_history_parts = (32768 / RC_TRACE_PART_EVENTS) << parse_int(v, k, 0, 7);
        else {
            char msg[160];
            snprintf(msg, sizeof msg, "unknown option '%s' (known: exitcode, halt_on_error, "
                     "strip_path_prefix, history_size)", k);
            bad_option(msg);
        }
    }
    rc_race_free(s);
}

/* ---- dedup ---------------------------------------------------------------------- */

#define SEEN_CAP 4096
static struct { _Atomic uint32_t lock; uintptr_t a[SEEN_CAP], b[SEEN_CAP]; int n; } seen;

static bool already_reported(uintptr_t a, uintptr_t b)
{
    rc_spin_lock(&seen.lock);
    /* b == 0: the previous stack is lost; nothing new if a was already reported */
    for (int i = 0; i < seen.n; i++)
        if (seen.a[i] == a && (seen.b[i] == b || b == 0)) {
            rc_spin_unlock(&seen.lock);
            return true;
        }
    if (seen.n < SEEN_CAP) {
        seen.a[seen.n] = a;
        seen.b[seen.n] = b;
        seen.n++;
    }
    rc_spin_unlock(&seen.lock);
    return false;
}

/* ---- printing ------------------------------------------------------------------- */

static const char *kind(rc_cell c, bool capital)
{
    bool w = c & RC_CELL_WRITE, a = c & RC_CELL_ATOMIC;
    if (a)
        return capital ? (w ? "Atomic write" : "Atomic read") : (w ? "atomic write" : "atomic read");
    return capital ? (w ? "Write" : "Read") : (w ? "write" : "read");
}

static void who(const rc_rg *rg, char *buf, size_t n)
{
    if (!rg || rg->is_main)
        snprintf(buf, n, "main goroutine");
    else
        snprintf(buf, n, "goroutine %lld", (long long)rg->goid);
}

static void print_created(const rc_rg *rg)
{
    if (!rg || rg->is_main)
        return;
    rc_out("\nGoroutine %lld (%s) created at:\n", (long long)rg->goid,
           atomic_load(&rg->finished) ? "finished" : "running");
    rc_print_pcs(rg->create_stk, (int)rg->create_depth, RC_TB_RACE_STYLE | RC_TB_STOP_AT_MAIN);
}

int rc_race_leaks(void);
bool rc_race_find_block(uintptr_t addr, uintptr_t *start, size_t *size, int64_t *goid,
                        uintptr_t *stack, uint32_t *depth);

/* TSan's addition to Go's report: what the racy memory is. */
static void print_location(uintptr_t addr)
{
    static uintptr_t stk[64];
    uintptr_t start;
    size_t size;
    int64_t goid;
    uint32_t depth;
    char name[256];
    if (rc_race_find_block(addr, &start, &size, &goid, stk, &depth)) {
        rc_out("\nLocation is heap block of size %zu at %#014lx allocated by %s%.0lld:\n",
               size, (unsigned long)start, goid == 1 ? "main goroutine" : "goroutine ",
               goid == 1 ? 0LL : (long long)goid);
        rc_print_pcs(stk, (int)depth, RC_TB_RACE_STYLE | RC_TB_STOP_AT_MAIN);
    } else if (rc_symbolize_data(addr, name, sizeof name, &start, &size)) {
        rc_out("\nLocation is global '%s' of size %zu at %#014lx\n", name, size,
               (unsigned long)start);
    }
}

static int current_stack(const rc_rg *rg, uintptr_t pc, uintptr_t *out)
{
    int n = 0;
    out[n++] = pc;
    for (int i = (int)rg->depth - 1; i >= 0 && n < MAX_STACK; i--)
        out[n++] = rg->stk[i];
    return n;
}

void rc_race_report(rc_rg *cur, uintptr_t addr, rc_cell cc, uintptr_t pc, rc_cell oc)
{
    static uintptr_t cstk[MAX_STACK], ostk[MAX_STACK]; /* guarded by rc_out_lock */
    atomic_fetch_add(&in_progress, 1);
    cur->ignore++;
    rc_out_lock();
    rc_race_who_lock(); /* keeps old alive until the report is written */
    rc_rg *old = rc_race_cell_owner(oc);
    int cn = current_stack(cur, pc, cstk);
    int on = old ? rc_trace_restore(old, oc, ostk, MAX_STACK) : 0;
    if (already_reported(cstk[0], on ? ostk[0] : 0)) {
        rc_race_who_unlock();
        rc_out_unlock();
        cur->ignore--;
        atomic_fetch_sub(&in_progress, 1);
        return;
    }
    char cw[64], ow[64];
    who(cur, cw, sizeof cw);
    who(old, ow, sizeof ow);
    rc_out("==================\nWARNING: DATA RACE\n");
    rc_out("%s at %#014lx by %s:\n", kind(cc, true), (unsigned long)addr, cw);
    rc_print_pcs(cstk, cn, RC_TB_RACE_STYLE | RC_TB_STOP_AT_MAIN);
    rc_out("\nPrevious %s at %#014lx by %s:\n", kind(oc, false), (unsigned long)addr, ow);
    if (on)
        rc_print_pcs(ostk, on, RC_TB_RACE_STYLE | RC_TB_STOP_AT_MAIN);
    else
        rc_out("  [failed to restore the stack]\n");
    print_location(addr);
    print_created(cur);
    if (old != cur)
        print_created(old);
    rc_out("==================\n");
    atomic_fetch_add(&nreported, 1);
    rc_race_who_unlock();
    rc_out_unlock();
    cur->ignore--;
    atomic_fetch_sub(&in_progress, 1);
    if (opt.halt_on_error) {
        fflush(NULL);
        rc_race_fini(0);
    }
}

/* Runs from exit() (on_exit, registered first so it runs last). A report another
 * thread is still writing must not be lost: wait for it (bounded, in case that
 * thread can never finish). */
void rc_race_fini(int status)
{
    for (int i = 0; i < 10000 && atomic_load(&in_progress) > 0; i++)
        usleep(1000);
    int leaks = rc_is_dying() ? 0 : rc_race_leaks();
    int n = atomic_load(&nreported);
    if (n == 0 && leaks == 0)
        return;
    rc_out_lock();
    if (n)
        rc_out("Found %d data race(s)\n", n);
    if (leaks)
        rc_out("Found %d leaked goroutine(s)\n", leaks);
    rc_out_unlock();
    if (status == 0) {
        fflush(NULL);
        _exit(opt.exitcode);
    }
}
