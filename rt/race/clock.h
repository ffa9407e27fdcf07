/*
 * clock.h: vector clocks. Entry t is the latest epoch of goroutine-id t known to
 * have happened before; missing entries are 0. Clocks grow on demand to the largest
 * id they have seen, so a program with few goroutines pays for few entries.
 */
#ifndef RC_CLOCK_H
#define RC_CLOCK_H

#include <stdint.h>

typedef struct rc_vc {
    uint32_t  n;     /* entries in e */
    uint64_t *e;
} rc_vc;

static inline uint64_t rc_vc_get(const rc_vc *v, unsigned t)
{
    return t < v->n ? v->e[t] : 0;
}

void rc_vc_set(rc_vc *v, unsigned t, uint64_t epoch);
void rc_vc_join(rc_vc *dst, const rc_vc *src);   /* dst = max(dst, src) */
void rc_vc_copy(rc_vc *dst, const rc_vc *src);   /* dst = src */
void rc_vc_free(rc_vc *v);

#endif
