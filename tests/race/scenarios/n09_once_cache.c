// N9: a Once-initialised cache: many goroutines call Do concurrently, all read the
// result. The one call's writes happen before every Do returns.
// STDOUT: inits=1 sum=10240
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define N 16

static rc_once once;
static int *cache;
static int table[64];
static int inits;
static int sums[N];
static rc_waitgroup wg;

static void init_cache(void *arg)
{
    (void)arg;
    for (int i = 0; i < 64; i++)
        table[i] = 10;
    cache = table;
    inits++;
}

static void reader(void *arg)
{
    int id = *(int *)arg;
    rc_once_do(&once, init_cache, NULL);
    int s = 0;
    for (int i = 0; i < 64; i++)
        s += cache[i];
    sums[id] = s;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(reader, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    int sum = 0;
    for (int i = 0; i < N; i++)
        sum += sums[i];
    printf("inits=%d sum=%d\n", inits, sum);
    return 0;
}
