/*
 * report.c: data race reports: the RCRACE options, deduplication, collecting a
 * report's data (report.h) from the detector's state, and the summary at exit.
 * Writing a report, as go -race's text or as JSON, is emit.c's; docs/REPORTS.md
 * describes both formats.
 *
 * Each distinct pair of (current, previous) access sites is reported once.
 * RCRACE (like GORACE) holds space-separated key=value options:
 *   exitcode=66  halt_on_error=0  strip_path_prefix=  history_size=1 (0..7: as in Go,
 *   each goroutine's history keeps its last 32K * 2^history_size events)
 *   log_path=stderr (stdout, stderr, or reports go to the file <log_path>.<pid>)
 *   format=text (or json: one JSON object per report, one per line)
 *   leaks=1 (0: no goroutine leak check at exit, leak.c)
 *   deadlocks=1 (0: no partial-deadlock or lock-order tracking, locks.c)
 *   timeout=0 (a duration, 10s, 2m: the hang timeout, hang.c)
 *
 * Only collect() below reads the detector's internals (cells, traces, goroutines);
 * everything after it works on the collected rc_race_data.
 */
#include "alloc.h"
#include "locks.h"
#include "race.h"
#include "report.h"
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
#define TB_FLAGS  (RC_TB_RACE_STYLE | RC_TB_STOP_AT_MAIN)

static struct {
    int  exitcode;
    bool halt_on_error;
    bool leaks;
} opt = { 66, false, true };

int rc_race_leaks(void); /* leak.c */
bool rc_race_hang_set(const char *v); /* hang.c */
void rc_race_hang_disarm(void);

static _Atomic int found[RC_REPORT_NKINDS];
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

static char *copy(const char *v)
{
    size_t l = strlen(v) + 1;
    char *c = rc_race_malloc(l);
    if (c)
        memcpy(c, v, l);
    return c;
}

void rc_race_options_init(void)
{
    const char *env = getenv("RCRACE");
    if (!env)
        return;
    char *s = copy(env), *save = NULL;
    for (char *kv = strtok_r(s, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq)
            bad_option(kv);
        *eq = 0;
        const char *k = kv, *v = eq + 1;
        char msg[640];
        if (!strcmp(k, "exitcode"))
            opt.exitcode = (int)parse_int(v, k, 0, 255);
        else if (!strcmp(k, "halt_on_error"))
            opt.halt_on_error = parse_int(v, k, 0, 1);
        else if (!strcmp(k, "leaks"))
            opt.leaks = parse_int(v, k, 0, 1);
        else if (!strcmp(k, "deadlocks"))
            rc_locks_on = parse_int(v, k, 0, 1);
        else if (!strcmp(k, "timeout")) {
            if (!rc_race_hang_set(v)) {
                snprintf(msg, sizeof msg, "timeout=%.512s (want a duration: 500ms, 10s, "
                         "2m, 1h30m; 0: none)", v);
                bad_option(msg);
            }
        } else if (!strcmp(k, "strip_path_prefix"))
            rc_tb_strip_prefix = copy(v);
        else if (!strcmp(k, "history_size"))
            rc_race_history_parts = RC_TRACE_MIN_PARTS << parse_int(v, k, 0, 7);
        else if (!strcmp(k, "log_path")) {
            if (!rc_report_set_log_path(v)) {
                snprintf(msg, sizeof msg, "log_path=%.512s (want stdout, stderr or a file "
                         "name prefix)", v);
                bad_option(msg);
            }
        } else if (!strcmp(k, "format")) {
            if (!rc_report_set_format(v)) {
                snprintf(msg, sizeof msg, "format=%.512s (want text or json)", v);
                bad_option(msg);
            }
        } else {
            snprintf(msg, sizeof msg, "unknown option '%.512s' (known: exitcode, "
                     "halt_on_error, strip_path_prefix, history_size, log_path, format, "
                     "leaks, deadlocks, timeout)", k);
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

/* ---- collecting ----------------------------------------------------------------- */

/* The frames of one report's stacks, each stack a run of them (guarded by
 * rc_out_lock, like all the static report state below). */
#define POOL_FRAMES (8 * (RC_TB_MAX_SHOWN + 1))
static rc_frame pool[POOL_FRAMES];
static int pool_used;

static void add_frame(const rc_frame *f, void *arg)
{
    rc_rstack *s = arg;
    if (!f || pool_used == POOL_FRAMES) {
        s->elided = true;
        return;
    }
    pool[pool_used++] = *f;
    s->n++;
}

static void collect_stack(rc_rstack *s, const uintptr_t *pcs, int n)
{
    *s = (rc_rstack){ .f = &pool[pool_used], .lost = n == 0 };
    if (n > 0)
        rc_tb_frames(pcs, n, TB_FLAGS, add_frame, s);
}

void rc_report_frames_reset(void) { pool_used = 0; }
void rc_report_stack(rc_rstack *s, const uintptr_t *pcs, int n) { collect_stack(s, pcs, n); }

static void collect_held(rc_raccess *a, const rc_held *h, int n)
{
    a->nheld = n;
    for (int i = 0; i < n && i < RC_RMAX_HELD; i++)
        a->held[i] = (rc_rmutex){ h[i].addr, h[i].write };
}

/* Names M1, M2, ... for the mutexes either side held, in order of appearance. */
static void collect_mutexes(rc_race_data *d)
{
    const rc_raccess *sides[2] = { &d->cur, &d->prev };
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < sides[k]->nheld; i++) {
            uintptr_t a = sides[k]->held[i].addr;
            int j = 0;
            while (j < d->nmutexes && d->mutexes[j].addr != a)
                j++;
            if (j < d->nmutexes)
                continue;
            rc_report_mutex(&d->mutexes[d->nmutexes++], a);
        }
}

void rc_report_mutex(rc_rmutex_info *m, uintptr_t a)
{
    uintptr_t start;
    size_t size;
    m->addr = a;
    char sym[sizeof m->name - 24];
    if (!rc_symbolize_data(a, sym, sizeof sym, &start, &size))
        m->name[0] = 0;
    else if (start == a)
        snprintf(m->name, sizeof m->name, "%s", sym);
    else /* inside a global array or struct: 'forks+64' */
        snprintf(m->name, sizeof m->name, "%s+%zu", sym, (size_t)(a - start));
}

static rc_rgoroutine goroutine_of(const rc_rg *rg)
{
    if (!rg)
        return (rc_rgoroutine){ 0 };
    return (rc_rgoroutine){ .id = rg->goid, .is_main = rg->is_main,
                            .finished = atomic_load(&rg->finished) };
}

static void collect_access(rc_raccess *a, uintptr_t addr, rc_cell c, const rc_rg *rg,
                           const uintptr_t *pcs, int n)
{
    unsigned mask = rc_cell_mask(c);
    a->write = c & RC_CELL_WRITE;
    a->atomic = c & RC_CELL_ATOMIC;
    a->addr = (addr & ~(uintptr_t)7) + (unsigned)__builtin_ctz(mask);
    a->size = (unsigned)__builtin_popcount(mask);
    a->g = goroutine_of(rg);
    collect_stack(&a->stack, pcs, n);
}

static void collect_created(rc_race_data *d, const rc_rg *rg)
{
    if (!rg || rg->is_main)
        return;
    rc_rcreated *c = &d->created[d->ncreated++];
    c->g = goroutine_of(rg);
    collect_stack(&c->stack, rg->create_stk, (int)rg->create_depth);
}

bool rc_race_find_block(uintptr_t addr, uintptr_t *start, size_t *size, int64_t *goid,
                        uintptr_t *stack, uint32_t *depth);

/* TSan's addition to Go's report: what the racy memory is. */
static void collect_location(rc_rlocation *l, uintptr_t addr)
{
    static uintptr_t stk[64];
    int64_t goid;
    uint32_t depth;
    l->kind = RC_LOC_NONE;
    if (rc_race_find_block(addr, &l->start, &l->size, &goid, stk, &depth)) {
        l->kind = RC_LOC_HEAP;
        l->alloc_by = (rc_rgoroutine){ .id = goid, .is_main = goid == 1 };
        collect_stack(&l->alloc, stk, (int)depth);
    } else if (rc_symbolize_data(addr, l->name, sizeof l->name, &l->start, &l->size)) {
        l->kind = RC_LOC_GLOBAL;
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

/* The previous access, restored from its goroutine's trace as soon as the race is
 * seen: that goroutine keeps running, and its trace ring overwrites its oldest events
 * (a wait for rc_out_lock, behind another report being symbolized, used to let it). */
typedef struct prev_access {
    uintptr_t stk[MAX_STACK];
    int       n;
    rc_held   held[RC_MAX_HELD];
    int       nheld;             /* -1: not restored */
} prev_access;

static void restore_prev(prev_access *p, rc_cell oc)
{
    rc_race_who_lock();
    rc_rg *old = rc_race_cell_owner(oc, NULL);
    p->n = old ? rc_trace_restore(old, oc, p->stk, MAX_STACK) : 0;
    p->nheld = old ? rc_trace_restore_held(old, oc, p->held) : -1;
    rc_race_who_unlock();
    rc_trace_unhold(); /* rc_race_report took it */
}

/* Fills d from the detector's state; false if the race was reported before. Runs
 * with rc_out_lock held and cur's accesses ignored. */
static bool collect(rc_race_data *d, rc_rg *cur, uintptr_t addr, rc_cell cc, uintptr_t pc,
                    rc_cell oc, const prev_access *p)
{
    static uintptr_t cstk[MAX_STACK];
    rc_race_who_lock(); /* keeps old alive until its data is collected */
    int64_t old_goid;
    rc_rg *old = rc_race_cell_owner(oc, &old_goid);
    int cn = current_stack(cur, pc, cstk);
    const uintptr_t *ostk = p->stk;
    int on = p->n;
    if (already_reported(cstk[0], on ? ostk[0] : 0)) {
        rc_race_who_unlock();
        return false;
    }
    memset(d, 0, sizeof *d);
    pool_used = 0;
    d->addr = addr;
    collect_access(&d->cur, addr, cc, cur, cstk, cn);
    collect_access(&d->prev, addr, oc, old, ostk, on);
    if (!old && old_goid) /* its state is gone, its name is not */
        d->prev.g = (rc_rgoroutine){ .id = old_goid, .finished = true };
    collect_held(&d->cur, cur->held, (int)cur->nheld);
    collect_held(&d->prev, p->held, p->nheld);
    collect_mutexes(d);
    collect_location(&d->loc, addr);
    collect_created(d, cur);
    if (old != cur)
        collect_created(d, old);
    rc_race_who_unlock();
    return true;
}

/* ---- reporting ------------------------------------------------------------------ */

void rc_race_report(rc_rg *cur, uintptr_t addr, rc_cell cc, uintptr_t pc, rc_cell oc)
{
    static rc_race_data d; /* guarded by rc_out_lock */
    prev_access prev;      /* 2 KiB: goroutine stacks have room */
    rc_trace_hold();       /* first: old's goroutine may be filling its trace now */
    rc_report_begin();
    cur->ignore++;
    restore_prev(&prev, oc);
    rc_out_lock();
    bool fresh = collect(&d, cur, addr, cc, pc, oc, &prev);
    if (fresh)
        rc_emit_race(&d);
    rc_out_unlock();
    cur->ignore--;
    rc_report_done(RC_REPORT_RACE, fresh);
}

void rc_report_counts(int counts[RC_REPORT_NKINDS])
{
    for (int k = 0; k < RC_REPORT_NKINDS; k++)
        counts[k] = atomic_load(&found[k]);
}

static void halt_check(int n)
{
    if (n > 0 && opt.halt_on_error) {
        fflush(NULL);
        rc_race_fini(0);
    }
}

void rc_report_found(rc_report_kind k, int n)
{
    atomic_fetch_add(&found[k], n);
    halt_check(n);
}

void rc_report_begin(void)
{
    atomic_fetch_add(&in_progress, 1);
}

void rc_report_done(rc_report_kind k, int n)
{
    atomic_fetch_add(&found[k], n); /* counted before exit may go on */
    atomic_fetch_sub(&in_progress, 1);
    halt_check(n);
}

/* Runs from exit() (on_exit, registered first so it runs last). A report another
 * thread is still writing must not be lost: wait for it (bounded, in case that
 * thread can never finish). */
void rc_race_fini(int status)
{
    rc_race_hang_disarm();
    for (int i = 0; i < 10000 && atomic_load(&in_progress) > 0; i++)
        usleep(1000);
    static _Atomic bool finishing; /* once: halt_on_error may come back here */
    if (atomic_exchange(&finishing, true))
        return;
    if (opt.leaks && !rc_is_dying())
        atomic_fetch_add(&found[RC_REPORT_LEAK], rc_race_leaks());
    int counts[RC_REPORT_NKINDS], any = 0;
    for (int k = 0; k < RC_REPORT_NKINDS; k++)
        any |= counts[k] = atomic_load(&found[k]);
    if (!any)
        return;
    rc_out_lock();
    rc_emit_summary(counts);
    rc_out_unlock();
    if (status == 0) {
        fflush(NULL);
        _exit(opt.exitcode);
    }
}
