/*
 * hang.c: the hang timeout (RCRACE timeout=DURATION) and the detector's two reports
 * of a whole goroutine dump, "timeout" and "all-goroutines-asleep" (docs/REPORTS.md).
 *
 * The watchdog is a thread of its own, started before main when a timeout is set, so
 * it fires even if no goroutine ever yields; a plain thread never keeps the process
 * alive (exit ends it), and exit disarms it first (rc_race_fini). When it fires it
 * claims the fatal report (rc_dying_begin), writes the timeout report (every
 * goroutine with its wait reason, how long it has been blocked, its stack and its
 * creation stack), the wait-for cycles, the summary, and exits with status 2 without
 * running exit handlers.
 *
 * Nothing the watchdog waits for may hang it (a goroutine may hold rc_out_lock
 * forever, or spin without calls): every wait is bounded, and once it fires a
 * deadman thread exits with status 2 if the report stops making progress.
 *
 * Stacks: a parked or runnable goroutine's from its saved context, dropped if it
 * moved meanwhile (as in leak.c); a running one's from its own thread, which a signal
 * (SIGURG, Go's preemption signal) makes unwind itself, or, if that does not answer
 * in time, Go's "goroutine running on other thread; stack unavailable".
 */
#include "alloc.h"
#include "../core/duration.h"
#include "emit.h"
#include "race.h"
#include "report.h"
#include "../diag/panic.h"
#include "../diag/traceback.h"
#include "../hooks.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LOCK_WAIT_MS    1000  /* for rc_out_lock, and for another fatal report */
#define FLUSH_WAIT_MS   1000  /* for the program's stdio buffers */
#define GRAB_WAIT_MS    50    /* for a running goroutine's thread, per try */
#define GRAB_TRIES      3
#define DEADMAN_S       10    /* seconds without progress before the report is given up */

void rc_report_counts(int counts[RC_REPORT_NKINDS]); /* report.c */
bool rc_report_is_json(void);                         /* emit.c */

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* ---- RCRACE timeout ------------------------------------------------------------- */

enum { ARMED, FIRED, OFF };

static struct {
    int64_t   ns;          /* 0: no timeout */
    char      text[64];    /* as the user wrote it */
    _Atomic int state;
    pthread_t thread;
    _Atomic unsigned long progress; /* the deadman's heartbeat */
} hang;

/* RCRACE timeout=: Go's duration syntax, >= 0 ("0": no timeout). */
bool rc_race_hang_set(const char *v)
{
    double total;
    if (!rc_parse_duration(v, &total))
        return false;
    if (total > 9e18)
        return false;
    hang.ns = (int64_t)total;
    snprintf(hang.text, sizeof hang.text, "%s", v);
    return true;
}

/* ---- goroutine dumps ------------------------------------------------------------ */

typedef struct snap {
    int64_t    id, parent;
    bool       is_main, elsewhere;  /* elsewhere: running, its stack not captured */
    int        status, flags;
    uint8_t    reason;
    int64_t    waited;              /* ns; -1: not blocked */
    uintptr_t  create_pc;
    int        n, cn;               /* pcs: n frames of its stack, cn of its creation */
    uintptr_t *pcs;
} snap;

typedef struct dump {
    char    title[160];             /* the text's first line */
    int64_t timeout_ns;             /* 0: not a timeout report */
    snap   *g;
    int     n;
} dump;

struct gvec { rc_g **v; int n, cap; };

static void gather(rc_g *g, void *arg)
{
    struct gvec *gv = arg;
    int st = atomic_load(&g->status);
    if (st == RC_G_IDLE || st == RC_G_DEAD)
        return;
    if (gv->n == gv->cap) {
        int cap = gv->cap ? 2 * gv->cap : 256;
        rc_g **v = rc_race_realloc(gv->v, (size_t)cap * sizeof *v);
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

/* A running goroutine's stack, unwound by its own thread in a signal handler. The
 * handler claims the request by clearing want (only the thread running that
 * goroutine matches), so a late signal never writes pcs meanwhile reused. */
static struct {
    _Atomic(rc_g *) want;
    _Atomic int     done;
    bool            broken;         /* a handler never finished: pcs is not ours */
    int             n;
    uintptr_t       pcs[RC_TB_MAX_DEPTH];
} grab;

static void on_grab(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si;
    int saved = errno;
    rc_g *g = rc_curg();
    if (g && atomic_compare_exchange_strong(&grab.want, &g, NULL)) {
        grab.n = rc_unwind_signal(uc, grab.pcs, RC_TB_MAX_DEPTH);
        atomic_store(&grab.done, 1);
    }
    errno = saved;
}

static int grab_running(rc_g *g, uintptr_t *pcs)
{
    for (int t = 0; t < GRAB_TRIES && !grab.broken; t++) {
        rc_m *m = g->m;
        int st = atomic_load(&g->status);
        if (!m || (st != RC_G_RUNNING && st != RC_G_SYSCALL))
            return 0;
        atomic_store(&grab.done, 0);
        atomic_store(&grab.want, g);
        if (pthread_kill(m->thread, SIGURG) != 0) {
            atomic_store(&grab.want, NULL);
            return 0;
        }
        for (int ms = 0; ms < GRAB_WAIT_MS && !atomic_load(&grab.done); ms++)
            sleep_ms(1);
        rc_g *w = g;
        if (atomic_compare_exchange_strong(&grab.want, &w, NULL))
            continue; /* nobody answered: it moved to another thread, or is stuck */
        for (int ms = 0; ms < GRAB_WAIT_MS && !atomic_load(&grab.done); ms++)
            sleep_ms(1);
        if (!atomic_load(&grab.done)) {
            grab.broken = true;
            return 0;
        }
        memcpy(pcs, grab.pcs, (size_t)grab.n * sizeof *pcs);
        return grab.n;
    }
    return 0;
}

/* g's stack into pcs, or 0 when it cannot be had (it moved while being unwound). */
static int stack_of(rc_g *g, uintptr_t *pcs, int *flags, bool may_grab)
{
    *flags = 0;
    for (int t = 0; t < 3; t++) {
        int st = atomic_load(&g->status);
        if (st == RC_G_RUNNING || st == RC_G_SYSCALL) {
            *flags = RC_TB_FIRST_EXACT;
            return may_grab ? grab_running(g, pcs) : 0;
        }
        if (st != RC_G_WAITING && st != RC_G_RUNNABLE)
            return 0;
        int64_t since = g->wait_since;
        int n = rc_unwind_ctx(&g->ctx, pcs, RC_TB_MAX_DEPTH);
        if (atomic_load(&g->status) == st && g->wait_since == since)
            return n;
    }
    return 0;
}

static void snap_one(snap *s, rc_g *g, int64_t now, bool may_grab)
{
    static uintptr_t pcs[2 * RC_TB_MAX_DEPTH];
    *s = (snap){ .id = g->id, .parent = g->parent_id, .is_main = g->is_main,
                 .create_pc = g->create_pc, .waited = -1 };
    s->n = stack_of(g, pcs, &s->flags, may_grab);
    s->status = atomic_load(&g->status);
    s->reason = s->status == RC_G_WAITING ? g->wait_reason : RC_WAIT_NONE;
    s->elsewhere = s->n == 0 && (s->status == RC_G_RUNNING || s->status == RC_G_SYSCALL);
    if (s->status == RC_G_WAITING && g->wait_since && now >= g->wait_since)
        s->waited = now - g->wait_since;
    const rc_hooks *h = rc_hooks_active;
    if (h && h->creation_stack && s->parent)
        s->cn = h->creation_stack(g, pcs + s->n, RC_TB_MAX_DEPTH);
    s->pcs = rc_race_malloc((size_t)(s->n + s->cn + 1) * sizeof *s->pcs);
    if (!s->pcs)
        s->n = s->cn = 0;
    else
        memcpy(s->pcs, pcs, (size_t)(s->n + s->cn) * sizeof *s->pcs);
}

/* Every goroutine, in creation order (as Go lists them). may_grab: running ones'
 * stacks too (not while the world is stopped: there are none). */
static void collect(dump *d, bool may_grab)
{
    struct gvec gv = { 0 };
    rc_for_each_g(gather, &gv);
    qsort(gv.v, (size_t)gv.n, sizeof *gv.v, by_id);
    d->g = rc_race_calloc((size_t)gv.n + 1, sizeof *d->g);
    d->n = 0;
    int64_t now = rc_nanotime_coarse();
    for (int i = 0; d->g && i < gv.n; i++) {
        snap_one(&d->g[d->n++], gv.v[i], now, may_grab);
        atomic_fetch_add(&hang.progress, 1);
    }
    rc_race_free(gv.v);
}

static void release(dump *d)
{
    for (int i = 0; i < d->n; i++)
        rc_race_free(d->g[i].pcs);
    rc_race_free(d->g);
}

static const char *state_of(const snap *s)
{
    switch (s->status) {
    case RC_G_RUNNABLE: return "runnable";
    case RC_G_RUNNING:  return "running";
    case RC_G_SYSCALL:  return "syscall";
    case RC_G_WAITING:  return "waiting";
    default:            return "dead";
    }
}

/* ---- the reports (emit.h) ------------------------------------------------------- */

static void dump_text(const void *p)
{
    const dump *d = p;
    rc_emit_out("%s\n", d->title);
    for (int i = 0; i < d->n; i++) {
        const snap *s = &d->g[i];
        rc_tb_goroutine tg = {
            .id = s->id, .parent_id = s->parent, .is_main = s->is_main,
            .state = s->status == RC_G_WAITING ? rc_wait_reason_string(s->reason)
                                               : state_of(s),
            .waited = s->waited, .pcs = s->pcs, .n = s->n, .flags = s->flags,
            .elsewhere = s->elsewhere, .create_pc = s->create_pc,
            .created = s->pcs + s->n, .ncreated = s->cn,
        };
        rc_emit_out("\n");
        rc_tb_print_goroutine(rc_emit_out, &tg);
        atomic_fetch_add(&hang.progress, 1);
    }
}

/* "<kind>:<file:line where main is>" ("?" when main is gone or has no frames). */
static void dump_key(const char *kind, const dump *d, char *key, size_t n)
{
    char site[600] = "?";
    for (int i = 0; i < d->n; i++)
        if (d->g[i].is_main) {
            rc_rstack st;
            rc_report_frames_reset();
            rc_report_stack(&st, d->g[i].pcs, d->g[i].n);
            rc_emit_site(&st, site, sizeof site);
        }
    snprintf(key, n, "%s:%s", kind, site);
}

static void dump_json(rc_json *j, const void *p)
{
    const dump *d = p;
    if (d->timeout_ns)
        rc_json_kint(j, "timeout_ns", d->timeout_ns);
    rc_json_key(j, "goroutines");
    rc_json_array(j);
    for (int i = 0; i < d->n; i++) {
        const snap *s = &d->g[i];
        rc_rstack st, cr;
        rc_report_frames_reset();
        rc_report_stack(&st, s->pcs, s->n);
        if (s->cn)
            rc_report_stack(&cr, s->pcs + s->n, s->cn);
        else
            rc_report_stack(&cr, &s->create_pc, s->parent && s->create_pc ? 1 : 0);
        rc_json_object(j);
        rc_json_kint(j, "id", s->id);
        rc_json_kbool(j, "main", s->is_main);
        rc_json_kstr(j, "state", state_of(s));
        rc_json_key(j, "wait_reason");
        s->status == RC_G_WAITING ? rc_json_str(j, rc_wait_reason_string(s->reason))
                                  : rc_json_null(j);
        rc_json_key(j, "blocked_ns");
        s->waited >= 0 ? rc_json_int(j, s->waited) : rc_json_null(j);
        rc_emit_json_stack(j, "stack", &st);
        rc_json_key(j, "created_by");
        s->parent ? rc_json_int(j, s->parent) : rc_json_null(j);
        if (s->parent)
            rc_emit_json_stack(j, "created_at", &cr);
        rc_json_end(j);
        atomic_fetch_add(&hang.progress, 1);
    }
    rc_json_end(j);
}

static void asleep_key(const void *d, char *key, size_t n)
{
    dump_key("all-goroutines-asleep", d, key, n);
}

static void timeout_key(const void *d, char *key, size_t n)
{
    dump_key("timeout", d, key, n);
}

static const rc_emitter asleep_emitter = { "all-goroutines-asleep", asleep_key, dump_text,
                                           dump_json };
static const rc_emitter timeout_emitter = { "timeout", timeout_key, dump_text, dump_json };

/* The hooks.h all_asleep hook: rc_out_lock held, nothing runs. The fatal error's
 * text is on stderr already; in JSON mode it is also a report. */
void rc_race_all_asleep(const char *msg)
{
    if (!rc_report_is_json())
        return;
    static dump d;
    snprintf(d.title, sizeof d.title, "fatal error: %s", msg);
    collect(&d, false);
    rc_emit(&asleep_emitter, &d);
    release(&d);
}

/* ---- the watchdog --------------------------------------------------------------- */

static void *deadman(void *arg)
{
    (void)arg;
    unsigned long last = atomic_load(&hang.progress);
    for (int idle = 0; idle < DEADMAN_S; idle++) {
        sleep_ms(1000);
        unsigned long now = atomic_load(&hang.progress);
        if (now != last)
            idle = -1;
        last = now;
    }
    static const char msg[] = "racecheck: the timeout report is stuck; exiting\n";
    rc_write_all(2, msg, sizeof msg - 1);
    _exit(RC_EXIT_PANIC);
}

static _Atomic bool flushed;

static void *flusher(void *arg)
{
    (void)arg;
    fflush(NULL);
    atomic_store(&flushed, true);
    return NULL;
}

/* Starts fn(arg) on a detached thread of its own with every signal blocked. */
static bool spawn(void *(*fn)(void *), void *arg, pthread_t *t)
{
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 1 << 20);
    bool ok = pthread_create(t, &a, fn, arg) == 0;
    pthread_attr_destroy(&a);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return ok;
}

static bool out_lock_bounded(void)
{
    for (int ms = 0; ms < LOCK_WAIT_MS; ms++) {
        if (rc_out_trylock())
            return true;
        sleep_ms(1);
    }
    return false;
}

static void fire(void)
{
    pthread_t t;
    spawn(deadman, NULL, &t);
    /* the program's output first, unless its stdio is stuck */
    if (spawn(flusher, NULL, &t))
        for (int ms = 0; ms < FLUSH_WAIT_MS && !atomic_load(&flushed); ms++)
            sleep_ms(1);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_grab;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGURG, &sa, NULL);

    static dump d;
    snprintf(d.title, sizeof d.title, "WARNING: TIMEOUT: program still running after %s",
             hang.text);
    d.timeout_ns = hang.ns;
    collect(&d, true);
    /* A goroutine holding rc_out_lock forever must not silence the report: past the
     * bounded wait it is written without the lock. */
    bool locked = out_lock_bounded();
    rc_emit(&timeout_emitter, &d);
    locked ? rc_out_unlock() : rc_out_flush();
    if (locked) /* the scan writes its reports under rc_out_lock itself */
        rc_race_deadlock_scan();
    int counts[RC_REPORT_NKINDS];
    rc_report_counts(counts);
    locked = locked && out_lock_bounded();
    rc_emit_summary(counts);
    locked ? rc_out_unlock() : rc_out_flush();
    _exit(RC_EXIT_PANIC);
}

static void *watchdog(void *arg)
{
    const struct timespec *deadline = arg;
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline, NULL) == EINTR)
        ;
    if (atomic_load(&hang.state) != ARMED) /* exiting already */
        return NULL;
    /* Another fatal report under way exits by itself (and disarms us on its way),
     * unless it is stuck. */
    if (!rc_dying_begin())
        sleep_ms(LOCK_WAIT_MS);
    int armed = ARMED;
    if (atomic_compare_exchange_strong(&hang.state, &armed, FIRED))
        fire();
    return NULL;
}

/* Called by rc_race_init once RCRACE is read (race.c says why not a constructor). */
void rc_race_hang_start(void)
{
    if (hang.ns <= 0)
        return;
    static struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t ns = deadline.tv_nsec + hang.ns % 1000000000;
    deadline.tv_sec += (time_t)(hang.ns / 1000000000 + ns / 1000000000);
    deadline.tv_nsec = (long)(ns % 1000000000);
    if (!spawn(watchdog, &deadline, &hang.thread))
        atomic_store(&hang.state, OFF);
}

/* The program is exiting (rc_race_fini): the timeout no longer applies. If it fired
 * already, the watchdog's report is under way and ends the process (bounded by the
 * deadman): wait for it, unless this is the watchdog itself. */
void rc_race_hang_disarm(void)
{
    int armed = ARMED;
    if (hang.ns <= 0 || atomic_compare_exchange_strong(&hang.state, &armed, OFF) ||
        armed == OFF || pthread_equal(pthread_self(), hang.thread))
        return;
    for (;;)
        pause();
}
