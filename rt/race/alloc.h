/*
 * alloc.h: the detector's own memory. It comes straight from glibc (__libc_*), never
 * through the interposed malloc/free of malloc.c: those take detector locks, and the
 * detector allocates while holding its locks (a clock growing under a sync stripe).
 */
#ifndef RC_RACE_ALLOC_H
#define RC_RACE_ALLOC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void  __libc_free(void *);

/* libc's memset and memcpy, past the interceptors of intercept.c (whose checks of the
 * caller cost ~20 instructions a call): for the detector's calls on its hot paths. */
void *rc_libc_memset(void *d, int c, size_t n);
void *rc_libc_memcpy(void *d, const void *s, size_t n);

#define rc_race_malloc  __libc_malloc
#define rc_race_calloc  __libc_calloc
#define rc_race_realloc __libc_realloc
#define rc_race_free    __libc_free

/* uthash tables inside the detector allocate the same way */
#undef uthash_malloc
#undef uthash_free
#define uthash_malloc(sz) __libc_malloc(sz)
#define uthash_free(p, sz) __libc_free(p)

/* ... and hash their keys, every one an address or a goroutine id (8 bytes), with one
 * multiply instead of uthash's default byte-wise Jenkins hash: the lock records and
 * sync objects are looked up at every Lock, Unlock and channel operation. uthash
 * takes a bucket from the low bits: the product's high half goes there. */
static inline unsigned rc_race_hash_key(const void *key, size_t len)
{
    uint64_t x = 0;
    memcpy(&x, key, len < sizeof x ? len : sizeof x);
    return (unsigned)((x * 0x9E3779B97F4A7C15ULL) >> 32);
}
#undef HASH_FUNCTION
#define HASH_FUNCTION(keyptr, keylen, hashv) ((hashv) = rc_race_hash_key(keyptr, keylen))

#endif
