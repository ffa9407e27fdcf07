/*
 * rand.h: the runtime's one source of randomness. Every random choice the runtime makes
 * (select's case, which processor to steal from, wake-up order) draws from here, so a
 * run's choices follow from one seed (RCDEBUG=seed=N; default: from the clock).
 * Each processor has its own stream derived from the seed, so drawing needs no lock.
 */
#ifndef RC_RAND_H
#define RC_RAND_H

#include <stdint.h>

typedef struct rc_rand { uint64_t s; } rc_rand;

uint64_t rc_rand_seed(void);                       /* the run's seed */
void     rc_rand_init(rc_rand *r, uint64_t stream); /* stream n of the run's seed */

/* wyrand: one multiply, passes BigCrush, 2^64 period. */
static inline uint64_t rc_rand_next(rc_rand *r)
{
    r->s += 0xa0761d6478bd642fULL;
    __uint128_t t = (__uint128_t)r->s * (r->s ^ 0xe7037ed1a0b428dbULL);
    return (uint64_t)(t >> 64) ^ (uint64_t)t;
}

/* Uniform in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 for n < 2^32). */
static inline uint32_t rc_rand_n(rc_rand *r, uint32_t n)
{
    return (uint32_t)(((rc_rand_next(r) & 0xffffffffu) * (uint64_t)n) >> 32);
}

/* Uniform in [0, n), n > 0, from *frac, 64 random bits read as a fraction in [0, 1):
 * returns floor(frac * n) and keeps frac * n's fractional part in *frac for the next
 * draw (batched multiply-shift). Each draw consumes log2(n) of the bits; a caller
 * draws afresh before their product passes 2^32, which keeps every draw's bias below
 * n / 2^32, as rc_rand_n's. */
static inline uint32_t rc_rand_take(uint64_t *frac, uint32_t n)
{
    __uint128_t t = (__uint128_t)*frac * n;
    *frac = (uint64_t)t;
    return (uint32_t)(t >> 64);
}

#endif
