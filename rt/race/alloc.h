/*
 * alloc.h: the detector's own memory. It comes straight from glibc (__libc_*), never
 * through the interposed malloc/free of malloc.c: those take detector locks, and the
 * detector allocates while holding its locks (a clock growing under a sync stripe).
 */
#ifndef RC_RACE_ALLOC_H
#define RC_RACE_ALLOC_H

#include <stddef.h>

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void  __libc_free(void *);

#define rc_race_malloc  __libc_malloc
#define rc_race_calloc  __libc_calloc
#define rc_race_realloc __libc_realloc
#define rc_race_free    __libc_free

/* uthash tables inside the detector allocate the same way */
#undef uthash_malloc
#undef uthash_free
#define uthash_malloc(sz) __libc_malloc(sz)
#define uthash_free(p, sz) __libc_free(p)

#endif
