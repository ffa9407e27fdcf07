/*
 * clock.h: vector clocks. Entry t is the latest epoch of slot t (race.h) known to have
 * happened before; missing entries are 0.
 *
 * Clocks are sparse in practice: a goroutine's clock holds its creator's few entries
 * and those it learned since, yet slots are handed out oldest-freed first, so those
 * entries may be anywhere in [0, RC_VC_MAX). A bitmap of the entries that may be
 * non-zero (nz; an entry whose bit is clear is 0) lets join and copy touch only those,
 * instead of walking up to 2 KiB of zeros on every goroutine start and
 * synchronisation. The entries live in e, room for cap of them (grown on demand to
 * the highest entry learned, not to the holder's own slot; beyond n all are 0).
 */
#ifndef RC_CLOCK_H
#define RC_CLOCK_H

#include <stdint.h>

#define RC_VC_MAX   256u                  /* entries: one per slot */
#define RC_VC_WORDS (RC_VC_MAX / 64)

typedef struct rc_vc {
    uint32_t  n;                /* entries from n on are 0 */
    uint32_t  cap;              /* room in e (n <= cap) */
    uint64_t *e;
    uint64_t  nz[RC_VC_WORDS];  /* bit t: e[t] may be non-zero */
} rc_vc;

static inline uint64_t rc_vc_get(const rc_vc *v, unsigned t)
{
    return t < v->cap ? v->e[t] : 0;
}

void rc_vc_grow(rc_vc *v, uint32_t n);           /* room for entries [0, n) */

static inline void rc_vc_set(rc_vc *v, unsigned t, uint64_t epoch)
{
    if (__builtin_expect(t >= v->cap, 0))
        rc_vc_grow(v, t + 1);
    if (t >= v->n)
        v->n = t + 1;
    v->e[t] = epoch;
    v->nz[t / 64] |= (uint64_t)1 << (t % 64);
}

void rc_vc_join(rc_vc *dst, const rc_vc *src);   /* dst = max(dst, src) */
void rc_vc_join2(rc_vc *a, rc_vc *b);            /* a = b = max(a, b) */
void rc_vc_copy(rc_vc *dst, const rc_vc *src);   /* dst = src */
void rc_vc_clear(rc_vc *v);                      /* every entry 0, room kept */
void rc_vc_free(rc_vc *v);

#endif
