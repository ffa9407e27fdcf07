/* clock.c: growable vector clocks (see clock.h). */
#include "alloc.h"
#include "clock.h"
#include "../diag/panic.h"

#include <stdlib.h>
#include <string.h>

static void grow(rc_vc *v, uint32_t n)
{
    if (n <= v->n)
        return;
    uint32_t cap = v->n ? v->n : 8;
    while (cap < n)
        cap *= 2;
    uint64_t *e = rc_race_realloc(v->e, cap * sizeof *e);
    if (!e)
        rc_fatal("race: out of memory (vector clock)");
    memset(e + v->n, 0, (cap - v->n) * sizeof *e);
    v->e = e;
    v->n = cap;
}

void rc_vc_set(rc_vc *v, unsigned t, uint64_t epoch)
{
    grow(v, t + 1);
    v->e[t] = epoch;
}

void rc_vc_join(rc_vc *dst, const rc_vc *src)
{
    uint32_t n = src->n;
    while (n > 0 && src->e[n - 1] == 0)
        n--;
    grow(dst, n);
    for (uint32_t i = 0; i < n; i++)
        if (src->e[i] > dst->e[i])
            dst->e[i] = src->e[i];
}

void rc_vc_copy(rc_vc *dst, const rc_vc *src)
{
    grow(dst, src->n);
    memcpy(dst->e, src->e, src->n * sizeof *src->e);
    if (dst->n > src->n)
        memset(dst->e + src->n, 0, (dst->n - src->n) * sizeof *dst->e);
}

void rc_vc_free(rc_vc *v)
{
    rc_race_free(v->e);
    v->e = NULL;
    v->n = 0;
}
