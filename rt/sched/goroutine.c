/*
 * goroutine.c: goroutine lifecycle: creation (with a cache of dead goroutines whose
 * stacks are reused), exit, Goexit, the allg list for dumps, and the public
 * goroutine API of racecheck.h.
 *
 * Dead goroutines go to their P's free list (up to GFREE_LOCAL), overflow to a global
 * list (up to GFREE_GLOBAL, stack kept), and beyond that lose their stack (munmap,
 * outside every lock) but stay in allg, which only grows (as Go's allgs): a dump can
 * walk it without racing with frees. New goroutines come GALLOC_BATCH at a time, with
 * their stacks in one mapping (stack.h).
 *
 * Spawn throttling: we have no preemption, so a goroutine spawning in a loop would
 * queue goroutines (each holding a stack) without bound while its P's other work
 * waits. When its P's run queue holds SPAWN_THROTTLE goroutines, rc_spawn yields
 * (Go's spawner would be preempted sooner or later; here the yield is the
 * preemption). Only goroutines yield: the timer thread never does.
 */
#include "proc.h"
#include "control.h"
#include "runq.h"
#include "../core/env.h"
#include "../core/mem.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "racecheck.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define GFREE_LOCAL    64
#define GFREE_GLOBAL   4096
#define GALLOC_BATCH   32
#define SPAWN_THROTTLE (RC_RUNQ_SIZE / 2)

_Atomic bool rc_main_exited;

/* Its own cache line (the alignment rounds the struct up to 64 bytes): the spawning
 * P keeps it, while exits on other Ps write the counts (a shared line cost spawn a
 * quarter of its time with 2 Ps). */
static struct {
    _Alignas(64) _Atomic int64_t last;
} goidgen;
_Static_assert(sizeof goidgen == 64, "goidgen fills its cache line");

/* Goroutines created or exited with no P (the timer thread's AfterFunc, main
 * before the scheduler starts); the rest are counted per P. */
static _Atomic int64_t ngoroutines_nop;

static void count_goroutine(rc_p *p, int delta)
{
    if (p) /* its holder is the only writer */
        atomic_store_explicit(&p->ngoroutines,
                              atomic_load_explicit(&p->ngoroutines, memory_order_relaxed) + delta,
                              memory_order_relaxed);
    else
        atomic_fetch_add_explicit(&ngoroutines_nop, delta, memory_order_relaxed);
}

int rc_goroutine_count(void)
{
    int64_t n = atomic_load_explicit(&ngoroutines_nop, memory_order_relaxed);
    for (int i = 0; i < RC_MAX_PROCS; i++) {
        rc_p *p = rc_sched_p(i);
        if (p)
            n += atomic_load_explicit(&p->ngoroutines, memory_order_relaxed);
    }
    return (int)n;
}

static struct {
    _Atomic uint32_t lock;
    rc_g *head;
} allg;

void rc_for_each_g(void (*f)(rc_g *g, void *ctx), void *ctx)
{
    rc_spin_lock(&allg.lock);
    for (rc_g *g = allg.head; g; g = g->alllink)
        f(g, ctx);
    rc_spin_unlock(&allg.lock);
}

/* ---- free lists ----------------------------------------------------------------- */

/* The global free list holds batches, so that moving goroutines between it and a P
 * costs one cache miss, not one per goroutine: a batch is a schedlink chain whose
 * first goroutine keeps the counts and the link to the next batch (gbatch). Its
 * goroutines were mostly last touched on another P. n and nstack are written under
 * the lock, read without it as hints. */
static struct {
    _Atomic uint32_t lock;
    rc_g *batches;
    _Atomic int n;          /* goroutines in all batches */
    _Atomic int nstack;     /* how many of them keep their stack */
} gfree_global;

static void add_relaxed(_Atomic int *x, int delta)
{
    atomic_store_explicit(x, atomic_load_explicit(x, memory_order_relaxed) + delta,
                          memory_order_relaxed);
}

static void gfree_global_push(rc_g *batch)
{
    rc_spin_lock(&gfree_global.lock);
    batch->gbatch.next = gfree_global.batches;
    gfree_global.batches = batch;
    add_relaxed(&gfree_global.n, batch->gbatch.n);
    add_relaxed(&gfree_global.nstack, batch->gbatch.nstack);
    rc_spin_unlock(&gfree_global.lock);
}

static rc_g *gfree_global_pop(void)
{
    rc_spin_lock(&gfree_global.lock);
    rc_g *b = gfree_global.batches;
    if (b) {
        gfree_global.batches = b->gbatch.next;
        add_relaxed(&gfree_global.n, -b->gbatch.n);
        add_relaxed(&gfree_global.nstack, -b->gbatch.nstack);
    }
    rc_spin_unlock(&gfree_global.lock);
    return b;
}

/* Makes the chain head..(schedlink) a batch of n goroutines. */
static rc_g *gbatch_make(rc_g *head, int n)
{
    int nstack = 0;
    for (rc_g *x = head; x; x = x->schedlink)
        nstack += x->stack.lo != NULL;
    head->gbatch.n = n;
    head->gbatch.nstack = nstack;
    return head;
}

/* Ships the older half of p's free list to the global list as one batch (the newer
 * half is warmer in this P's cache). Stacks beyond the global cap are unmapped first
 * (munmap is slow: a TLB shootdown), outside every lock; their goroutines go stackless. */
static void gfree_spill(rc_p *p)
{
    rc_g *last = p->gfree;
    for (int i = 1; i < GFREE_LOCAL / 2; i++)
        last = last->schedlink;
    rc_g *old = last->schedlink;
    last->schedlink = NULL;
    int n = p->ngfree - GFREE_LOCAL / 2;
    p->ngfree = GFREE_LOCAL / 2;

    rc_stack *unmap[GFREE_LOCAL];
    int nunmap = 0;
    int room = GFREE_GLOBAL - atomic_load_explicit(&gfree_global.nstack, memory_order_relaxed);
    for (rc_g *x = old; x; x = x->schedlink) {
        if (x->stack.lo && room-- <= 0)
            unmap[nunmap++] = &x->stack;
    }
    if (nunmap)
        rc_stack_free_many(unmap, nunmap);
    gfree_global_push(gbatch_make(old, n));
}

void rc_gfree_put(rc_p *p, rc_g *g)
{
    g->schedlink = p->gfree;
    p->gfree = g;
    if (++p->ngfree >= GFREE_LOCAL)
        gfree_spill(p);
}

static rc_g *gfree_get(rc_p *p)
{
    if (!p) { /* take the first of a batch, put the rest back */
        if (atomic_load_explicit(&gfree_global.n, memory_order_relaxed) == 0)
            return NULL;
        rc_g *b = gfree_global_pop();
        if (b && b->schedlink)
            gfree_global_push(gbatch_make(b->schedlink, b->gbatch.n - 1));
        return b;
    }
    if (!p->gfree && atomic_load_explicit(&gfree_global.n, memory_order_relaxed) > 0) {
        rc_g *b = gfree_global_pop();
        if (b) {
            p->gfree = b;
            p->ngfree = b->gbatch.n;
        }
    }
    rc_g *g = p->gfree;
    if (g) {
        p->gfree = g->schedlink;
        p->ngfree--;
        if (p->gfree) /* the next spawn's goroutine, likely last touched on another P */
            __builtin_prefetch(p->gfree, 1);
    }
    return g;
}

/* A fresh batch of goroutines with stacks: returns one, caches the others on p's
 * free list (or the global one when there is no P). */
static rc_g *galloc_batch(rc_p *p)
{
    /* never freed: allg holds them. Aligned (rc_g is): goroutines that run on
     * different Ps share no cache line. */
    rc_g *gs = aligned_alloc(_Alignof(rc_g), GALLOC_BATCH * sizeof *gs);
    if (gs)
        memset(gs, 0, GALLOC_BATCH * sizeof *gs);
    if (!gs)
        rc_fatal("out of memory allocating a goroutine");
    rc_stack stacks[GALLOC_BATCH];
    rc_stack_alloc_batch(stacks, GALLOC_BATCH, rc_env.stacksize);
    for (int i = 0; i < GALLOC_BATCH; i++)
        gs[i].stack = stacks[i];
    rc_spin_lock(&allg.lock);
    for (int i = 0; i < GALLOC_BATCH; i++) {
        gs[i].alllink = allg.head;
        allg.head = &gs[i];
    }
    rc_spin_unlock(&allg.lock);
    for (int i = 1; i < GALLOC_BATCH; i++)
        gs[i].schedlink = i + 1 < GALLOC_BATCH ? &gs[i + 1] : NULL;
    if (p && !p->gfree) {
        p->gfree = &gs[1];
        p->ngfree = GALLOC_BATCH - 1;
    } else {
        gfree_global_push(gbatch_make(&gs[1], GALLOC_BATCH - 1));
    }
    return &gs[0];
}

static rc_g *galloc(void)
{
    rc_g *g = aligned_alloc(_Alignof(rc_g), sizeof *g);
    if (g)
        memset(g, 0, sizeof *g);
    if (!g)
        rc_fatal("out of memory allocating a goroutine");
    rc_spin_lock(&allg.lock);
    g->alllink = allg.head;
    allg.head = g;
    rc_spin_unlock(&allg.lock);
    return g;
}

/* ---- creation and exit ---------------------------------------------------------- */

static void goroutine_main(void *arg)
{
    rc_g *g = arg;
    RC_HOOK(go_start, g);
    g->fn(g->arg);
    rc_goexit();
}

int64_t rc_spawn(void (*fn)(void *), void *arg, const void *argcopy, size_t argsize,
               uintptr_t create_pc)
{
    rc_runtime_init();
    /* before any store to g: a locked add waits for earlier stores to drain, and g's
     * lines are likely on another core */
    int64_t id = atomic_fetch_add_explicit(&goidgen.last, 1, memory_order_relaxed) + 1;
    rc_m *m = rc_getm();
    rc_g *g = gfree_get(m ? m->p : NULL);
    if (!g)
        g = galloc_batch(m ? m->p : NULL);
    if (!g->stack.lo)
        rc_stack_alloc(&g->stack, rc_env.stacksize);

    char *top = g->stack.hi - RC_G_BIRTH;
    if (argcopy && argsize <= sizeof g->argbuf) {
        rc_mem_copy(g->argbuf, argcopy, argsize);
        arg = g->argbuf;
    } else if (argcopy) {
        if (argsize > (size_t)(g->stack.hi - g->stack.lo) / 4)
            rc_panicf("rc_go_copy: argument block of %zu bytes is too large", argsize);
        top = (char *)(((uintptr_t)top - argsize) & ~(uintptr_t)63);
        memcpy(top, argcopy, argsize);
        arg = top;
    }
    g->id = id;
    g->fn = fn;
    g->arg = arg;
    g->parent_id = (m && m->curg) ? m->curg->id : 0;
    g->create_pc = create_pc;
    g->param = NULL;
    g->wait_reason = RC_WAIT_NONE;
    g->blocking_depth = 0;
    rc_mctx_make(&g->ctx, g->stack.lo, top, goroutine_main, g);
    count_goroutine(m ? m->p : NULL, 1);
    /* no parent on the timer thread (AfterFunc): the detector starts it afresh */
    RC_HOOK(go_create, m ? m->curg : NULL, g, create_pc);
    if (__builtin_expect(rc_ctl_on, 0)) { /* the strategy: does the child run first? */
        rc_ctl_created(g);
        rc_ready(g);
        rc_ctl_spawned(g);
        return id;
    }
    rc_ready(g);
    if (m && m->curg && m->p && rc_runq_len(m->p) >= SPAWN_THROTTLE)
        rc_yield();
    return id;
}

void rc_goexit(void)
{
    rc_g *g = rc_getg();
    RC_HOOK(go_exit, g);
    atomic_store(&g->status, RC_G_DEAD);
    count_goroutine(rc_getm()->p, -1);
    /* main's stack is the thread's: it is never recycled. As in Go, the program goes
     * on until the others finish, then dies in checkdead with "no goroutines (main
     * called runtime.Goexit) - deadlock!". */
    if (g->is_main)
        atomic_store(&rc_main_exited, true);
    rc_sched_switch(g->is_main ? RC_SWITCH_NONE : RC_SWITCH_EXIT);
    __builtin_unreachable();
}

void rc_goroutines_init(rc_m *m0)
{
    rc_g *g = galloc();
    g->id = atomic_fetch_add(&goidgen.last, 1) + 1;
    g->is_main = true;
    g->m = m0;
    atomic_store(&g->status, RC_G_RUNNING);
    /* the thread's stack bounds, for the stack overflow report */
    pthread_attr_t a;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        if (pthread_attr_getstack(&a, &addr, &size) == 0) {
            g->stack.lo = addr;
            g->stack.hi = (char *)addr + size;
        }
        pthread_attr_destroy(&a);
    }
    count_goroutine(NULL, 1); /* before m0 has a P */
    m0->curg = g;
}

/* ---- public API ----------------------------------------------------------------- */

int64_t rc_go(rc_func fn, void *arg)
{
    RC_SCHED_POINT();
    return rc_spawn(fn, arg, NULL, 0, RC_CALLER_PC());
}

int64_t rc_go_copy(rc_func fn, const void *arg, size_t size)
{
    RC_SCHED_POINT();
    uintptr_t pc = RC_CALLER_PC();
    rc_g *g;
    /* the parent reads the argument, as Go evaluates a go statement's arguments */
    if (__builtin_expect(rc_detector_on(), 0) && (g = rc_curg()))
        RC_HOOK(access, g, arg, size, false, pc);
    return rc_spawn(fn, NULL, arg, size, pc);
}

/* The pass's entry point for an argument block in a local variable of the caller
 * whose address nothing else holds (docs/ABI.md, "Private values"): its read cannot
 * race and is not checked. */
int64_t __rc_go_copy_private(rc_func fn, const void *arg, size_t size)
{
    RC_SCHED_POINT();
    return rc_spawn(fn, NULL, arg, size, RC_CALLER_PC());
}

int64_t rc_goid(void)
{
    return rc_getg()->id;
}

int rc_numgoroutine(void)
{
    rc_runtime_init();
    return rc_goroutine_count();
}

int rc_numcpu(void)
{
    rc_runtime_init();
    return rc_env.ncpu;
}
