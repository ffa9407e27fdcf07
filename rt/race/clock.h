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
 * A program of few goroutines has short clocks (n <= RC_VC_SHORT), which the inline
 * join, join2 and copy below handle as plain loops, with no call: a Mutex Lock or a
 * channel operation costs one of them.
 */
#ifndef RC_CLOCK_H
#define RC_CLOCK_H

#include <stdint.h>
#include <string.h>

#define RC_VC_MAX   256u                  /* entries: one per slot */
#define RC_VC_MIN   8u                    /* the least room a clock with entries has */
#define RC_VC_WORDS (RC_VC_MAX / 64)

typedef struct rc_vc {
    uint32_t  n;                /* entries from n on are 0 */
    uint32_t  cap;              /* room in e (n <= cap) */
    uint64_t *e;
    uint64_t  nz[RC_VC_WORDS];  /* bit t: e[t] may be non-zero */
    uint64_t  ver;              /* bumped by every change below (maybe more often):
                                   equal versions, the same entries (sync.c) */
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
    v->ver++;
    v->e[t] = epoch;
    v->nz[t / 64] |= (uint64_t)1 << (t % 64);
}

/* The general cases of the three below (clock.c). */
void rc_vc_join_any(rc_vc *dst, const rc_vc *src);
void rc_vc_join2_any(rc_vc *a, rc_vc *b);
void rc_vc_copy_any(rc_vc *dst, const rc_vc *src);

/* A short clock: its entries from RC_VC_SHORT on are 0 (so are its bitmap's words
 * past the first), and the three below are a plain loop, inline: what a program of
 * few goroutines synchronises with (a Mutex, a channel) on every operation. */
#define RC_VC_SHORT 16u

static inline uint32_t rc_vc_max_n(const rc_vc *a, const rc_vc *b)
{
    return a->n > b->n ? a->n : b->n;
}

/* dst = max(dst, src) */
static inline void rc_vc_join(rc_vc *dst, const rc_vc *src)
{
    const uint32_t n = src->n;
    dst->ver++;
    if (__builtin_expect(n > RC_VC_SHORT || n > dst->cap, 0)) {
        rc_vc_join_any(dst, src);
        return;
    }
    for (uint32_t t = 0; t < n; t++)
        if (src->e[t] > dst->e[t])
            dst->e[t] = src->e[t];
    dst->nz[0] |= src->nz[0];
    if (n > dst->n)
        dst->n = n;
}

/* a = b = max(a, b) */
static inline void rc_vc_join2(rc_vc *a, rc_vc *b)
{
    const uint32_t n = rc_vc_max_n(a, b);
    a->ver++;
    b->ver++;
    if (__builtin_expect(n > RC_VC_SHORT || n > a->cap || n > b->cap, 0)) {
        rc_vc_join2_any(a, b);
        return;
    }
    for (uint32_t t = 0; t < n; t++) {
        uint64_t m = a->e[t] > b->e[t] ? a->e[t] : b->e[t];
        a->e[t] = b->e[t] = m;
    }
    a->nz[0] = b->nz[0] = a->nz[0] | b->nz[0];
    a->n = b->n = n;
}

/* dst = src */
static inline void rc_vc_copy(rc_vc *dst, const rc_vc *src)
{
    const uint32_t n = src->n, m = dst->n;
    dst->ver++;
    if (n <= RC_VC_MIN && m <= RC_VC_MIN && src->cap && dst->cap) {
        /* both have room for RC_VC_MIN, src's entries past n are 0: a fixed copy */
        memcpy(dst->e, src->e, RC_VC_MIN * sizeof *dst->e);
        dst->nz[0] = src->nz[0];
        dst->n = n;
        return;
    }
    if (__builtin_expect(n > RC_VC_SHORT || m > RC_VC_SHORT || n > dst->cap, 0)) {
        rc_vc_copy_any(dst, src);
        return;
    }
    for (uint32_t t = 0; t < n; t++)
        dst->e[t] = src->e[t];
    for (uint32_t t = n; t < m; t++)
        dst->e[t] = 0;
    dst->nz[0] = src->nz[0];
    dst->n = n;
}

void rc_vc_clear(rc_vc *v);                      /* every entry 0, room kept */
void rc_vc_free(rc_vc *v);

#endif
