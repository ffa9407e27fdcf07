/*
 * shadow.h: shadow memory, the detector's record of recent accesses.
 *
 * Every 8-byte application word has RC_SHADOW_CELLS cells of 64 bits; each cell
 * remembers one access:
 *
 *    63                     26 25            10  9   8  7        0
 *   +-------------------------+----------------+---+---+----------+
 *   |  epoch (38 bits)        |  sid (16 bits) | A | W | bytemask |
 *   +-------------------------+----------------+---+---+----------+
 *
 *   bytemask  which bytes of the word were accessed (byte precision: writes to
 *             adjacent bytes of one word never race)
 *   W         a write;  A  an atomic access (two atomic accesses never race)
 *   sid       the slot (race.h) the accessing goroutine held; epoch the slot's epoch
 *             at the access (an access is ordered before a goroutine g iff
 *             epoch <= g's clock entry for sid; race.h tells the one exception)
 * A zero cell is empty (a real access always has a non-zero mask).
 *
 * Layout: two levels. A directory entry covers RC_REGION_SIZE bytes of the 47-bit
 * user address space; its cells are one mmap (MAP_NORESERVE: pages are committed
 * when first touched), created on the first access in the region.
 */
#ifndef RC_SHADOW_H
#define RC_SHADOW_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define RC_SHADOW_CELLS   4
#define RC_REGION_SHIFT   22                        /* 4 MiB of application memory */
#define RC_REGION_SIZE    ((uintptr_t)1 << RC_REGION_SHIFT)
#define RC_ADDR_BITS      47

typedef uint64_t rc_cell;

#define RC_CELL_WRITE     ((rc_cell)1 << 8)
#define RC_CELL_ATOMIC    ((rc_cell)1 << 9)
#define RC_CELL_SID_SHIFT 10
#define RC_CELL_EPOCH_SHIFT 26
#define RC_NSLOTS         256u                      /* slots: see race.h */
#define RC_EPOCH_MAX      (((uint64_t)1 << 38) - 1)

static inline unsigned rc_cell_mask(rc_cell c)  { return (unsigned)(c & 0xff); }
static inline unsigned rc_cell_sid(rc_cell c)   { return (unsigned)(c >> RC_CELL_SID_SHIFT) & 0xffff; }
static inline uint64_t rc_cell_epoch(rc_cell c) { return c >> RC_CELL_EPOCH_SHIFT; }

static inline rc_cell rc_cell_make(unsigned sid, uint64_t epoch, unsigned mask, rc_cell flags)
{
    return (epoch << RC_CELL_EPOCH_SHIFT) | ((rc_cell)sid << RC_CELL_SID_SHIFT) | flags | mask;
}

extern _Atomic(rc_cell *) *rc_shadow_dir;

rc_cell *rc_shadow_region(uintptr_t addr);  /* slow path: creates the region */

/* The cells of the word containing addr. */
static inline _Atomic rc_cell *rc_shadow_cells(uintptr_t addr)
{
    uintptr_t r = (addr >> RC_REGION_SHIFT) & (((uintptr_t)1 << (RC_ADDR_BITS - RC_REGION_SHIFT)) - 1);
    rc_cell *base = atomic_load_explicit(&rc_shadow_dir[r], memory_order_acquire);
    if (__builtin_expect(base == NULL, 0))
        base = rc_shadow_region(addr);
    return (_Atomic rc_cell *)base + ((addr & (RC_REGION_SIZE - 1)) >> 3) * RC_SHADOW_CELLS;
}

/* [addr, addr + size) will be used densely (a large heap block, a long range check):
 * its shadow is backed by huge pages where the kernel allows (transparent huge pages
 * on madvise, Debian's default). Walking shadow memory is TLB-bound otherwise: on a
 * virtual machine a 4 KiB-page walk of a 16 MiB array's shadow spent most of its time
 * in page walks (bench/race access: 2.9x faster). Only for dense ranges: a huge page
 * of shadow commits 2 MiB for 512 KiB of application memory, touched or not. */
#define RC_SHADOW_DENSE_MIN ((size_t)1 << 20)
void rc_shadow_dense(uintptr_t addr, size_t size);

/* Commits the shadow pages of [addr, addr + size) by writing them. The detector reads
 * a word's cells before it stores one, so a shadow page first touched by a check is
 * faulted twice: the read maps the shared zero page, the store replaces it, and
 * replacing a present page flushes every other CPU's TLB (an IPI each, ~10 us on a
 * VM). Faulting it by a write first costs one plain fault. For memory that is about
 * to be used: a new goroutine's stack top, a new heap block. */
void rc_shadow_prefault(uintptr_t addr, size_t size);

void rc_shadow_init(void);
/* Forgets every access to [addr, addr + size) (freed heap blocks, reused stacks). */
void rc_shadow_clear(uintptr_t addr, size_t size);

#endif
