// mem_racy.c's calls with the writes ordered before the reads by a mutex: no report,
// and the results are libc's.
// STDOUT: memcpy=0 memmove=0 memset=xxxx bcmp=0
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void *(*volatile memcpy_fn)(void *, const void *, size_t) = memcpy;
static void *(*volatile memmove_fn)(void *, const void *, size_t) = memmove;
static void *(*volatile memset_fn)(void *, int, size_t) = memset;
static int (*volatile bcmp_fn)(const void *, const void *, size_t) = bcmp;

static char b[3][32], src[32] = "0123456789";
static rc_mutex mu;
static int done;

static void writer(void *arg)
{
    (void)arg;
    rc_mutex_lock(&mu);
    memcpy_fn(b[0], src, 16);
    memmove_fn(b[1], src, 16);
    memset_fn(b[2], 'x', 4);
    done = 1;
    rc_mutex_unlock(&mu);
}

int main(void)
{
    rc_go(writer, NULL);
    for (;;) {
        rc_mutex_lock(&mu);
        if (done)
            break;
        rc_mutex_unlock(&mu);
        rc_yield();
    }
    printf("memcpy=%d memmove=%d memset=%s bcmp=%d\n", memcmp(b[0], src, 16),
           memcmp(b[1], src, 16), b[2], bcmp_fn(b[0], b[1], 16) != 0);
    rc_mutex_unlock(&mu);
    return 0;
}
