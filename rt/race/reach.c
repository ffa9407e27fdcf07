/*
 * reach.c: goroutines blocked forever on objects that no live goroutine can reach,
 * found while the program runs (Go 1.26's goroutine leak profile, done conservatively
 * for C). leak.c writes the reports; this file decides who is unreachable.
 *
 * The scan is a conservative mark from roots, then a fixed point:
 *   roots   the writable segments (data, bss) of every loaded object; the executable's
 *           static TLS block in every M's thread; the stack of every goroutine that is
 *           not blocked on a channel, select or sync object (sleeping, in a system call,
 *           main always): for a parked one, from its saved sp (its callee-saved
 *           registers are saved there) to the top; for one in a system call, a copy of
 *           its registers and the top of its stack taken at rc_blocking_begin, plus its
 *           live stack from there up.
 *   heap    the live blocks malloc.c tracks. A word pointing into a block (interior
 *           pointers and one-past-the-end count) marks it; marked blocks are scanned in
 *           turn. Runtime blocks holding goroutine, M and P records are never scanned:
 *           their stale pointers (a goroutine's argument, an M's last park lock) would
 *           keep everything reachable.
 *   blocked a goroutine waiting on a channel, select or sync object is queued on that
 *           object: the channel's or semaphore's wait queue points at its sudog or
 *           waiter record, which lives on its stack (or in a heap block for a big
 *           select) and points at its rc_g. So a marked word pointing into its stack
 *           (from its sp up) or into its rc_g means its wait object was reached: it may
 *           still be woken, and its stack becomes a root too. What is still unmarked at
 *           the fixed point can never be woken. Nil channels and empty selects have no
 *           object: they are never woken.
 * Timers, tickers, AfterFunc and context deadlines need nothing special: the timer heap
 * is a heap block referenced from the timer core's globals, its nodes are inside
 * timers, tickers and contexts (heap blocks) or on a sleeper's stack, and they point at
 * the channel or context they fire on.
 *
 * The world holds still during a scan: it starts only when no goroutine runs or is
 * runnable (every M idle or in a system call) and no timer fire is in flight; then
 * the timer thread is held (rc_timers_freeze), the heap is frozen (every malloc/free
 * of a tracked block waits), and any goroutine that would run again (resuming from a
 * park, starting, returning from a system call) waits at a gate in its hook until the
 * scan ends. Each goroutine's state is compared before and after: any change and the
 * scan is dropped. A goroutine is reported only if two scans at least 100 ms apart
 * both find it unreachable with the same park.
 *
 * Not seen (documented limits, docs/REPORTS.md): memory the program maps itself (mmap,
 * custom arenas), TLS of modules loaded with dlopen, stacks of threads the runtime did
 * not create, and user code running between rc_blocking_begin and the system call it
 * wraps (a pointer that lives only in a register loaded after rc_blocking_begin).
 *
 * When: the scheduler calls the sched_idle hook when the last P goes idle; the scan
 * thread (started with the detector) wakes, waits until a gap has passed since the
 * previous scan (100 ms, or ten times that scan's CPU time: scans use at most a tenth
 * of a core), and scans if the set of blocked goroutines changed (or anything changed
 * and 1 s passed). Programs that never go idle never scan; what they pay is a load in
 * the park/start/syscall-exit hooks (the gate; and a fence without membarrier). At
 * exit, leak.c runs one more scan after its grace period.
 *
 * Cost (x86-64, 2 cores, -O2; one scan, world held throughout): 1k blocks + 100
 * goroutines 0.5 ms; 100k blocks of 48 bytes, no goroutines 17 ms; 10k blocked
 * goroutines, no blocks 30 ms; 100k blocks + 10k goroutines 50 ms (1.3M words);
 * 1M blocks 190 ms. Linear in the words scanned, each word that falls inside the
 * heap's range costing a binary search among the blocks.
 */
#include "alloc.h"
#include "race.h"
#include "report.h"
#include "../core/asym.h"
#include "../core/clock.h"
#include "../core/futex.h"
#include "../sched/proc.h"
#include "../time/timer.h"

#include <link.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* malloc.c */
void   rc_race_heap_freeze(void);
void   rc_race_heap_thaw(void);
size_t rc_race_heap_blocks(uintptr_t *lo, uintptr_t *hi, size_t max); /* frozen */
size_t rc_race_heap_count(void);                                      /* frozen */

#define SNAP_BYTES    1024         /* stack copied at rc_blocking_begin */
#define SCAN_GAP_NS   (100 * 1000000LL)
#define IDLE_RESCAN_NS (1000 * 1000000LL)

/* A goroutine's registers and stack top, copied where it entered a system call. */
typedef struct rc_snap {
    uintptr_t sp;                  /* where the copy starts */
    size_t    n;                   /* bytes copied */
    uintptr_t words[SNAP_BYTES / sizeof(uintptr_t)];
} rc_snap;

/* ---- the gate: goroutines wait here while a scan runs ----------------------------- */

static _Atomic uint32_t stw;   /* 1 while a scan holds the world */

/* Dekker with the scan: the goroutine has published its RUNNING status (or the
 * scheduler did) before it reads stw; the scan sets stw before it reads statuses. So
 * either the scan sees it running (and gives up) or it sees stw and waits. The gate
 * runs at every start and wake-up, the scan seldom: the scan pays for the fence
 * (core/asym.h; an mfence here was 2.3% of bench/race spawn). */
void rc_reach_gate(void)
{
    rc_asym_light();
    while (__builtin_expect(atomic_load_explicit(&stw, memory_order_relaxed) != 0, 0))
        rc_futex_wait(&stw, 1, NULL);
}

static void world_release(void)
{
    atomic_store(&stw, 0);
    rc_futex_wake(&stw, 1 << 30);
}

/* ---- system calls ------------------------------------------------------------------- */

static inline uintptr_t current_sp(void)
{
    uintptr_t sp;
#if defined(__x86_64__)
    __asm__ volatile("movq %%rsp, %0" : "=r"(sp));
#elif defined(__aarch64__)
    __asm__ volatile("mov %0, sp" : "=r"(sp));
#else
    sp = (uintptr_t)__builtin_frame_address(0);
#endif
    return sp;
}

/* Copies the caller's callee-saved registers (spilled into this frame by
 * __builtin_unwind_init, or saved further up by the callers) and the stack above. */
__attribute__((noinline)) static void snap_take(rc_snap *s, uintptr_t hi)
{
    __builtin_unwind_init();
    uintptr_t sp = current_sp() & ~(uintptr_t)7;
    size_t n = hi > sp ? hi - sp : 0;
    if (n > SNAP_BYTES)
        n = SNAP_BYTES;
    memcpy(s->words, (void *)sp, n);
    s->sp = sp;
    s->n = n;
}

/* Before rc_blocking_begin publishes RC_G_SYSCALL (so a scan that sees it finds the
 * copy complete). */
void rc_reach_syscall_enter(rc_g *g)
{
    rc_rg *rg = g->race;
    if (!rg || !g->stack.hi)
        return;
    if (!rg->reach_snap && !(rg->reach_snap = rc_race_malloc(sizeof(rc_snap))))
        return;
    snap_take(rg->reach_snap, (uintptr_t)g->stack.hi);
}

void rc_reach_syscall_exit(rc_g *g)
{
    (void)g;
    rc_reach_gate();
}

/* ---- the scan's state (one scan at a time: scan_mu) --------------------------------- */

typedef struct range { uintptr_t lo, hi; bool heap; } range; /* heap: a block */

/* What each goroutine was doing when the scan started. */
typedef struct gstate {
    rc_g    *g;
    int64_t  id, since;
    int      status;
    uint8_t  reason;
} gstate;

/* A goroutine blocked on a channel, select or sync object, and whether the mark
 * reached it (its wait object, so it may still be woken). */
typedef struct cand {
    rc_g     *g;
    uintptr_t sp, hi;
    int       gi;          /* its gstate */
    bool      woken;
} cand;

/* A candidate's stack (from its sp), its argument block, or the rest of its rc_g
 * (is_g); who: the cand. */
typedef struct ival { uintptr_t lo, hi; int who; bool is_g; } ival;

static pthread_mutex_t scan_mu = PTHREAD_MUTEX_INITIALIZER;

static struct {
    gstate   *gs;   int ngs, capgs;  bool gs_overflow;
    uintptr_t *blo, *bhi, *tmp; uint8_t *bst; size_t nb, capb;
    uintptr_t heap_lo, heap_span;
    cand     *cs;   int nc;
    ival     *iv;   int niv;
    uintptr_t iv_lo, iv_span;
    range    *work; size_t nwork, capwork;
    range    *roots; int nroots, caproots;
    bool      oom;
} S;

static bool grow(void **p, size_t elem, size_t need, size_t *cap)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = rc_race_realloc(*p, c * elem);
    if (!q)
        return false;
    *p = q;
    *cap = c;
    return true;
}

static void push_work(uintptr_t lo, uintptr_t hi, bool heap)
{
    if (hi <= lo)
        return;
    if (!grow((void **)&S.work, sizeof *S.work, S.nwork + 1, &S.capwork)) {
        S.oom = true;
        return;
    }
    S.work[S.nwork++] = (range){ lo, hi, heap };
}

static void add_root_range(uintptr_t lo, uintptr_t hi)
{
    if (hi <= lo)
        return;
    size_t cap = (size_t)S.caproots;
    if (!grow((void **)&S.roots, sizeof *S.roots, (size_t)S.nroots + 1, &cap)) {
        S.oom = true;
        return;
    }
    S.caproots = (int)cap;
    S.roots[S.nroots++] = (range){ lo, hi, false };
}

/* The scan's own state (in bss) holds pointers to everything it looks at: a root
 * range is cut around it. */
static rc_snap self_snap;
static void add_root(uintptr_t lo, uintptr_t hi)
{
    if (hi <= lo)
        return;
    const range own[2] = { { (uintptr_t)&S, (uintptr_t)(&S + 1), false },
                           { (uintptr_t)&self_snap, (uintptr_t)(&self_snap + 1), false } };
    for (int i = 0; i < 2; i++)
        if (own[i].lo < hi && lo < own[i].hi) {
            add_root(lo, own[i].lo);
            add_root(own[i].hi, hi);
            return;
        }
    add_root_range(lo, hi);
}

/* ---- goroutines --------------------------------------------------------------------- */

static void snap_g(rc_g *g, void *arg)
{
    (void)arg;
    if (S.ngs == S.capgs) {
        S.gs_overflow = true;
        return;
    }
    S.gs[S.ngs++] = (gstate){ .g = g, .id = g->id, .since = g->wait_since,
                              .status = atomic_load(&g->status), .reason = g->wait_reason };
}

static void count_g(rc_g *g, void *arg) { (void)g; (*(int *)arg)++; }

static bool blocked_reason(uint8_t r)
{
    return r != RC_WAIT_NONE && r != RC_WAIT_SLEEP && r < RC_WAIT_COUNT;
}

/* Nothing runs but self: no M has a goroutine on it other than self or one in a
 * system call, and no switch is half done. */
static bool ms_quiet(const rc_g *self)
{
    for (rc_m *m = rc_sched_allm(); m; m = m->alllink) {
        rc_g *cur = m->curg;
        if (m->prevg)
            return false;
        if (cur && cur != self && atomic_load(&cur->status) != RC_G_SYSCALL)
            return false;
    }
    return true;
}

/* Snapshot of every goroutine's state; false if something runs (but self). */
static bool take_gstates(const rc_g *self)
{
    int n = 0;
    rc_for_each_g(count_g, &n);
    S.ngs = 0;
    S.gs_overflow = false;
    size_t cap = (size_t)S.capgs;
    if (!grow((void **)&S.gs, sizeof *S.gs, (size_t)n + 64, &cap))
        return false;
    S.capgs = (int)cap;
    rc_for_each_g(snap_g, NULL);
    if (S.gs_overflow)
        return false;
    for (int i = 0; i < S.ngs; i++) {
        const gstate *s = &S.gs[i];
        if (s->g != self && (s->status == RC_G_RUNNING || s->status == RC_G_RUNNABLE))
            return false;
    }
    return true;
}

/* Every goroutine is where it was (same status, same park, no new one). */
static bool gstates_unchanged(void)
{
    int n = 0;
    rc_for_each_g(count_g, &n);
    if (n != S.ngs)
        return false;
    for (int i = 0; i < S.ngs; i++) {
        const gstate *s = &S.gs[i];
        rc_g *g = s->g;
        if (atomic_load(&g->status) != s->status || g->id != s->id ||
            g->wait_since != s->since || g->wait_reason != s->reason)
            return false;
    }
    return true;
}

/* ---- roots: globals and TLS ----------------------------------------------------------- */

static struct { uintptr_t off; size_t size; bool ok; } exec_tls;

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    int *first = arg;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W))
            add_root(info->dlpi_addr + ph->p_vaddr, info->dlpi_addr + ph->p_vaddr + ph->p_memsz);
        /* the executable's static TLS block: at a fixed offset from each thread's
         * thread pointer (this thread's block tells which) */
        if (*first && ph->p_type == PT_TLS && info->dlpi_tls_data) {
            uintptr_t tp;
#if defined(__x86_64__)
            __asm__("movq %%fs:0, %0" : "=r"(tp));
#elif defined(__aarch64__)
            __asm__("mrs %0, tpidr_el0" : "=r"(tp));
#else
            tp = 0;
#endif
            if (tp) {
                exec_tls.off = (uintptr_t)info->dlpi_tls_data - tp;
                exec_tls.size = ph->p_memsz;
                exec_tls.ok = true;
            }
        }
    }
    *first = 0;
    return 0;
}

/* glibc: pthread_self() is at a fixed distance from the thread pointer. */
static uintptr_t tp_of(pthread_t t)
{
    uintptr_t tp_self;
#if defined(__x86_64__)
    __asm__("movq %%fs:0, %0" : "=r"(tp_self));
#elif defined(__aarch64__)
    __asm__("mrs %0, tpidr_el0" : "=r"(tp_self));
#else
    return 0;
#endif
    return (uintptr_t)t + (tp_self - (uintptr_t)pthread_self());
}

static void tls_roots(void)
{
    if (!exec_tls.ok)
        return;
    for (rc_m *m = rc_sched_allm(); m; m = m->alllink) {
        if (!m->thread)
            continue;
        uintptr_t lo = tp_of(m->thread) + exec_tls.off;
        add_root(lo, lo + exec_tls.size);
    }
}

/* ---- the heap ----------------------------------------------------------------------- */

/* LSD radix sort of the block starts (with their ends), 8 bits at a time. */
static void sort_blocks(void)
{
    size_t n = S.nb;
    uintptr_t *a = S.blo, *b = S.bhi, *ta = S.tmp, *tb = S.tmp + n;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t cnt[257] = { 0 };
        for (size_t i = 0; i < n; i++)
            cnt[((a[i] >> shift) & 0xff) + 1]++;
        if (cnt[((a[0] >> shift) & 0xff) + 1] == n)
            continue; /* every key has this byte: nothing to move */
        for (int k = 0; k < 256; k++)
            cnt[k + 1] += cnt[k];
        for (size_t i = 0; i < n; i++) {
            size_t j = cnt[(a[i] >> shift) & 0xff]++;
            ta[j] = a[i];
            tb[j] = b[i];
        }
        memcpy(a, ta, n * sizeof *a);
        memcpy(b, tb, n * sizeof *b);
    }
}

/* Index of the block holding w, or -1 (one past the end counts). */
static inline long find_block(uintptr_t w)
{
    size_t lo = 0, hi = S.nb;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (S.blo[mid] <= w)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    lo--;
    return w <= S.bhi[lo] ? (long)lo : -1;
}

static bool load_heap(void)
{
    size_t n = rc_race_heap_count();
    size_t cap = S.capb;
    if (n + 1 > cap) {
        cap = n + n / 4 + 64;
        void *a = rc_race_realloc(S.blo, cap * sizeof(uintptr_t));
        if (a)
            S.blo = a;
        void *b = rc_race_realloc(S.bhi, cap * sizeof(uintptr_t));
        if (b)
            S.bhi = b;
        void *t = rc_race_realloc(S.tmp, 2 * cap * sizeof(uintptr_t));
        if (t)
            S.tmp = t;
        void *s = rc_race_realloc(S.bst, cap);
        if (s)
            S.bst = s;
        if (!a || !b || !t || !s)
            return false;
        S.capb = cap;
    }
    S.nb = rc_race_heap_blocks(S.blo, S.bhi, S.capb);
    if (S.nb)
        sort_blocks();
    memset(S.bst, 0, S.nb);
    S.heap_lo = S.nb ? S.blo[0] : 1;
    S.heap_span = S.nb ? S.bhi[S.nb - 1] + 1 - S.heap_lo : 0;
    return true;
}

/* Blocks holding runtime records are never scanned (see top). */
static void exclude(const void *p)
{
    long i = find_block((uintptr_t)p);
    if (i >= 0)
        S.bst[i] = 2;
}

static void exclude_runtime(void)
{
    for (int i = 0; i < S.ngs; i++)
        exclude(S.gs[i].g);
    for (rc_m *m = rc_sched_allm(); m; m = m->alllink)
        exclude(m);
    for (int i = 0; i < RC_MAX_PROCS; i++) {
        rc_p *p = rc_sched_p(i);
        if (p)
            exclude(p);
    }
}

/* ---- the mark ------------------------------------------------------------------------- */

static int by_lo(const void *a, const void *b)
{
    uintptr_t x = ((const ival *)a)->lo, y = ((const ival *)b)->lo;
    return (x > y) - (x < y);
}

static inline int find_ival(uintptr_t w)
{
    int lo = 0, hi = S.niv;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (S.iv[mid].lo <= w)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && w < S.iv[lo - 1].hi ? lo - 1 : -1;
}

/* The end of g's argument block in its rc_g (sched.h argbuf): the block is part of
 * the goroutine's own memory, as its stack is; g->argbuf when it holds none. */
static uintptr_t argbuf_end(const rc_g *g)
{
    return (uintptr_t)g->argbuf + (g->arg == g->argbuf ? sizeof g->argbuf : 0);
}

static void wake(int c)
{
    if (S.cs[c].woken)
        return;
    S.cs[c].woken = true;
    push_work(S.cs[c].sp, S.cs[c].hi, false);
    push_work((uintptr_t)S.cs[c].g->argbuf, argbuf_end(S.cs[c].g), false);
}

/* A live goroutine's own memory as roots: its stack from lo, its argument block. */
static void add_goroutine_roots(const rc_g *g, uintptr_t lo, uintptr_t hi)
{
    add_root(lo, hi);
    add_root((uintptr_t)g->argbuf, argbuf_end(g));
}

/* A word pointing at a candidate's rc_g counts only from a heap block (a big
 * select's sudogs live there): globals and stacks hold the runtime's own pointers
 * to goroutines (allg, free lists, a waker's locals), which say nothing. */
static void scan_range(uintptr_t lo, uintptr_t hi, bool heap)
{
    const uintptr_t *p = (const uintptr_t *)((lo + 7) & ~(uintptr_t)7);
    const uintptr_t *end = (const uintptr_t *)(hi & ~(uintptr_t)7);
    for (; p < end; p++) {
        uintptr_t w = *p;
        if (w - S.heap_lo < S.heap_span) {
            long i = find_block(w);
            if (i >= 0 && S.bst[i] == 0) {
                S.bst[i] = 1;
                push_work(S.blo[i], S.bhi[i], true);
            }
        }
        if (w - S.iv_lo < S.iv_span) {
            int j = find_ival(w);
            if (j >= 0 && (heap || !S.iv[j].is_g))
                wake(S.iv[j].who);
        }
    }
}

static void drain(void)
{
    while (S.nwork > 0 && !S.oom) {
        range r = S.work[--S.nwork];
        scan_range(r.lo, r.hi, r.heap);
    }
}

/* Roots from goroutines; candidates and their intervals. False: a goroutine whose
 * stack cannot be told (a system call without a copy). */
static bool goroutine_roots(const rc_g *self, const rc_snap *self_snap)
{
    S.nc = 0;
    S.niv = 0;
    size_t capc = 0, capi = 0;
    S.cs = NULL;
    S.iv = NULL;
    for (int i = 0; i < S.ngs; i++) {
        const gstate *s = &S.gs[i];
        rc_g *g = s->g;
        uintptr_t hi = (uintptr_t)g->stack.hi;
        if (s->status == RC_G_DEAD || s->status == RC_G_IDLE)
            continue;
        const rc_snap *snap = NULL;
        if (g == self)
            snap = self_snap;
        else if (s->status == RC_G_SYSCALL)
            snap = g->race ? ((rc_rg *)g->race)->reach_snap : NULL;
        if (g == self || s->status == RC_G_SYSCALL) {
            if (!snap || !hi)
                return false;
            add_root_range((uintptr_t)snap->words, (uintptr_t)snap->words + snap->n);
            add_goroutine_roots(g, snap->sp, hi);
            continue;
        }
        /* WAITING: its registers are saved at its sp */
        uintptr_t sp = (uintptr_t)g->ctx.sp;
        if (!hi || sp > hi)
            return false;
        if (g->is_main || !blocked_reason(s->reason)) {
            add_goroutine_roots(g, sp, hi);
            continue;
        }
        if (!grow((void **)&S.cs, sizeof *S.cs, (size_t)S.nc + 1, &capc) ||
            !grow((void **)&S.iv, sizeof *S.iv, (size_t)S.niv + 3, &capi))
            return false;
        S.cs[S.nc] = (cand){ .g = g, .sp = sp, .hi = hi, .gi = i };
        S.iv[S.niv++] = (ival){ (uintptr_t)g, (uintptr_t)g->argbuf, S.nc, true };
        S.iv[S.niv++] = (ival){ (uintptr_t)g->argbuf, (uintptr_t)(g + 1), S.nc, false };
        S.iv[S.niv++] = (ival){ sp, hi, S.nc, false };
        S.nc++;
    }
    if (S.niv)
        qsort(S.iv, (size_t)S.niv, sizeof *S.iv, by_lo); /* before the heap freezes */
    S.iv_lo = S.niv ? S.iv[0].lo : 1;
    S.iv_span = S.niv ? S.iv[S.niv - 1].hi - S.iv_lo : 0;
    return true;
}

/* One scan. self (the calling goroutine, or NULL off-goroutine) counts as running:
 * its stack is a root (self_snap: its registers and stack top). Fills out with the
 * goroutines blocked on objects nothing live reaches; returns their number (at most
 * max), or -1 when the world would not hold still. */
static int scan(const rc_g *self, const rc_snap *self_snap, rc_blocked *out, int max)
{
    S.nroots = 0;
    S.nwork = 0;
    S.oom = false;
    int first = 1;
    dl_iterate_phdr(phdr_cb, &first);
    int found = -1;
    if (!rc_timers_freeze())
        return -1;
    atomic_store(&stw, 1);
    rc_asym_heavy();
    if (!ms_quiet(self) || !take_gstates(self) || !goroutine_roots(self, self_snap))
        goto out_world;
    tls_roots();
    rc_race_heap_freeze();
    if (!load_heap())
        goto out_heap;
    exclude_runtime();
    for (int i = 0; i < S.nroots && !S.oom; i++) {
        scan_range(S.roots[i].lo, S.roots[i].hi, false);
        drain();
    }
    if (S.oom || !ms_quiet(self) || !gstates_unchanged())
        goto out_heap;
    found = 0;
    for (int c = 0; c < S.nc && found < max; c++)
        if (!S.cs[c].woken) {
            const gstate *s = &S.gs[S.cs[c].gi];
            out[found++] = (rc_blocked){ .g = s->g, .id = s->id, .since = s->since,
                                         .reason = s->reason };
        }
out_heap:
    rc_race_heap_thaw();
out_world:
    world_release();
    rc_timers_thaw();
    rc_race_free(S.cs);
    rc_race_free(S.iv);
    S.cs = NULL;
    S.iv = NULL;
    return found;
}

/* ---- entry points --------------------------------------------------------------------- */

int rc_reach_scan_now(rc_g *self, rc_blocked *out, int max)
{
    pthread_mutex_lock(&scan_mu);
    if (self)
        snap_take(&self_snap, (uintptr_t)self->stack.hi);
    int n = scan(self, &self_snap, out, max);
    pthread_mutex_unlock(&scan_mu);
    return n;
}

/* ---- the scan thread ------------------------------------------------------------------ */

static _Atomic uint32_t kick;      /* the scheduler went idle */
static _Atomic bool stopping;
static pthread_t thread;
static bool started;

void rc_reach_idle(void)
{
    if (!atomic_load_explicit(&kick, memory_order_relaxed) && !atomic_exchange(&kick, 1))
        rc_futex_wake(&kick, 1);
}

/* This thread's CPU time: what a scan costs, even when a loaded machine stretches its
 * wall time (which would otherwise push the confirming scan seconds away). */
static int64_t cpu_now(void) { return rc_clock_ns(CLOCK_THREAD_CPUTIME_ID); }

static void nap(int64_t ns)
{
    if (ns <= 0)
        return;
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    nanosleep(&ts, NULL);
}

struct sigs { uint64_t blocked, all; };

static void sig_g(rc_g *g, void *arg)
{
    struct sigs *s = arg;
    int st = atomic_load(&g->status);
    uint64_t h = ((uint64_t)g->id * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)g->wait_since ^
                 ((uint64_t)st << 56);
    h *= 0xff51afd7ed558ccdULL;
    s->all += h;
    if (st == RC_G_WAITING && !g->is_main && blocked_reason(g->wait_reason))
        s->blocked += h;
}

#define MAX_FOUND 4096

static bool same(const rc_blocked *a, const rc_blocked *b)
{
    return a->g == b->g && a->id == b->id && a->since == b->since;
}

static void *reach_main(void *arg)
{
    (void)arg;
    rc_blocked *found = rc_race_malloc(MAX_FOUND * sizeof *found);
    rc_blocked *pending = rc_race_malloc(MAX_FOUND * sizeof *pending);
    rc_blocked *confirmed = rc_race_malloc(MAX_FOUND * sizeof *confirmed);
    if (!found || !pending || !confirmed)
        return NULL;
    int npending = 0;
    bool retry = false;
    int64_t last = 0, gap = SCAN_GAP_NS, checked = 0;
    struct sigs last_sigs = { 0, 0 };
    for (;;) {
        /* sleep until the scheduler goes idle, or a confirmation or retry is due */
        if (npending || retry) {
            struct timespec rel = { (time_t)(gap / 1000000000), (long)(gap % 1000000000) };
            rc_futex_wait(&kick, 0, &rel);
        } else {
            rc_futex_wait(&kick, 0, NULL);
        }
        if (atomic_load(&stopping))
            break;
        nap(last + gap - rc_mono_ns());
        nap(checked + SCAN_GAP_NS / 10 - rc_mono_ns()); /* the look below: 100 a second at most */
        atomic_store(&kick, 0);
        if (atomic_load(&stopping))
            break;
        struct sigs sg = { 0, 0 };
        rc_for_each_g(sig_g, &sg);
        int64_t now = checked = rc_mono_ns();
        if (!npending && !retry && sg.blocked == last_sigs.blocked &&
            (sg.all == last_sigs.all || now - last < IDLE_RESCAN_NS))
            continue;
        int64_t c0 = cpu_now();
        int n = rc_reach_scan_now(NULL, found, MAX_FOUND);
        int64_t cost = cpu_now() - c0;
        last = rc_mono_ns();
        /* scans take at most a tenth of one core */
        gap = 10 * cost > SCAN_GAP_NS ? 10 * cost : SCAN_GAP_NS;
        retry = n < 0;
        if (n < 0)
            continue;
        last_sigs = sg;
        /* reported: found by this scan and the previous one, parked all along */
        int nc = 0, np = 0;
        for (int i = 0; i < n; i++) {
            bool seen = false;
            for (int j = 0; j < npending && !seen; j++)
                seen = same(&found[i], &pending[j]);
            if (seen)
                confirmed[nc++] = found[i];
            else
                found[np++] = found[i];
        }
        memcpy(pending, found, (size_t)np * sizeof *found);
        npending = np;
        if (nc > 0 && !atomic_load(&stopping)) {
            rc_report_begin();
            int k = rc_leak_report_unreachable(confirmed, nc);
            rc_report_done(RC_REPORT_LEAK, k > 0 ? k : 0);
        }
    }
    return NULL;
}

/* RCRACE=leaks=0 (report.c's option) turns leak checks off, these included. */
static bool leaks_off(void)
{
    const char *v = getenv("RCRACE");
    for (const char *p = v ? strstr(v, "leaks=0") : NULL; p; p = strstr(p + 1, "leaks=0"))
        if ((p == v || p[-1] == ' ') && (p[7] == 0 || p[7] == ' '))
            return true;
    return false;
}

void rc_reach_start(void)
{
    if (leaks_off())
        return;
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 256 * 1024);
    started = pthread_create(&thread, &a, reach_main, NULL) == 0;
    pthread_attr_destroy(&a);
}

/* Exit: no more scans from the thread; waits for one in progress (unless called on
 * the scan thread itself, by a report with halt_on_error). */
void rc_reach_stop(void)
{
    atomic_store(&stopping, true);
    atomic_store(&kick, 1);
    rc_futex_wake(&kick, 1);
    if (started && !pthread_equal(pthread_self(), thread)) {
        pthread_mutex_lock(&scan_mu);
        pthread_mutex_unlock(&scan_mu);
    }
}
