/* clock.c: sparse vector clocks (see clock.h). Invariants: a clear bit in nz means a
 * zero entry, and so does an index at or past n; e[cap..] does not exist. */
#include "alloc.h"
#include "clock.h"
#include "../diag/panic.h"

#include <stdatomic.h>
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

/* The dense loops, element-wise max. Epochs are below 2^63, so a signed compare is
 * exact, and AVX2 has one (vpcmpgtq): on x86-64 each loop is built for AVX2 and for
 * the baseline, and the CPU decides on the first call. A 256-entry join (every
 * synchronisation of a program of more than 256 goroutines) takes about four times
 * fewer instructions with AVX2. (Not target_clones: the runtime's section pragma,
 * section.h, rules it out.) */
static inline __attribute__((always_inline)) void max_into_(uint64_t *d, const uint64_t *s,
                                                            uint32_t n)
{
    for (uint32_t t = 0; t < n; t++) {
        int64_t a = (int64_t)d[t], b = (int64_t)s[t];
        d[t] = (uint64_t)(a > b ? a : b);
    }
}

static inline __attribute__((always_inline)) void max_both_(uint64_t *a, uint64_t *b, uint32_t n)
{
    for (uint32_t t = 0; t < n; t++) {
        int64_t x = (int64_t)a[t], y = (int64_t)b[t];
        a[t] = b[t] = (uint64_t)(x > y ? x : y);
    }
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void max_into_avx2(uint64_t *d, const uint64_t *s, uint32_t n)
{
    max_into_(d, s, n);
}
__attribute__((target("avx2"))) static void max_both_avx2(uint64_t *a, uint64_t *b, uint32_t n)
{
    max_both_(a, b, n);
}

static bool avx2(void)
{
    static _Atomic int has = -1; /* racing first calls agree */
    int h = atomic_load_explicit(&has, memory_order_relaxed);
    if (__builtin_expect(h < 0, 0)) {
        __builtin_cpu_init();
        h = __builtin_cpu_supports("avx2") ? 1 : 0;
        atomic_store_explicit(&has, h, memory_order_relaxed);
    }
    return h;
}
#else
static bool avx2(void) { return false; }
#define max_into_avx2 max_into_
#define max_both_avx2 max_both_
#endif

static void max_into(uint64_t *d, const uint64_t *s, uint32_t n)
{
    if (avx2())
        max_into_avx2(d, s, n);
    else
        max_into_(d, s, n);
}

static void max_both(uint64_t *a, uint64_t *b, uint32_t n)
{
    if (avx2())
        max_both_avx2(a, b, n);
    else
        max_both_(a, b, n);
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
        max_into(dst->e, src->e, n);
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
        max_both(a->e, b->e, n);
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
    v->ver++;
    for (unsigned w = 0; w < words(v->n); w++) {
        for (uint64_t bits = v->nz[w]; bits; bits &= bits - 1)
            v->e[w * 64 + (unsigned)__builtin_ctzll(bits)] = 0;
        v->nz[w] = 0;
    }
    v->n = 0;
}

void rc_vc_free(rc_vc *v)
{
    uint64_t ver = v->ver + 1;
    rc_race_free(v->e);
    memset(v, 0, sizeof *v);
    v->ver = ver;
}
