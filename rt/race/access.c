/*
 * access.c: the instrumentation ABI (docs/ABI.md): plain accesses, atomics, memory
 * intrinsics, function entry/exit, dynamic allocas, preemption polls. This is the hot path.
 *
 * One access = one trace event (its epoch; a run of accesses from one site shares the
 * first one's, race.h rc_trace_access) + one check of each 8-byte word touched:
 * scan the word's cells (its two primary cells, and its two spill cells if it has
 * them: shadow.h); an overlapping access by another goroutine, at least one of them a
 * write and not both atomic, whose epoch is beyond our clock's entry for its
 * goroutine, is a race. Then the access is stored: over our own older cell for the
 * same bytes and kind, else in an empty cell or one whose access is ordered before
 * us and no stronger (a read never replaces a write), else in the spill cells (the
 * word's first spill), else over the weakest of the four (atomic before plain, read
 * before write; TSan evicts by epoch alone).
 *
 * A word whose cells already hold this very access (same goroutine slot, epoch, bytes
 * and kind: a loop's accesses from one site share an epoch until the next
 * synchronisation) is done at once, as in TSan: nothing that happened since can be
 * missed, since any later access of another goroutine was checked against that cell,
 * and earlier ones were checked when it was stored.
 *
 * An access is checked but not stored when a cell holds an older access of ours with
 * the same bytes and kind, made since our last release and in our current trace part
 * (epoch >= rg->quiet_from): no goroutine can be ordered after the one access and not
 * the other, so the older cell finds every later race the new one would, and its
 * stack can still be restored. (The check itself still runs: a racing cell stored
 * since then was reported with our older access as the previous one; with this one
 * it is a report of its own, "Read at ... Previous write at".)
 * Skipping the store keeps the shadow line clean: a second pass over an array, or a
 * loop's second read of a variable between two synchronisations, reads the shadow
 * and writes none, and a line that other CPUs read stays shared.
 *
 * A lone program (one goroutine so far and no timer armed: race.c) has no access that
 * can race: rc_race_acc() is NULL and plain accesses return at once.
 *
 * Preemption: every RC_PREEMPT_EVENTS accesses the goroutine yields (rg->poll_left
 * counts them down), so a spin loop on a plain variable cannot starve the goroutine
 * it waits for. The poll comes before the check: a goroutine that yielded may hold
 * another slot when it runs again, and the check reads its slot and epoch after.
 * In controlled mode (sched/control.h) every access of the program is a scheduling
 * point, decided by the controlled scheduler (the runtime's own accesses on the user's
 * behalf never are: the runtime may hold a lock there, and on one thread nothing
 * would release it).
 */
#include "alloc.h"
#include "race.h"
#include "shadow.h"
#include "../core/spin.h"
#include "../sched/control.h"
#include "racecheck.h"

#include <stdlib.h>
#include <string.h>

#define RC_PREEMPT_EVENTS (1u << 16)

uint32_t rc_race_poll_every = RC_PREEMPT_EVENTS; /* race.h; 1 in controlled mode */
static unsigned poll_mask = 1023;                 /* __rc_preempt_poll's */

void rc_race_access_init(void)
{
    if (rc_ctl_on) { /* (set by rc_runtime_init) */
        rc_race_poll_every = 1;
        poll_mask = 0;
    }
}

/* What tells cells of one slot apart from the others', and what makes two cells the
 * same access but for its epoch (its slot, kind and bytes; S included, so that a
 * spilled word never matches). */
#define CELL_SID_BITS ((rc_cell)RC_CELL_SID_MAX << RC_CELL_SID_SHIFT)
#define CELL_KEY_BITS (CELL_SID_BITS | RC_CELL_SPILL | RC_CELL_ATOMIC | RC_CELL_WRITE | 0xff)

/* An access's kind, from its cell (its bytes: rc_cell_mask). The out-of-line paths
 * take the cell alone and reload the word's cells, so that they have at most five
 * arguments, all in registers, every call to them from the fast path is a tail call,
 * and the fast path saves no register (see access_word). */
static inline rc_cell cur_flags(rc_cell cur) { return cur & (RC_CELL_WRITE | RC_CELL_ATOMIC); }

/* Whether cell c is an access of ours, cur being one: our slot, in our tenure of it
 * (a previous holder's cell is another goroutine's, ordered before us only if our
 * clock says so: race.h). Our own accesses never race with us. */
static inline bool ours(const rc_rg *rg, rc_cell c, rc_cell cur)
{
    return !((c ^ cur) & CELL_SID_BITS) && rc_cell_epoch(c) >= rg->attach_epoch;
}

/* The access cur (its bytes mask, its kind flags) against a word's n cells: a race
 * with any of them is reported; *store_at becomes the cell to store cur in (-1: no
 * cell may take it). Returns false if cur need not be stored: a cell holds this very
 * access (same epoch; the scan stops there), or an older one of ours as good (see
 * the top). */
static inline __attribute__((always_inline)) bool
scan(rc_rg *rg, const rc_cell *cells, int n, rc_cell cur, unsigned mask, rc_cell flags,
     uintptr_t addr, uintptr_t pc, int *store_at)
{
    const bool write = flags & RC_CELL_WRITE, atomic = flags & RC_CELL_ATOMIC;
    bool covered = false;
    *store_at = -1;
    for (int i = 0; i < n; i++) {
        const rc_cell old = cells[i];
        if (old == cur)
            return false;
        if (old == 0) {
            if (*store_at < 0)
                *store_at = i;
            continue;
        }
        const rc_cell diff = old ^ cur;
        const uint64_t oepoch = rc_cell_epoch(old);
        if (ours(rg, old, cur)) {
            if (!(diff & (RC_CELL_WRITE | RC_CELL_ATOMIC | 0xff))) { /* the same one */
                if (oepoch >= rg->quiet_from)
                    covered = true; /* as good as ours: see the top */
                else
                    *store_at = i; /* our own older record of it: refresh it */
            }
            continue;
        }
        if (!(rc_cell_mask(old) & mask))
            continue;
        const bool owrite = old & RC_CELL_WRITE;
        if (!write && !owrite) { /* two reads never race: the clock only says whether
                                    we may replace it */
            if (*store_at < 0 && oepoch <= rc_vc_get(&rg->vc, rc_cell_sid(old)))
                *store_at = i;
            continue;
        }
        if (oepoch <= rc_vc_get(&rg->vc, rc_cell_sid(old))) { /* ordered before us */
            /* Replace it only if we are at least as strong: a read stored over a
             * write would hide that write from goroutines not ordered after it. */
            if (*store_at < 0 && (write || !owrite))
                *store_at = i;
            continue;
        }
        if (atomic && (old & RC_CELL_ATOMIC))
            continue;
        rc_race_report(rg, addr, cur, pc, old);
        break;
    }
    return !covered;
}

/* A plain read's shortcut past scan, for the common case of a variable several
 * goroutines read: when no cell can race with it (each is a read, ours, or a write
 * our clock orders before us), it picks the cell to store in as scan would (our
 * older record of this very read, else the first cell that is empty or another's
 * read of some of our bytes ordered before us), with one clock lookup per write
 * instead of scan's per-cell cases. "Ours" is scan's: our slot and our tenure of it
 * (a previous holder's cell is another goroutine's, ordered only if our clock says
 * so).
 * Returns that cell, n if nothing need be stored (see the top), n + 1 if no cell may
 * take it, -1 if a cell may race (scan decides and reports). */
static inline __attribute__((always_inline)) int
reread(const rc_rg *rg, const rc_cell *cells, int n, rc_cell cur, unsigned mask)
{
    int own = -1;
    for (int i = 0; i < n; i++) {
        const rc_cell c = cells[i];
        if (c == cur)
            return n;
        const bool mine = ours(rg, c, cur);
        if (mine && !((c ^ cur) & CELL_KEY_BITS))
            own = i;
        else if (!mine && (c & RC_CELL_WRITE) && (c & mask)
                 && rc_cell_epoch(c) > rc_vc_get(&rg->vc, rc_cell_sid(c)))
            return -1;
    }
    if (own >= 0)
        return rc_cell_epoch(cells[own]) >= rg->quiet_from ? n : own;
    for (int i = 0; i < n; i++) { /* the first empty cell or other's read before us */
        const rc_cell c = cells[i];
        if (c == 0)
            return i;
        if (!ours(rg, c, cur) && !(c & RC_CELL_WRITE) && (c & mask)
            && rc_cell_epoch(c) <= rc_vc_get(&rg->vc, rc_cell_sid(c)))
            return i;
    }
    return n + 1;
}

/* Every cell is taken (all four: both tiers) by an access we may not replace: evict
 * the one that can race with the fewest later accesses (an atomic read, then an
 * atomic write, a plain read, a plain write), rotating by epoch among equals. */
static inline int victim(const rc_cell *cells, uint64_t epoch)
{
    /* min over i of rank * 4 + (i - epoch) mod 4: the lowest rank, the first in the
     * rotation among equals (constant indices, so the cells can stay in registers) */
    _Static_assert(RC_SHADOW_CELLS == 4, "victim reads four cells");
    const rc_cell kind = RC_CELL_ATOMIC | RC_CELL_WRITE;
    if (((cells[0] | cells[1] | cells[2] | cells[3]) & kind)
        == (cells[0] & cells[1] & cells[2] & cells[3] & kind)) /* all of one kind */
        return (int)(epoch % RC_SHADOW_CELLS);
    int best = 0, best_key = 16;
    for (int i = 0; i < RC_SHADOW_CELLS; i++) {
        int rank = ((cells[i] & RC_CELL_ATOMIC) ? 0 : 2) + ((cells[i] & RC_CELL_WRITE) ? 1 : 0);
        int key = rank * RC_SHADOW_CELLS + (int)(((uint64_t)i - epoch) % RC_SHADOW_CELLS);
        if (key < best_key) {
            best = i;
            best_key = key;
        }
    }
    return best;
}

/* A word whose spill cells are in use (S read in a primary cell): its four cells,
 * S cleared, and the store of cur into cell i (a primary cell keeps S). */
static inline void load_spilled(_Atomic rc_cell *prim, _Atomic rc_cell *spill, rc_cell *cells)
{
    for (int i = 0; i < RC_SHADOW_CELLS; i++) {
        _Atomic rc_cell *c =
            i < RC_SHADOW_PRIMARY ? rc_cell_k(prim, i) : rc_cell_k(spill, i - RC_SHADOW_PRIMARY);
        cells[i] = atomic_load_explicit(c, memory_order_acquire) & ~RC_CELL_SPILL;
    }
}

static inline void store_spilled(_Atomic rc_cell *prim, _Atomic rc_cell *spill, int i, rc_cell cur)
{
    if (i < RC_SHADOW_PRIMARY)
        atomic_store_explicit(rc_cell_k(prim, i), cur | RC_CELL_SPILL, memory_order_release);
    else
        atomic_store_explicit(rc_cell_k(spill, i - RC_SHADOW_PRIMARY), cur, memory_order_release);
}

/* Both primary cells are taken and neither may be replaced: the word's spill cells
 * come into use (shadow.h), S set in both primary cells. */
static void start_spill(uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur)
{
    _Atomic rc_cell *spill = rc_shadow_spill_cells(addr);
    atomic_store_explicit(spill, cur, memory_order_release);
    for (int i = 0; i < RC_SHADOW_PRIMARY; i++)
        atomic_fetch_or_explicit(rc_cell_k(prim, i), RC_CELL_SPILL, memory_order_relaxed);
}

/* The out-of-line paths: the general ones (scan), and lean ones for plain reads
 * (most checks), which settle what reread can and leave the rest to the general
 * ones. The kind is known where they are called, so the choice costs nothing. */
static __attribute__((noinline)) void
check_spilled(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur, uintptr_t pc)
{
    const unsigned mask = rc_cell_mask(cur);
    const rc_cell flags = cur_flags(cur);
    _Atomic rc_cell *spill = rc_shadow_spill_cells(addr);
    rc_cell cells[RC_SHADOW_CELLS];
    load_spilled(prim, spill, cells);
    int i;
    if (!scan(rg, cells, RC_SHADOW_CELLS, cur, mask, flags, addr, pc, &i))
        return;
    store_spilled(prim, spill, i >= 0 ? i : victim(cells, rc_cell_epoch(cur)), cur);
}

/* check_spilled_read's cases beyond its fast path: cells of our own slot, or a write
 * or atomic among them. */
static __attribute__((noinline)) void
check_spilled_read_slow(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur,
                        uintptr_t pc)
{
    const unsigned mask = rc_cell_mask(cur);
    _Atomic rc_cell *spill = rc_shadow_spill_cells(addr);
    rc_cell cells[RC_SHADOW_CELLS];
    load_spilled(prim, spill, cells);
    int i = reread(rg, cells, RC_SHADOW_CELLS, cur, mask);
    if (i < 0)
        check_spilled(rg, addr, prim, cur, pc);
    else if (i != RC_SHADOW_CELLS)
        store_spilled(prim, spill, i < RC_SHADOW_CELLS ? i : victim(cells, rc_cell_epoch(cur)),
                      cur);
}

/* A plain read of a spilled word. Its fast path is a variable several goroutines
 * read (a global pointer every task reads): four plain reads of other slots, or
 * empty cells, none of which can race with ours. It takes the first cell that is
 * empty or another's read of some of our bytes ordered before us (as reread would),
 * else evicts by rotation (victim's pick among four of one kind), with the cells in
 * registers and one clock bounds load (a version that kept them in an array, shared
 * with the general path, cost bench/race spawn ~150 instructions per such read). */
static __attribute__((noinline)) void
check_spilled_read(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur, uintptr_t pc)
{
    const unsigned mask = rc_cell_mask(cur);
    _Static_assert(RC_SHADOW_PRIMARY == 2 && RC_SHADOW_CELLS == 4, "two cells per tier");
    _Atomic rc_cell *spill = rc_shadow_spill_cells(addr);
    const rc_cell c0 = atomic_load_explicit(prim, memory_order_acquire) & ~RC_CELL_SPILL;
    const rc_cell c1 = atomic_load_explicit(rc_cell_k(prim, 1), memory_order_acquire) & ~RC_CELL_SPILL;
    const rc_cell c2 = atomic_load_explicit(spill, memory_order_acquire);
    const rc_cell c3 = atomic_load_explicit(rc_cell_k(spill, 1), memory_order_acquire);
    const rc_cell sid_bits = CELL_SID_BITS;
    if ((c0 | c1 | c2 | c3) & (RC_CELL_WRITE | RC_CELL_ATOMIC)) {
        check_spilled_read_slow(rg, addr, prim, cur, pc);
        return;
    }
    /* A cell of our slot: our older record of this read (a loop's bound that four
     * workers read), refreshed in place; else (another kind of ours, a previous
     * holder's, an empty cell when we hold slot 0) the general path. */
#define OWN_SLOT(c, k)                                                                     \
    if (!(((c) ^ cur) & sid_bits)) {                                                       \
        if (!(((c) ^ cur) & CELL_KEY_BITS) && ours(rg, (c), cur)) {                        \
            if (rc_cell_epoch(c) < rg->quiet_from)                                         \
                store_spilled(prim, spill, (k), cur);                                      \
        } else {                                                                           \
            check_spilled_read_slow(rg, addr, prim, cur, pc);                              \
        }                                                                                  \
        return;                                                                            \
    }
    OWN_SLOT(c0, 0)
    OWN_SLOT(c1, 1)
    OWN_SLOT(c2, 2)
    OWN_SLOT(c3, 3)
#undef OWN_SLOT
    const uint64_t *e = rg->vc.e;
    const unsigned cap = rg->vc.cap;
#define BEFORE_US(c)                                                                       \
    ((c) == 0                                                                              \
     || (((c) & mask) && rc_cell_sid(c) < cap && rc_cell_epoch(c) <= e[rc_cell_sid(c)]))
    if (BEFORE_US(c0)) /* (constant indices: each store is one move) */
        store_spilled(prim, spill, 0, cur);
    else if (BEFORE_US(c1))
        store_spilled(prim, spill, 1, cur);
    else if (BEFORE_US(c2))
        store_spilled(prim, spill, 2, cur);
    else if (BEFORE_US(c3))
        store_spilled(prim, spill, 3, cur);
    else
        store_spilled(prim, spill, (int)(rc_cell_epoch(cur) % RC_SHADOW_CELLS), cur);
#undef BEFORE_US
}

static void check_again(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur,
                        uintptr_t pc);

/* Stores cur into primary cell p, which held old when the check read it. An empty
 * cell is taken by a compare-and-swap, as check_cells takes a word's first: two
 * goroutines whose checks both found the second cell empty (two writing the two
 * bytes of one word at once: Go's TestRaceAtomicAddInt64) would otherwise both store
 * there and one record be lost (that test missed its race in about one full run of
 * the race tests in ten, at two Ps). False if another access took the cell first:
 * the caller checks again, against it. */
static inline bool store_cell(_Atomic rc_cell *p, rc_cell old, rc_cell cur)
{
    if (old != 0) {
        atomic_store_explicit(p, cur, memory_order_release);
        return true;
    }
    return atomic_compare_exchange_strong_explicit(p, &old, cur, memory_order_release,
                                                   memory_order_relaxed);
}

/* A word's primary cells as the fast path reads them: both, unless the first is
 * empty (fresh: its other cells are too). An out-of-line path reads them again: any
 * snapshot will do, as the first one did; if the word spilled meanwhile, the spill
 * path takes it. */
static inline void load_primary(_Atomic rc_cell *prim, rc_cell *cells)
{
    cells[0] = atomic_load_explicit(prim, memory_order_acquire);
    cells[1] = atomic_load_explicit(rc_cell_k(prim, 1), memory_order_acquire);
}

/* check_cells' general case for a word without spill cells, in the cases its fast
 * path leaves. */
static __attribute__((noinline)) void
check_word_slow(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur, uintptr_t pc)
{
    rc_cell cells[RC_SHADOW_PRIMARY];
    load_primary(prim, cells);
    if ((cells[0] | cells[1]) & RC_CELL_SPILL) {
        check_spilled(rg, addr, prim, cur, pc);
        return;
    }
    int i;
    if (!scan(rg, cells, RC_SHADOW_PRIMARY, cur, rc_cell_mask(cur), cur_flags(cur), addr, pc, &i))
        return;
    if (i < 0)
        start_spill(addr, prim, cur);
    else if (!store_cell(rc_cell_k(prim, i), cells[i], cur))
        check_again(rg, addr, prim, cur, pc);
}

static __attribute__((noinline)) void
check_word_slow_read(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur,
                     uintptr_t pc)
{
    rc_cell cells[RC_SHADOW_PRIMARY];
    load_primary(prim, cells);
    if ((cells[0] | cells[1]) & RC_CELL_SPILL) {
        check_spilled_read(rg, addr, prim, cur, pc);
        return;
    }
    int i = reread(rg, cells, RC_SHADOW_PRIMARY, cur, rc_cell_mask(cur));
    if (i < 0)
        check_word_slow(rg, addr, prim, cur, pc);
    else if (i < RC_SHADOW_PRIMARY && !store_cell(rc_cell_k(prim, i), cells[i], cur))
        check_again(rg, addr, prim, cur, pc);
    else if (i > RC_SHADOW_PRIMARY)
        start_spill(addr, prim, cur);
}

/* One word's check, its first primary cell at prim. The fast path decides, without
 * the clock, the cases that make most checks: the cells already hold this access; the
 * word is fresh (its first cell empty: then its second plane is not even read,
 * shadow.h); or its first cell is our older record of this access and its second is
 * empty or ours too, or for a read any read (a variable two goroutines read; for a
 * read, the same with the cells swapped).
 * (`ours`: a previous holder's cell goes to the cell scan.) A spilled word goes to
 * check_spilled, everything else to check_word_slow (each with a plain read's
 * version). */
static inline __attribute__((always_inline)) void
check_cells(rc_rg *rg, uintptr_t addr, _Atomic rc_cell *prim, rc_cell cur, unsigned mask,
            rc_cell flags, uintptr_t pc)
{
    /* acquire: a cell's store released its trace event (below) */
    rc_cell c0 = atomic_load_explicit(prim, memory_order_acquire);
    /* release: whoever reads a cell also sees its trace event (and the part's
     * position), so a report can restore the stack. Plain moves on x86-64. */
    if (c0 == cur)
        return;
    if (c0 == 0) { /* fresh: its other cells are empty too */
        /* A compare-and-swap: two goroutines' first accesses to a word at the same
         * instant (two goroutines starting together, each writing its half of a
         * struct's word) would otherwise both store here and one record be lost
         * (Go's TestRaceChanWrongSend missed its race ~4 times in 1000 at two Ps). The
         * loser checks against the winner's cell like any other. */
        if (atomic_compare_exchange_strong_explicit(prim, &c0, cur, memory_order_release,
                                                    memory_order_acquire))
            return;
        if (c0 == cur)
            return;
    }
    _Atomic rc_cell *p1 = rc_cell_k(prim, 1);
    const rc_cell c1 = atomic_load_explicit(p1, memory_order_acquire);
    if (__builtin_expect((c0 | c1) & RC_CELL_SPILL, 0)) {
        if (flags == 0)
            check_spilled_read(rg, addr, prim, cur, pc);
        else
            check_spilled(rg, addr, prim, cur, pc);
        return;
    }
    if (c1 == cur)
        return;
    if (((c0 ^ cur) & CELL_KEY_BITS) == 0 && ours(rg, c0, cur)
        && (flags == 0 ? !(c1 & RC_CELL_WRITE) : c1 == 0 || ours(rg, c1, cur))) {
        if (rc_cell_epoch(c0) < rg->quiet_from) /* else as good as ours: see the top */
            atomic_store_explicit(prim, cur, memory_order_release);
        return;
    }
    if (flags == 0 && !(c0 & RC_CELL_WRITE) && ((c1 ^ cur) & CELL_KEY_BITS) == 0
        && ours(rg, c1, cur)) { /* the same for our read in the second cell */
        if (rc_cell_epoch(c1) < rg->quiet_from)
            atomic_store_explicit(p1, cur, memory_order_release);
        return;
    }
    if (flags == 0)
        check_word_slow_read(rg, addr, prim, cur, pc);
    else
        check_word_slow(rg, addr, prim, cur, pc);
}

/* The slow paths' retry after losing an empty cell to another access (store_cell). */
static __attribute__((noinline)) void check_again(rc_rg *rg, uintptr_t addr,
                                                  _Atomic rc_cell *prim, rc_cell cur,
                                                  uintptr_t pc)
{
    check_cells(rg, addr, prim, cur, rc_cell_mask(cur), cur_flags(cur), pc);
}

static inline __attribute__((always_inline)) void
check_word(rc_rg *rg, uintptr_t addr, unsigned mask, rc_cell flags, uint64_t epoch, uintptr_t pc)
{
    check_cells(rg, addr, rc_shadow_cells(addr), rc_cell_make(rg->sid, epoch, mask, flags), mask,
                flags, pc);
}

/* Words a range check takes at once when they are fresh (a cache line of their
 * first cells). */
#define FRESH_RUN 8

/* Whether the FRESH_RUN words whose first cells start at prim are all fresh (a first
 * cell empty, shadow.h): one OR over them instead of a check each. */
static inline bool run_fresh(const _Atomic rc_cell *prim)
{
    rc_cell any = 0;
    for (int i = 0; i < FRESH_RUN; i++)
        any |= atomic_load_explicit(&prim[i], memory_order_relaxed);
    return any == 0;
}

/* The whole words from addr (aligned) up to end, at most to the end of addr's shadow
 * region (whose cells are consecutive); returns where it stopped. Fresh words (memory
 * just allocated, or written for the first time: a task filling its buffer) are
 * taken FRESH_RUN at a time, as check_cells would take each (cur into the first
 * cell): a 128-byte write of fresh memory cost ~460 instructions, one check per word. */
static uintptr_t check_words(rc_rg *rg, uintptr_t addr, uintptr_t end, rc_cell flags,
                             uint64_t epoch, uintptr_t pc)
{
    uintptr_t region_end = (addr | (RC_REGION_SIZE - 1)) + 1;
    if (end > region_end)
        end = region_end;
    _Atomic rc_cell *prim = rc_shadow_cells(addr);
    const rc_cell cur = rc_cell_make(rg->sid, epoch, 0xff, flags);
    bool try_fresh = true; /* until a run is not: ranges are mostly all or none */
    while (addr < end) {
        if (try_fresh && end - addr >= FRESH_RUN * 8 && (try_fresh = run_fresh(prim))) {
            for (int i = 0; i < FRESH_RUN; i++) /* release: as check_cells' stores */
                atomic_store_explicit(&prim[i], cur, memory_order_release);
            addr += FRESH_RUN * 8;
            prim += FRESH_RUN;
            continue;
        }
        check_cells(rg, addr, prim, cur, 0xff, flags, pc);
        addr += 8;
        prim++;
    }
    return addr;
}

static __attribute__((noinline)) void preempt(void)
{
    if (rc_ctl_on)
        rc_ctl_access_point();
    else
        rc_yield();
}

/* An access is a preemption point (see the top); point is false for the runtime's
 * own accesses in controlled mode. */
static inline __attribute__((always_inline)) void poll(rc_rg *rg, bool point)
{
    if (point && __builtin_expect(--rg->poll_left == 0, 0)) {
        rg->poll_left = rc_race_poll_every;
        preempt();
    }
}

static inline void access_range_(uintptr_t addr, size_t size, rc_cell flags, uintptr_t pc,
                                 bool point)
{
    rc_rg *rg = rc_race_acc();
    if (!rg || size == 0)
        return;
    poll(rg, point);
    uint64_t epoch = rc_trace_access(rg, pc);
    if (__builtin_expect(size >= RC_SHADOW_DENSE_MIN, 0))
        rc_shadow_dense(addr, size);
    const uintptr_t end = addr + size;
    if (addr & 7) { /* a partial first word */
        unsigned off = addr & 7, n = size < 8 - off ? (unsigned)size : 8 - off;
        check_word(rg, addr, ((1u << n) - 1) << off, flags, epoch, pc);
        addr += n;
    }
    while (end - addr >= 8)
        addr = check_words(rg, addr, end & ~(uintptr_t)7, flags, epoch, pc);
    if (addr < end) /* a partial last word */
        check_word(rg, addr, (1u << (end - addr)) - 1, flags, epoch, pc);
}

static inline void access_range(uintptr_t addr, size_t size, rc_cell flags, uintptr_t pc)
{
    access_range_(addr, size, flags, pc, true);
}

/* access_word's rare cases (a preemption point due, a full trace part, a shadow
 * region not made yet), taken before it changed anything: the whole access, calls
 * and all. */
static __attribute__((noinline)) void access_word_slow(uintptr_t addr, unsigned n, rc_cell flags,
                                                       uintptr_t pc, bool point)
{
    rc_rg *rg = rc_race_acc();
    poll(rg, point);
    uint64_t epoch = rc_trace_access(rg, pc);
    check_word(rg, addr, ((1u << n) - 1) << (addr & 7), flags, epoch, pc);
}

/* An access of 1 to 8 bytes: one word, one check (the common case, kept free of
 * access_range_'s loop); one that straddles two words takes the range path.
 * Every call it makes is its last action (a tail call: a jump): the rare cases that
 * would call in the middle (poll, rc_trace_access, rc_shadow_cells) are tested first
 * and handed whole to access_word_slow, and the out-of-line checks take at most five
 * arguments. So the fast path keeps everything in the registers a call may clobber
 * and saves none (bench/race: ~10 instructions of the ~50-80 of a check). */
static inline __attribute__((always_inline)) void access_word(uintptr_t addr, unsigned n,
                                                              rc_cell flags, uintptr_t pc,
                                                              bool point)
{
    if (__builtin_expect((addr & 7) + n > 8, 0)) { /* e.g. under-aligned despite its type */
        access_range_(addr, n, flags, pc, point);
        return;
    }
    rc_rg *rg = rc_race_acc();
    if (!rg)
        return;
    const uint64_t ev = RC_EV(RC_EV_ACCESS, pc);
    const bool new_event = rg->evp[-1] != ev;
    rc_cell *base = atomic_load_explicit(&rc_shadow_dir[rc_shadow_region_of(addr)],
                                         memory_order_acquire);
    if (__builtin_expect((point && rg->poll_left == 1) || (new_event && rg->evp == rg->eve)
                             || base == NULL,
                         0)) {
        access_word_slow(addr, n, flags, pc, point);
        return;
    }
    if (point)
        rg->poll_left--;
    if (new_event)
        rc_trace_append(rg, ev);
    const unsigned mask = ((1u << n) - 1) << (addr & 7);
    _Atomic rc_cell *prim = (_Atomic rc_cell *)base + ((addr & (RC_REGION_SIZE - 1)) >> 3);
    check_cells(rg, addr, prim, rc_cell_make(rg->sid, rg->epoch, mask, flags), mask, flags, pc);
}

/* The runtime's own accesses on the user's behalf (hooks.h "access"). */
void rc_race_access_hook(rc_g *g, const void *addr, size_t n, bool write, uintptr_t pc)
{
    (void)g; /* always the running goroutine; normal runs poll here as before */
    rc_cell flags = write ? RC_CELL_WRITE : 0;
    if (n == 1 && !write) /* a send's read of its channel (chan.c): constants inline */
        access_word((uintptr_t)addr, 1, 0, pc, !rc_ctl_on);
    else if (n - 1 < 8) /* a channel element (access_word handles a straddle) */
        access_word((uintptr_t)addr, (unsigned)n, flags, pc, !rc_ctl_on);
    else
        access_range_((uintptr_t)addr, n, flags, pc, !rc_ctl_on);
}

/* A Mutex's read of its 4-byte word at Lock and Unlock (race.c): the hook above with
 * its size and kind constant, so its mask and the read paths are chosen at compile
 * time. */
void rc_race_read_mutex_word(const void *m, uintptr_t pc)
{
    access_word((uintptr_t)m, sizeof(int32_t), 0, pc, !rc_ctl_on);
}

/* ---- plain accesses ------------------------------------------------------------- */

#define RC_ACCESS_FNS(N)                                                               \
    void __rc_read##N(void *a) { access_word((uintptr_t)a, N, 0, RC_CALLER_PC(), true); }        \
    void __rc_write##N(void *a) { access_word((uintptr_t)a, N, RC_CELL_WRITE, RC_CALLER_PC(), true); }
RC_ACCESS_FNS(1)
RC_ACCESS_FNS(2)
RC_ACCESS_FNS(4)
RC_ACCESS_FNS(8)
void __rc_read16(void *a) { access_range((uintptr_t)a, 16, 0, RC_CALLER_PC()); }
void __rc_write16(void *a) { access_range((uintptr_t)a, 16, RC_CELL_WRITE, RC_CALLER_PC()); }

#define RC_UNALIGNED_FNS(N)                                                            \
    void __rc_unaligned_read##N(void *a) { access_range((uintptr_t)a, N, 0, RC_CALLER_PC()); }   \
    void __rc_unaligned_write##N(void *a)                                              \
    {                                                                                  \
        access_range((uintptr_t)a, N, RC_CELL_WRITE, RC_CALLER_PC());                            \
    }
RC_UNALIGNED_FNS(2)
RC_UNALIGNED_FNS(4)
RC_UNALIGNED_FNS(8)
RC_UNALIGNED_FNS(16)

void __rc_read_range(void *a, size_t n) { access_range((uintptr_t)a, n, 0, RC_CALLER_PC()); }
void __rc_write_range(void *a, size_t n) { access_range((uintptr_t)a, n, RC_CELL_WRITE, RC_CALLER_PC()); }

/* ---- memory intrinsics ---------------------------------------------------------- */

void *__rc_memcpy(void *d, const void *s, size_t n)
{
    access_range((uintptr_t)s, n, 0, RC_CALLER_PC());
    access_range((uintptr_t)d, n, RC_CELL_WRITE, RC_CALLER_PC());
    return memcpy(d, s, n);
}

void *__rc_memmove(void *d, const void *s, size_t n)
{
    access_range((uintptr_t)s, n, 0, RC_CALLER_PC());
    access_range((uintptr_t)d, n, RC_CELL_WRITE, RC_CALLER_PC());
    return memmove(d, s, n);
}

void *__rc_memset(void *d, int c, size_t n)
{
    access_range((uintptr_t)d, n, RC_CELL_WRITE, RC_CALLER_PC());
    return memset(d, c, n);
}

/* ---- atomics -------------------------------------------------------------------- */

/* C11 orders: 0 relaxed, 1 consume, 2 acquire, 3 release, 4 acq_rel, 5 seq_cst */
static inline bool is_acquire(int mo) { return mo == 1 || mo == 2 || mo == 4 || mo == 5; }
static inline bool is_release(int mo) { return mo == 3 || mo == 4 || mo == 5; }

static inline void atomic_before(void *a, size_t n, bool write, int mo, bool rmw, uintptr_t pc)
{
    access_range((uintptr_t)a, n, RC_CELL_ATOMIC | (write ? RC_CELL_WRITE : 0), pc);
    rc_rg *rg = rc_race_cur();
    if (rg && write && is_release(mo))
        rc_race_release(rg, (uintptr_t)a, rmw); /* an RMW continues a release sequence */
}

static inline void atomic_after(void *a, int mo)
{
    rc_rg *rg = rc_race_cur();
    if (rg && is_acquire(mo))
        rc_race_acquire(rg, (uintptr_t)a);
}

#define RC_ATOMIC_RMW(N, T, name, builtin)                                             \
    T __rc_atomic##N##_##name(volatile T *a, T v, int mo)                              \
    {                                                                                  \
        atomic_before((void *)a, sizeof(T), true, mo, true, RC_CALLER_PC());                     \
        T r = builtin(a, v, __ATOMIC_SEQ_CST);                                         \
        atomic_after((void *)a, mo);                                                   \
        return r;                                                                      \
    }

#define RC_ATOMIC_FNS(N, T)                                                            \
    T __rc_atomic##N##_load(const volatile T *a, int mo)                               \
    {                                                                                  \
        atomic_before((void *)a, sizeof(T), false, mo, false, RC_CALLER_PC());                   \
        T r = __atomic_load_n(a, __ATOMIC_SEQ_CST);                                    \
        atomic_after((void *)a, mo);                                                   \
        return r;                                                                      \
    }                                                                                  \
    void __rc_atomic##N##_store(volatile T *a, T v, int mo)                            \
    {                                                                                  \
        atomic_before((void *)a, sizeof(T), true, mo, false, RC_CALLER_PC());                    \
        __atomic_store_n(a, v, __ATOMIC_SEQ_CST);                                      \
    }                                                                                  \
    RC_ATOMIC_RMW(N, T, exchange, __atomic_exchange_n)                                 \
    RC_ATOMIC_RMW(N, T, fetch_add, __atomic_fetch_add)                                 \
    RC_ATOMIC_RMW(N, T, fetch_sub, __atomic_fetch_sub)                                 \
    RC_ATOMIC_RMW(N, T, fetch_and, __atomic_fetch_and)                                 \
    RC_ATOMIC_RMW(N, T, fetch_or, __atomic_fetch_or)                                   \
    RC_ATOMIC_RMW(N, T, fetch_xor, __atomic_fetch_xor)                                 \
    RC_ATOMIC_RMW(N, T, fetch_nand, __atomic_fetch_nand)                               \
    T __rc_atomic##N##_compare_exchange_val(volatile T *a, T cmp, T val, int mo, int fmo) \
    {                                                                                  \
        atomic_before((void *)a, sizeof(T), true, mo, true, RC_CALLER_PC());                     \
        T expected = cmp;                                                              \
        bool ok = __atomic_compare_exchange_n(a, &expected, val, false,                \
                                              __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);     \
        atomic_after((void *)a, ok ? mo : fmo);                                        \
        return expected;                                                               \
    }

RC_ATOMIC_FNS(8, uint8_t)
RC_ATOMIC_FNS(16, uint16_t)
RC_ATOMIC_FNS(32, uint32_t)
RC_ATOMIC_FNS(64, uint64_t)

/* 128-bit atomics without libatomic: under one lock (all of them go through here). */
typedef unsigned __int128 u128;
static _Atomic uint32_t lock128;

#define RC_ATOMIC128(name, expr)                                                       \
    u128 __rc_atomic128_##name(volatile u128 *a, u128 v, int mo)                       \
    {                                                                                  \
        atomic_before((void *)a, 16, true, mo, true, RC_CALLER_PC());                            \
        rc_spin_lock(&lock128);                                                        \
        u128 r = *a;                                                                   \
        *a = (expr);                                                                   \
        rc_spin_unlock(&lock128);                                                      \
        atomic_after((void *)a, mo);                                                   \
        return r;                                                                      \
    }
RC_ATOMIC128(exchange, v)
RC_ATOMIC128(fetch_add, r + v)
RC_ATOMIC128(fetch_sub, r - v)
RC_ATOMIC128(fetch_and, r & v)
RC_ATOMIC128(fetch_or, r | v)
RC_ATOMIC128(fetch_xor, r ^ v)
RC_ATOMIC128(fetch_nand, ~(r & v))

u128 __rc_atomic128_load(const volatile u128 *a, int mo)
{
    atomic_before((void *)a, 16, false, mo, false, RC_CALLER_PC());
    rc_spin_lock(&lock128);
    u128 r = *a;
    rc_spin_unlock(&lock128);
    atomic_after((void *)a, mo);
    return r;
}

void __rc_atomic128_store(volatile u128 *a, u128 v, int mo)
{
    atomic_before((void *)a, 16, true, mo, false, RC_CALLER_PC());
    rc_spin_lock(&lock128);
    *a = v;
    rc_spin_unlock(&lock128);
}

u128 __rc_atomic128_compare_exchange_val(volatile u128 *a, u128 cmp, u128 val, int mo, int fmo)
{
    atomic_before((void *)a, 16, true, mo, true, RC_CALLER_PC());
    rc_spin_lock(&lock128);
    u128 r = *a;
    if (r == cmp)
        *a = val;
    rc_spin_unlock(&lock128);
    atomic_after((void *)a, r == cmp ? mo : fmo);
    return r;
}

/* Fences order nothing in this detector (like TSan's default): a relaxed load followed
 * by an acquire fence is not yet seen as acquiring. Documented limitation. */
void __rc_atomic_thread_fence(int mo) { __atomic_thread_fence(__ATOMIC_SEQ_CST); (void)mo; }
void __rc_atomic_signal_fence(int mo) { __atomic_signal_fence(__ATOMIC_SEQ_CST); (void)mo; }

/* ---- function entry/exit, preemption, link check -------------------------------- */

void __rc_func_entry(void *caller_pc)
{
    rc_rg *rg = rc_race_cur();
    if (!rg)
        return;
    if (__builtin_expect(rg->depth == rg->cap, 0)) {
        uint32_t cap = rg->cap ? 2 * rg->cap : 16;
        uintptr_t *s = rc_race_realloc(rg->stk, cap * sizeof *s);
        if (!s)
            return;
        rg->stk = s;
        rg->cap = cap;
    }
    rg->stk[rg->depth++] = (uintptr_t)caller_pc;
    uintptr_t frame = (uintptr_t)__builtin_frame_address(0);
    if (frame < rg->min_frame || !rg->min_frame)
        rg->min_frame = frame;
    rc_trace_event(rg, RC_EV(RC_EV_ENTRY, (uintptr_t)caller_pc));
}

/* A dynamic alloca (VLA, alloca()) at p: it lies below the frame __rc_func_entry saw,
 * and the goroutine's exit must clear its shadow too (race.c h_go_exit). */
void __rc_stack_alloca(void *p)
{
    rc_rg *rg = rc_race_cur();
    if (rg && (uintptr_t)p < rg->min_frame)
        rg->min_frame = (uintptr_t)p;
}

void __rc_func_exit(void)
{
    rc_rg *rg = rc_race_cur();
    if (!rg || rg->depth == 0)
        return;
    rg->depth--;
    rc_trace_event(rg, RC_EV(RC_EV_EXIT, 0));
}

void __rc_preempt_poll(void)
{
    static __thread unsigned polls;
    if ((++polls & poll_mask) == 0)
        preempt();
}

/* __rc_abi_v1_link_with_racecheck_race_runtime, the link check: abi.c */
