/*
 * mem.h: the runtime's copies of values whose size is known only at run time (a
 * channel element, a goroutine's argument). Sizes of one machine word or less, the
 * common case, are copied inline; larger ones call memcpy/memset. Besides sparing a
 * call, that keeps the runtime's element copies out of the detector's libc
 * interceptors (race/intercept.c), which a call would reach, only to find the caller
 * is the runtime and not the program (about 70 instructions per call).
 */
#ifndef RC_MEM_H
#define RC_MEM_H

#include <stddef.h>
#include <string.h>

static inline void rc_mem_copy(void *dst, const void *src, size_t n)
{
    switch (n) {
    case 8: __builtin_memcpy(dst, src, 8); return;
    case 4: __builtin_memcpy(dst, src, 4); return;
    case 2: __builtin_memcpy(dst, src, 2); return;
    case 1: __builtin_memcpy(dst, src, 1); return;
    case 0: return;
    default: memcpy(dst, src, n); return;
    }
}

static inline void rc_mem_zero(void *dst, size_t n)
{
    switch (n) {
    case 8: __builtin_memset(dst, 0, 8); return;
    case 4: __builtin_memset(dst, 0, 4); return;
    case 2: __builtin_memset(dst, 0, 2); return;
    case 1: __builtin_memset(dst, 0, 1); return;
    case 0: return;
    default: memset(dst, 0, n); return;
    }
}

#endif
