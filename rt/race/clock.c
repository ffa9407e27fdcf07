/* clock.c: sparse vector clocks (see clock.h). Invariants: a clear bit in nz means a
 * zero entry, and so does an index at or past n; e[cap..] does not exist. */
#include "alloc.h"
#include "clock.h"
#include "../diag/panic.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Room for entries [0, n). */
static void grow(rc_vc *v, uint32_t n)
{
    if (n > v->cap)
        rc_vc_grow(v, n);
}

void rc_vc_grow(rc_vc *v, uint32_t n)
{
    uint32_t cap = v->cap ? v->cap : RC_VC_MIN;
    while (cap < n)
        cap *= 2;
    uint64_t *e = rc_race_realloc(v->e, cap * sizeof *e);
    if (!e)
        rc_fatal("race: out of memory (vector clock)");
    memset(e + v->cap, 0, (cap - v->cap) * sizeof *e);
    v->e = e;
    v->cap = cap;
}

/* The bitmap words that cover entries [0, n). */
static unsigned words(uint32_t n) { return (n + 63) / 64; }

/* Whether a plain loop over [0, n) beats walking v's bitmap: a short clock, or one
 * with at least a quarter of its entries in use. */
static bool dense(const rc_vc *v, uint32_t n)
{
    if (n <= 16)
        return true;
    unsigned used = 0;
    for (unsigned w = 0; w < RC_VC_WORDS; w++)
        used += (unsigned)__builtin_popcountll(v->nz[w]);
    return used >= n / 4;
}

void rc_vc_join_any(rc_vc *dst, const rc_vc *src)
{
    uint32_t n = src->n;
    grow(dst, n);
    if (n > dst->n)
        dst->n = n;
    for (unsigned w = 0; w < words(n); w++)
        dst->nz[w] |= src->nz[w];
    if (dense(src, n)) {
        for (uint32_t t = 0; t < n; t++)
            if (src->e[t] > dst->e[t])
                dst->e[t] = src->e[t];
        return;
    }
    for (unsigned w = 0; w < RC_VC_WORDS; w++)
        for (uint64_t bits = src->nz[w]; bits; bits &= bits - 1) {
            unsigned t = w * 64 + (unsigned)__builtin_ctzll(bits);
            if (src->e[t] > dst->e[t])
                dst->e[t] = src->e[t];
        }
}

void rc_vc_join2_any(rc_vc *a, rc_vc *b)
{
    uint32_t n = a->n > b->n ? a->n : b->n;
    grow(a, n);
    grow(b, n);
    a->n = b->n = n;
    for (unsigned w = 0; w < words(n); w++)
        a->nz[w] = b->nz[w] = a->nz[w] | b->nz[w];
    if (dense(a, n)) {
        for (uint32_t t = 0; t < n; t++) {
            uint64_t m = a->e[t] > b->e[t] ? a->e[t] : b->e[t];
            a->e[t] = b->e[t] = m;
        }
        return;
    }
    for (unsigned w = 0; w < words(n); w++)
        for (uint64_t bits = a->nz[w]; bits; bits &= bits - 1) {
            unsigned t = w * 64 + (unsigned)__builtin_ctzll(bits);
            uint64_t m = a->e[t] > b->e[t] ? a->e[t] : b->e[t];
            a->e[t] = b->e[t] = m;
        }
}

void rc_vc_copy_any(rc_vc *dst, const rc_vc *src)
{
    uint32_t n = src->n, m = dst->n;
    grow(dst, n);
    dst->n = n;
    if (dense(src, n) && dense(dst, m)) {
        for (uint32_t t = 0; t < n; t++) /* short: a loop, not a call to memcpy */
            dst->e[t] = src->e[t];
        for (uint32_t t = n; t < m; t++)
            dst->e[t] = 0;
    } else {
        for (unsigned w = 0; w < RC_VC_WORDS; w++) {
            for (uint64_t gone = dst->nz[w] & ~src->nz[w]; gone; gone &= gone - 1)
                dst->e[w * 64 + (unsigned)__builtin_ctzll(gone)] = 0;
            for (uint64_t bits = src->nz[w]; bits; bits &= bits - 1) {
                unsigned t = w * 64 + (unsigned)__builtin_ctzll(bits);
                dst->e[t] = src->e[t];
            }
        }
    }
    for (unsigned w = 0; w < words(n > m ? n : m); w++)
        dst->nz[w] = src->nz[w];
}

void rc_vc_clear(rc_vc *v)
{
    for (unsigned w = 0; w < words(v->n); w++) {
        for (uint64_t bits = v->nz[w]; bits; bits &= bits - 1)
            v->e[w * 64 + (unsigned)__builtin_ctzll(bits)] = 0;
        v->nz[w] = 0;
    }
    v->n = 0;
}

void rc_vc_free(rc_vc *v)
{
    rc_race_free(v->e);
    memset(v, 0, sizeof *v);
}
