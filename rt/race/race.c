/*
 * race.c: the detector's happens-before engine: per-goroutine state and the rc_hooks
 * the runtime calls (see hooks.h for where, and for which Go memory model edge each
 * one is). Sync objects are in sync.c, slots and the quarantine of finished
 * goroutines in slot.c.
 *
 * Lock order: rg->lock -> a sync stripe lock -> rg->trace_lock.
 */
#include "alloc.h"
#include "race.h"
#include "shadow.h"
#include "../core/asym.h"
#include "../core/spin.h"
#include "../diag/panic.h"
#include "../hooks.h"
#include "../sched/control.h"

#include <link.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(RC_NSLOTS <= RC_VC_MAX, "a vector clock has an entry per slot");
_Static_assert(RC_G_ARGBUF == 64, "an argument block's shadow is one rc_shadow_clear_line");

int rc_race_history_parts = RC_TRACE_MIN_PARTS << 1; /* history_size=1 */

/* ---- goroutines ----------------------------------------------------------------- */

/* Retired states come back from the quarantine (slot.c) in the order their
 * goroutines finished; up to SPARE_MAX wait here, with their buffers (clock, shadow
 * stack, creation stack, reachability snapshot, trace ring and its parts' stack
 * copies), for the next goroutines. Freeing them made spawning under detection malloc
 * ~6 blocks on the spawning thread and free them on another, contending on glibc's
 * arena lock (futex waits and wakes on both threads).
 * Each of the first SPARE_CACHE_PS Ps keeps its own spares, used only by the thread
 * that holds the P, and trades them with the shared list SPARE_BATCH at a time: the
 * goroutines one P spawns mostly finish on another, and a shared list under one lock
 * moved that lock's line between the two cores at every spawn and every retirement
 * (bench/race spawn, 2 Ps: two thirds of rg_new's samples on its xchg). The shared
 * list holds batches, chained through hnext, each a chain through qnext.
 * States are never freed (slot.c reads them through journals at any time): beyond
 * SPARE_MAX their buffers are, and the bare states wait on the husk list (through
 * qnext) to be used before any new one is allocated. Go keeps its goroutine records
 * the same way. */
#define SPARE_MAX      256
#define SPARE_BATCH    16
#define SPARE_CACHE_PS 4
static _Atomic uint32_t spare_lock;
static rc_rg *spare;               /* batches */
static unsigned nspare;            /* states in them */
static rc_rg *husks;               /* bare states */

static struct spare_cache {
    _Alignas(64) rc_rg *head; /* through qnext */
    unsigned n;
} spare_cache[SPARE_CACHE_PS];

static struct spare_cache *my_spares(void)
{
    int pid = rc_race_pid();
    return pid >= 0 && pid < SPARE_CACHE_PS ? &spare_cache[pid] : NULL;
}

/* Frees what rg points to; rg is left as a bare state (rg_spare empties it). */
static void rg_release_buffers(rc_rg *rg)
{
    rc_trace_free(rg);
    rc_trace_init(rg);
    rc_vc_free(&rg->vc);
    rc_race_free(rg->stk);
    rc_race_free(rg->create_stk);
    rc_race_free(rg->reach_snap);
    rg->stk = rg->create_stk = NULL;
    rg->cap = rg->create_cap = 0;
    rg->reach_snap = NULL;
}

/* Puts the chain head..tail of n states on the shared list; if full, frees their
 * buffers and keeps them as husks. */
static void spare_put_batch(rc_rg *head, rc_rg *tail, unsigned n)
{
    tail->qnext = NULL;
    head->spare_n = n;
    rc_spin_lock(&spare_lock);
    bool kept = nspare + n <= SPARE_MAX;
    if (kept) {
        head->hnext = spare;
        spare = head;
        nspare += n;
    }
    rc_spin_unlock(&spare_lock);
    if (kept)
        return;
    for (rc_rg *rg = head; rg; rg = rg->qnext)
        rg_release_buffers(rg);
    rc_spin_lock(&spare_lock);
    tail->qnext = husks;
    husks = head;
    rc_spin_unlock(&spare_lock);
}

void rc_rg_free(rc_rg *rg)
{
    struct spare_cache *c = my_spares();
    if (!c) {
        spare_put_batch(rg, rg, 1);
        return;
    }
    rg->qnext = c->head;
    c->head = rg;
    if (++c->n < 2 * SPARE_BATCH)
        return;
    rc_rg *head = c->head; /* hand over the newest SPARE_BATCH, keep the others */
    rc_rg *last = head;
    for (unsigned k = 1; k < SPARE_BATCH; k++)
        last = last->qnext;
    c->head = last->qnext;
    c->n -= SPARE_BATCH;
    spare_put_batch(head, last, SPARE_BATCH);
}

/* A spare state, emptied but for what race.h says a spare keeps (its trace is
 * emptied by h_go_start), or NULL. */
static rc_rg *rg_spare(void)
{
    struct spare_cache *c = my_spares();
    rc_rg *rg = c ? c->head : NULL;
    bool husk = false;
    if (!rg) {
        rc_spin_lock(&spare_lock);
        rg = spare;
        if (rg) {
            spare = rg->hnext;
            nspare -= rg->spare_n;
        } else if ((rg = husks)) {
            husks = rg->qnext;
            rg->qnext = NULL;
            husk = true;
        }
        rc_spin_unlock(&spare_lock);
        if (!rg)
            return NULL;
        if (c && !husk) { /* the batch is ours now */
            c->head = rg;
            c->n = rg->spare_n;
        }
    }
    if (c && !husk) {
        c->head = rg->qnext;
        c->n--;
        /* the next spare came cold out of the quarantine: fetch it */
        for (size_t off = 0; c->head && off < sizeof *c->head; off += 64)
            __builtin_prefetch((char *)c->head + off, 1);
    } else if (!husk && rg->qnext) { /* off-P: the rest of its batch goes back */
        rc_rg *t = rg->qnext;
        unsigned n = 1;
        while (t->qnext) {
            t = t->qnext;
            n++;
        }
        spare_put_batch(rg->qnext, t, n);
    }
    rc_libc_memset(rg, 0, offsetof(rc_rg, evp)); /* the fields race.h says are emptied */
    rc_vc_clear(&rg->vc);
    rg->qnext = rg->hnext = NULL;
    rg->spare_n = 0;
    return rg;
}

static rc_rg *rg_new(int64_t goid)
{
    rc_rg *rg = rg_spare();
    if (!rg) {
        rg = rc_race_calloc(1, sizeof *rg);
        if (!rg)
            rc_fatal("race: out of memory");
        rc_trace_init(rg);
    }
    rg->sid = RC_NO_SLOT;
    rg->poll_left = rc_race_poll_every;
    rg->goid = goid;
    atomic_store_explicit(&rg->ident, goid, memory_order_relaxed); /* (slot.c) */
    return rg;
}

/* ---- a lone program ---------------------------------------------------------------
 * Until its second goroutine, a program is lone: main is its only goroutine, and no
 * plain access of main's can race, ever. Every other goroutine will be created by main
 * after it, or by a goroutine created after it (the go statement orders main's past
 * before the child), so it is ordered before every access another goroutine will make.
 * The one way a goroutine starts without that edge is from the timer thread (a
 * channel timer's delivery, AfterFunc): it learns its creator's clock by acquiring
 * what arming the timer released, which orders main's accesses up to the arm only. So
 * a lone program ends at its first go statement or its first release (every arm is
 * one), whichever comes first. Until then plain accesses are neither checked nor
 * stored (rc_tls_race_acc is NULL: the access path returns at once): a program's
 * set-up (globals written once, then read by every worker) leaves no cells, so its
 * workers' reads fit in the primary cells instead of spilling. Function entries and
 * exits are still traced (stacks), atomics and synchronisation too. Not in controlled
 * mode, which makes every access a scheduling point. */

static int reserve_writable(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    (void)arg;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W))
            rc_shadow_reserve(info->dlpi_addr + ph->p_vaddr, ph->p_memsz);
    }
    return 0;
}

#define LONE_STACK_BELOW ((uintptr_t)64 << 10)  /* main's stack reserved around its sp */
#define LONE_STACK_ABOVE ((uintptr_t)256 << 10)

/* Runs on main's thread: while the program is lone, only main creates a goroutine or
 * releases, so no other thread's pointer needs setting (each sets its own with curg).
 * A lone program has left no shadow on main's stack and globals, so the goroutines
 * about to start would create those regions on their first accesses, each its own
 * mmap, and leave them together: their first checks of a shared word would then run
 * at the same instant, when both may store into one empty cell and one record is
 * lost (shadow.h; a Go-suite test missed its race in 1 run in 6). Made here instead,
 * as main's own checks used to. (Heap blocks get theirs at malloc.) */
void rc_race_lone_end(void)
{
    if (!atomic_load_explicit(&rc_race_lone, memory_order_relaxed))
        return;
    atomic_store_explicit(&rc_race_lone, false, memory_order_relaxed);
    rc_tls_race_acc = rc_tls_race;
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    rc_shadow_reserve(sp - LONE_STACK_BELOW, LONE_STACK_BELOW + LONE_STACK_ABOVE);
    dl_iterate_phdr(reserve_writable, NULL);
}

/* ---- hooks ---------------------------------------------------------------------- */

/* Room for n frames in rg->create_stk (false: out of memory, no creation stack). */
static bool create_room(rc_rg *rg, uint32_t n)
{
    if (n <= rg->create_cap)
        return true;
    uintptr_t *s = rc_race_realloc(rg->create_stk, n * sizeof *s);
    if (!s)
        return false;
    rg->create_stk = s;
    rg->create_cap = n;
    return true;
}

/* A go statement's record for its child (a birth record): the parent's clock as the
 * child starts with it, and the creation stack, written by the parent into the top
 * of the child's stack (RC_G_BIRTH: sched.h) and made into the child's state by the
 * child itself, at its start (h_go_start), from a spare of the P that runs it. The
 * goroutines one P spawns mostly run on another; a state the parent made there moved
 * its lines (header, clock, creation stack) to the parent's CPU and back at every
 * spawn, while the stack top is a page the child uses at once. A parent with a larger
 * clock or a deeper stack than a record holds makes the state itself, as before. */
#define BIRTH_CLOCK  8
#define BIRTH_FRAMES 8
typedef struct birth {
    int64_t  goid;          /* whose: a record is valid for this goroutine only */
    uint32_t nclock, depth;
    /* nclock clock entries (slot << BIRTH_SID_SHIFT | epoch), then depth frames
     * (innermost first): packed, so that a record of a few starts in one line (the
     * stack top is 64-byte aligned), which the child's CPU fetches from the parent's */
    uint64_t w[BIRTH_CLOCK + BIRTH_FRAMES];
} birth;
#define BIRTH_SID_SHIFT 56
_Static_assert(sizeof(birth) <= RC_G_BIRTH, "a birth record fits the stack top");
_Static_assert(RC_NSLOTS <= (1u << (64 - BIRTH_SID_SHIFT)), "a slot id fits a clock entry");

static birth *birth_of(const rc_g *g)
{
    return (birth *)(void *)((char *)g->stack.hi - RC_G_BIRTH);
}

/* A go statement's creation stack into out: its call site pc, then prg's shadow stack,
 * innermost first (prg->depth + 1 frames). */
static void creation_frames(uintptr_t *out, const rc_rg *prg, uintptr_t pc)
{
    out[0] = pc;
    for (uint32_t i = 0; i < prg->depth; i++)
        out[1 + i] = prg->stk[prg->depth - 1 - i];
}

/* The record of prg's go statement at pc (prg NULL: the timer thread's, which always
 * fits); false if prg's clock or stack does not fit. prg is locked, and gets the release's own-entry rule (as
 * rc_race_publish_own). */
static bool birth_write(birth *b, int64_t goid, rc_rg *prg, uintptr_t pc)
{
    uint32_t n = 0, depth = prg ? prg->depth + 1 : pc != 0;
    if (depth > BIRTH_FRAMES)
        return false;
    if (prg) {
        const rc_vc *v = &prg->vc;
        bool own = prg->sid == RC_NO_SLOT; /* our entry written (or none to write) */
        for (unsigned w = 0; w < RC_VC_WORDS; w++)
            for (uint64_t bits = v->nz[w]; bits; bits &= bits - 1) {
                unsigned t = w * 64 + (unsigned)__builtin_ctzll(bits);
                uint64_t e = v->e[t];
                if (t == prg->sid) {
                    own = true;
                    if (e < prg->epoch)
                        e = prg->epoch;
                }
                if (e == 0)
                    continue;
                if (n == BIRTH_CLOCK || e >> BIRTH_SID_SHIFT)
                    return false;
                b->w[n++] = (uint64_t)t << BIRTH_SID_SHIFT | e;
            }
        if (!own) {
            if (n == BIRTH_CLOCK || prg->epoch >> BIRTH_SID_SHIFT)
                return false;
            b->w[n++] = (uint64_t)prg->sid << BIRTH_SID_SHIFT | prg->epoch;
        }
        if (prg->sid != RC_NO_SLOT)
            prg->quiet_from = prg->epoch + 1;
        creation_frames(b->w + n, prg, pc);
    } else if (depth) {
        b->w[0] = pc;
    }
    b->goid = goid;
    b->nclock = n;
    b->depth = depth;
    return true;
}

/* g's birth record, or NULL if its creator left none (it made g's state, or the
 * detector was not yet on). */
static const birth *birth_find(const rc_g *g)
{
    const birth *b = g->stack.hi ? birth_of(g) : NULL;
    return b && b->goid == g->id ? b : NULL;
}

/* g's state, made from its birth record b. */
static rc_rg *birth_read(rc_g *g, const birth *b)
{
    rc_rg *rg = rg_new(g->id);
    for (uint32_t i = 0; i < b->nclock; i++)
        rc_vc_set(&rg->vc, (unsigned)(b->w[i] >> BIRTH_SID_SHIFT),
                  b->w[i] & (((uint64_t)1 << BIRTH_SID_SHIFT) - 1));
    if (b->depth && create_room(rg, b->depth)) {
        rg->create_depth = b->depth;
        for (uint32_t i = 0; i < b->depth; i++) /* (memcpy: an interceptor) */
            rg->create_stk[i] = b->w[b->nclock + i];
    }
    return rg;
}

static void h_go_create(rc_g *parent, rc_g *child, uintptr_t pc)
{
    rc_race_lone_end();
    rc_rg *prg = parent ? rc_rg_lock(parent) : NULL;
    if (!birth_write(birth_of(child), child->id, prg, pc)) { /* prg makes the state */
        rc_rg *rg = rg_new(child->id);
        rc_vc_copy(&rg->vc, &prg->vc); /* the go statement happens before the start */
        rc_race_publish_own(prg, &rg->vc);
        if (create_room(rg, prg->depth + 1)) {
            rg->create_depth = prg->depth + 1;
            creation_frames(rg->create_stk, prg, pc);
        }
        child->race = rg;
    }
    if (prg) {
        rc_race_tick(prg);
        rc_rg_unlock(prg);
    }
}

/* g's creation stack, for dumps (hooks.h creation_stack): rc_race_who_lock keeps its
 * state from reuse while it is copied. One that has not started yet has its birth
 * record instead (its stack keeps it while it is runnable). */
static int h_creation_stack(const rc_g *g, uintptr_t *pcs, int max)
{
    rc_race_who_lock();
    const rc_rg *rg = g->race;
    const birth *b;
    const uintptr_t *stk = NULL;
    int n = 0;
    if (rg) {
        stk = rg->create_stk;
        n = (int)rg->create_depth;
    } else if (atomic_load(&g->status) == RC_G_RUNNABLE && (b = birth_find(g))) {
        stk = b->w + b->nclock;
        n = (int)b->depth;
    }
    n = n < max ? n : max;
    for (int i = 0; i < n; i++)
        pcs[i] = stk[i];
    rc_race_who_unlock();
    return n;
}

/* The stack top whose shadow a goroutine's start commits (rc_shadow_prefault). */
#define STACK_TOP_PREFAULT 1024

/* Commits the shadow of g's stack top, where its first frames will be, if they are
 * likely to be checked: the stack holds its argument block (rc_go_copy's larger
 * ones), or goroutines here have had stack accesses checked before (the shadow region
 * exists; it covers about 15 default stacks). A goroutine whose locals never escape
 * and whose argument lives in its rc_g (the common case) has no checked stack access,
 * and a prefault would cost it a page fault (~3 us here) and 4 KiB for nothing: 10k
 * goroutines alive ran 23% faster without one. */
static void prefault_stack_top(const rc_g *g)
{
    uintptr_t hi = (uintptr_t)g->stack.hi, lo = hi - STACK_TOP_PREFAULT;
    bool arg_on_stack = (uintptr_t)g->arg >= (uintptr_t)g->stack.lo && (uintptr_t)g->arg < hi;
    if (arg_on_stack && (uintptr_t)g->arg < lo)
        lo = (uintptr_t)g->arg & ~(uintptr_t)7;
    if (arg_on_stack || rc_shadow_mapped(lo))
        rc_shadow_prefault(lo, hi - lo);
}

static void h_go_start(rc_g *g)
{
    rc_reach_gate();
    rc_rg *rg = g->race;
    const birth *b;
    if (!rg && (b = birth_find(g))) {
        g->race = rg = birth_read(g, b);
        rc_tls_race_set(rg); /* g runs */
    }
    if (!rg)
        return;
    /* Its trace ring is emptied here, on the thread that runs it, not by its
     * creator: the goroutines one P spawns mostly run on another, and the ring's
     * parts then crossed to the creator's CPU and back at every spawn (bench/race
     * spawn, 2 Ps: -4..-7%; emptying the whole state here instead was slower). */
    rc_trace_reset(rg);
    rc_slot_attach(rg, true); /* marks it running (until then it held no slot to steal) */
    if (g->stack.hi)
        prefault_stack_top(g);
}

static void h_go_exit(rc_g *g)
{
    rc_rg *rg = g->race;
    if (!rg)
        return;
    /* release, not seq_cst: a report reads it for "(finished)" and needs no fence
     * (a seq_cst store is an xchg on x86-64) */
    atomic_store_explicit(&rg->finished, true, memory_order_release);
    /* The stack will be reused by another goroutine: forget accesses to the part
     * this one used, i.e. down to the deepest instrumented frame or dynamic alloca
     * (__rc_func_entry, __rc_stack_alloca; uninstrumented frames below leave no
     * shadow). Clearing all 256 KiB would be a 1 MiB madvise and a TLB shootdown
     * per exit. */
    if (g->stack.lo && !g->is_main) {
        uintptr_t lo = (uintptr_t)g->stack.lo, hi = (uintptr_t)g->stack.hi;
        if (rg->min_frame > lo && rg->min_frame < hi)
            lo = rg->min_frame;
        rc_shadow_clear(lo, hi - lo);
    }
    if (g->arg == g->argbuf) /* the rc_g's next goroutine gets its block here */
        rc_shadow_clear_line((uintptr_t)g->argbuf);
    rc_locks_exit(rg, g);
    rc_slot_detach(rg);
    g->race = rc_tls_race = rc_tls_race_acc = NULL; /* g is running */
    rc_race_retire(rg);
}

/* The goroutine stops running (parks or yields): its slot may be taken meanwhile. */
static void h_block(rc_g *g, rc_wait_reason r, const void *obj)
{
    (void)r, (void)obj;
    rc_rg *rg = g->race;
    if (!rg)
        return;
    rc_spin_lock(&rg->lock);
    rg->running = false;
    rc_spin_unlock(&rg->lock);
}

static void h_unblock(rc_g *g)
{
    rc_reach_gate();
    rc_rg *rg = g->race;
    if (!rg)
        return;
    rc_spin_lock(&rg->lock);
    rg->running = true;
    bool has_slot = rg->sid != RC_NO_SLOT;
    rc_spin_unlock(&rg->lock);
    if (!has_slot)
        rc_slot_attach(rg, false);
}

static void h_acquire(rc_g *g, const void *obj)
{
    rc_rg *rg = rc_rg_lock(g);
    if (rg)
        rc_race_acquire(rg, (uintptr_t)obj);
    rc_rg_unlock(rg);
}

static void h_release(rc_g *g, const void *obj)
{
    rc_race_lone_end();
    rc_rg *rg = rc_rg_lock(g);
    if (rg)
        rc_race_release(rg, (uintptr_t)obj, false);
    rc_rg_unlock(rg);
}

static void h_release_merge(rc_g *g, const void *obj)
{
    rc_race_lone_end();
    rc_rg *rg = rc_rg_lock(g);
    if (rg)
        rc_race_release(rg, (uintptr_t)obj, true);
    rc_rg_unlock(rg);
}

/* Which mutexes a goroutine holds, in its trace too, so a report can say which each
 * side of a race held; and the lock records of deadlock detection (locks.c). The
 * lock event goes first: a trace part starting with it copies the held set without
 * the mutex, which replaying the event adds. */
static void h_mutex_locked(rc_g *g, const void *m, bool write, bool try_, uintptr_t pc)
{
    rc_rg *rg = g->race;
    if (!rg || rg->sid == RC_NO_SLOT)
        return;
    uint64_t epoch = rc_trace_event(rg, RC_EV_SYNC_OF(write ? RC_SYNC_LOCK : RC_SYNC_RLOCK, m));
    if (rc_locks_on) /* before the held set gains m: it reads what was held before */
        rc_locks_locked(rg, g, (uintptr_t)m, write, try_, pc, epoch);
    rc_held_add(rg->held, &rg->nheld, (uintptr_t)m, write);
}

static void h_mutex_unlocked(rc_g *g, const void *m, bool write)
{
    rc_rg *rg = g->race;
    if (!rg || rg->sid == RC_NO_SLOT)
        return;
    if (rc_locks_on)
        rc_locks_unlocked(rg, (uintptr_t)m, write);
    rc_held_del(rg->held, &rg->nheld, (uintptr_t)m);
    rc_trace_event(rg, RC_EV_SYNC_OF(RC_SYNC_UNLOCK, m));
}

/* Mutex Lock and Unlock, each in one call (hooks.h). g runs: its state needs no lock.
 * The unlock's release publishes the epoch of its read of the word; its UNLOCK event
 * then ends that epoch, as rc_race_tick would. */
static void h_mutex_lock(rc_g *g, const void *m, bool try_, uintptr_t pc)
{
    rc_rg *rg = g->race;
    if (!rg)
        return;
    rc_race_mutex_acquire(rg, (uintptr_t)m);
    rc_race_read_mutex_word(m, pc);
    rg->mu_read = (uintptr_t)m;
    rg->mu_read_epoch = rg->epoch;
    h_mutex_locked(g, m, true, try_, pc);
}

static void h_mutex_unlock(rc_g *g, const void *m, uintptr_t pc)
{
    rc_rg *rg = g->race;
    if (!rg)
        return;
    /* The word's read at Unlock is checked only if a release came since the Lock's
     * (quiet_from: race.h): else the Lock's cell stands for it, as access.c's
     * "covered" rule would find after a check (~90 instructions). A plain access that
     * races with the Unlock's read races with the Lock's too, and met its cell. */
    if (rg->mu_read != (uintptr_t)m || rg->mu_read_epoch < rg->quiet_from)
        rc_race_read_mutex_word(m, pc);
    rc_race_mutex_release(rg, (uintptr_t)m);
    h_mutex_unlocked(g, m, true);
}

static void h_mutex_wait(rc_g *g, const void *m, int why, uintptr_t pc)
{
    rc_rg *rg = g->race;
    if (rg && rg->sid != RC_NO_SLOT && rc_locks_on)
        rc_locks_wait(rg, (uintptr_t)m, why, pc);
}

void rc_race_all_asleep(const char *msg); /* hang.c */
void rc_race_panic(const char *msg, bool fatal, const char *text, size_t len,
                   const uintptr_t *pcs, int n); /* crash.c */

static void h_before_all_asleep(void)
{
    rc_race_deadlock_scan();
}

static const rc_hooks race_hooks = {
    .access = rc_race_access_hook,
    .go_create = h_go_create,
    .go_start = h_go_start,
    .go_exit = h_go_exit,
    .block = h_block,
    .unblock = h_unblock,
    .mutex_locked = h_mutex_locked,
    .mutex_unlocked = h_mutex_unlocked,
    .mutex_lock = h_mutex_lock,
    .mutex_unlock = h_mutex_unlock,
    .mutex_wait = h_mutex_wait,
    .acquire = h_acquire,
    .release = h_release,
    .release_merge = h_release_merge,
    .chan_sync = rc_race_chan_sync,
    .chan_free = rc_race_chan_free,
    .sched_idle = rc_reach_idle,
    .syscall_enter = rc_reach_syscall_enter,
    .syscall_exit = rc_reach_syscall_exit,
    .creation_stack = h_creation_stack,
    .all_asleep = rc_race_all_asleep,
    .panic = rc_race_panic,
    .before_all_asleep = h_before_all_asleep,
};

/* ---- start-up and exit ---------------------------------------------------------- */

static void on_exit_cb(int status, void *arg)
{
    (void)arg;
    rc_race_fini(status);
}

/* The detector's one constructor: it starts its parts in order, by calls. (A
 * constructor per file, ordered by priority, is not safe: an optimiser that evaluates
 * one at compile time sees its file's globals as they were before the earlier
 * constructors ran. clang 19 dropped hang.c's that way.) */
__attribute__((constructor(102))) static void rc_race_init(void)
{
    rc_runtime_init();
    rc_race_access_init();
    rc_race_options_init();
    rc_shadow_init();
    rc_asym_init();
    rc_g *g = rc_getg(); /* main */
    rc_rg *rg = rg_new(g->id);
    rg->is_main = true;
    rg->running = true;
    g->race = rc_tls_race = rg;
    atomic_store_explicit(&rc_race_lone, !rc_ctl_on, memory_order_relaxed);
    rc_tls_race_acc = rc_ctl_on ? rg : NULL;
    rc_slot_attach(rg, true);
    rc_hooks_active = &race_hooks;
    if (!rc_ctl_on) /* controlled runs: no scan thread (docs/EXPLORE.md) */
        rc_reach_start();
    on_exit(on_exit_cb, NULL);
    rc_race_hang_start();
}
