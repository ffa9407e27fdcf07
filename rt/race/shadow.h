/*
 * shadow.h: shadow memory, the detector's record of recent accesses.
 *
 * Every 8-byte application word has RC_SHADOW_CELLS cells of 64 bits; each cell
 * remembers one access:
 *
 *    63                     26 25 24          10  9   8  7        0
 *   +-------------------------+--+--------------+---+---+----------+
 *   |  epoch (38 bits)        |S | sid (15 bits)| A | W | bytemask |
 *   +-------------------------+--+--------------+---+---+----------+
 *
 *   bytemask  which bytes of the word were accessed (byte precision: writes to
 *             adjacent bytes of one word never race)
 *   W         a write;  A  an atomic access (two atomic accesses never race)
 *   sid       the slot (race.h) the accessing goroutine held; epoch the slot's epoch
 *             at the access (an access is ordered before a goroutine g iff
 *             epoch <= g's clock entry for sid; race.h tells the one exception)
 *   S         (primary cells only) the word's spill cells are in use: see below
 * A cell that is zero but for S is empty (a real access always has a non-zero mask).
 *
 * Two tiers of RC_TIER_CELLS cells per word. A word's first two cells are its primary
 * cells, 16 bytes per word; the other two are its spill cells, in a separate map that
 * is written only for words that ever needed more than the primary cells (a word
 * read by three goroutines, say). Most words never do (one goroutine's data, read
 * and written: two cells), so the shadow costs 2x the memory it watches, not 4x,
 * and a check scans two cells, yet a word keeps four accesses when it needs them.
 * The primary cells fill first and are never emptied alone (only rc_shadow_clear
 * empties cells, both tiers at once), so a word has spill cells only once both
 * primary cells are taken; the first spill sets S in both primary cells, and a
 * store into a primary cell keeps the S it read (a racing store can lose one of the
 * two; losing both hides the spill cells, which can only miss a race).
 *
 * Layout: two levels per tier. A directory entry covers RC_REGION_SIZE bytes of the
 * 47-bit user address space; its cells are one mmap (MAP_NORESERVE: pages are
 * committed when first touched), created on the first access in the region (the
 * spill tier's on the region's first spill). Within it the cells are in planes, one
 * per cell index: plane k holds cell k of every word of the region, in address order
 * (rc_cell_k). A word's first cell is the first to fill and a word with its first
 * cell empty is fresh (above), so a check reads the second plane only when the
 * first cell holds another access: memory one goroutine writes (a task filling its
 * buffer) touches one plane, 8 bytes of shadow per word, not 16 (bench/race spawn:
 * half the shadow pages the kernel zeroes, half the lines in cache).
 */
#ifndef RC_SHADOW_H
#define RC_SHADOW_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RC_TIER_CELLS     2                         /* cells per word in each tier */
#define RC_SHADOW_PRIMARY RC_TIER_CELLS
#define RC_SHADOW_CELLS   (2 * RC_TIER_CELLS)
#define RC_REGION_SHIFT   22                        /* 4 MiB of application memory */
#define RC_REGION_SIZE    ((uintptr_t)1 << RC_REGION_SHIFT)
#define RC_ADDR_BITS      47

typedef uint64_t rc_cell;

#define RC_CELL_WRITE     ((rc_cell)1 << 8)
#define RC_CELL_ATOMIC    ((rc_cell)1 << 9)
#define RC_CELL_SID_SHIFT 10
#define RC_CELL_SID_MAX   0x7fffu
#define RC_CELL_SPILL     ((rc_cell)1 << 25)
#define RC_CELL_EPOCH_SHIFT 26
#define RC_NSLOTS         256u                      /* slots: see race.h */
#define RC_EPOCH_MAX      (((uint64_t)1 << 38) - 1)
_Static_assert(RC_NSLOTS - 1 <= RC_CELL_SID_MAX, "a slot id fits below S");

static inline unsigned rc_cell_mask(rc_cell c)  { return (unsigned)(c & 0xff); }
static inline unsigned rc_cell_sid(rc_cell c)
{
    return (unsigned)(c >> RC_CELL_SID_SHIFT) & RC_CELL_SID_MAX;
}
static inline uint64_t rc_cell_epoch(rc_cell c) { return c >> RC_CELL_EPOCH_SHIFT; }

static inline rc_cell rc_cell_make(unsigned sid, uint64_t epoch, unsigned mask, rc_cell flags)
{
    return (epoch << RC_CELL_EPOCH_SHIFT) | ((rc_cell)(sid & RC_CELL_SID_MAX) << RC_CELL_SID_SHIFT)
           | flags | mask;
}

/* Hidden: read at every check, by one RIP-relative load rather than through the
 * GOT (the runtime is position-independent). */
#define RC_HIDDEN __attribute__((visibility("hidden")))
extern RC_HIDDEN _Atomic(rc_cell *) *rc_shadow_dir;        /* primary tier */
extern RC_HIDDEN _Atomic(rc_cell *) *rc_shadow_spill_dir;  /* spill tier */

/* Slow path: creates the region of addr in the tier whose directory is dir. */
rc_cell *rc_shadow_region(_Atomic(rc_cell *) *dir, uintptr_t addr);

/* addr's directory entry (the same in both tiers) */
static inline uintptr_t rc_shadow_region_of(uintptr_t addr)
{
    return (addr >> RC_REGION_SHIFT) & (((uintptr_t)1 << (RC_ADDR_BITS - RC_REGION_SHIFT)) - 1);
}

static inline _Atomic rc_cell *rc_shadow_tier(_Atomic(rc_cell *) *dir, uintptr_t addr)
{
    rc_cell *base = atomic_load_explicit(&dir[rc_shadow_region_of(addr)], memory_order_acquire);
    if (__builtin_expect(base == NULL, 0))
        base = rc_shadow_region(dir, addr);
    return (_Atomic rc_cell *)base + ((addr & (RC_REGION_SIZE - 1)) >> 3);
}

#define RC_REGION_WORDS (RC_REGION_SIZE / 8) /* a plane's cells */

/* Cell k of a word, c being its first cell (in either tier). */
static inline _Atomic rc_cell *rc_cell_k(_Atomic rc_cell *c, int k)
{
    return c + (size_t)k * RC_REGION_WORDS;
}

/* Whether the primary cells of addr's region exist, i.e. some access in its 4 MiB
 * was ever checked. */
static inline bool rc_shadow_mapped(uintptr_t addr)
{
    return atomic_load_explicit(&rc_shadow_dir[rc_shadow_region_of(addr)],
                                memory_order_relaxed) != NULL;
}

/* The first primary cell of the word containing addr (rc_cell_k: the others). */
static inline _Atomic rc_cell *rc_shadow_cells(uintptr_t addr)
{
    return rc_shadow_tier(rc_shadow_dir, addr);
}

/* Its first spill cell (the region is created if need be). */
static inline _Atomic rc_cell *rc_shadow_spill_cells(uintptr_t addr)
{
    return rc_shadow_tier(rc_shadow_spill_dir, addr);
}

/* [addr, addr + size) will be used densely (a large heap block, a long range check):
 * its primary shadow is backed by huge pages where the kernel allows (transparent huge pages
 * on madvise, Debian's default). Walking shadow memory is TLB-bound otherwise: on a
 * virtual machine a 4 KiB-page walk of a 16 MiB array's shadow spent most of its time
 * in page walks (bench/race access: 2.9x faster). Only for dense ranges: a huge page
 * of shadow commits 2 MiB for 1 MiB of application memory, touched or not. */
#define RC_SHADOW_DENSE_MIN ((size_t)1 << 20)
void rc_shadow_dense(uintptr_t addr, size_t size);

/* Commits the primary shadow pages of [addr, addr + size) by writing them. The
 * detector reads a word's cells before it stores one, so a shadow page first touched by a check is
 * faulted twice: the read maps the shared zero page, the store replaces it, and
 * replacing a present page flushes every other CPU's TLB (an IPI each, ~10 us on a
 * VM). Faulting it by a write first costs one plain fault. For memory that is about
 * to be used: a new goroutine's stack top, a new heap block. */
void rc_shadow_prefault(uintptr_t addr, size_t size);

/* Creates the primary regions of [addr, addr + size) now, touching no page: memory
 * several goroutines will soon use (race.c: a lone program's globals and stack). */
void rc_shadow_reserve(uintptr_t addr, size_t size);

void rc_shadow_init(void);
/* Forgets every access to [addr, addr + size), in both tiers (freed heap blocks,
 * reused stacks). */
void rc_shadow_clear(uintptr_t addr, size_t size);
/* The same for the 64 aligned bytes at addr (a goroutine's argument block): eight
 * words' cells in each plane of each tier, stores unrolled. */
void rc_shadow_clear_line(uintptr_t addr);

#endif
