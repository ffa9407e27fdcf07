/* Sync objects of freed memory leave the detector's table (sync.c: open addressing,
 * deletion moves later entries back), and the objects around them must stay
 * findable. W writes data[i] and publishes each with a release store to flag[i]; J
 * makes sync objects in the same tables, in one large block and in many small ones,
 * which main then frees. R, ordered after W only through the flags (main learns that
 * W is done through a relaxed flag, which orders nothing), acquires each flag and
 * reads data[i]: a flag object lost by a deletion would be a false race. */
// STDOUT: sum=1999000
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#define N      2000
#define JUNK   20000
#define SMALL  4000

static long data[N];
static _Atomic int flag[N], w_done;
static _Atomic long *junk, *small[SMALL];
static rc_waitgroup jwg, rwg;
static long sum;

static void writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < N; i++) {
        data[i] = i;
        atomic_store_explicit(&flag[i], 1, memory_order_release);
    }
    atomic_store_explicit(&w_done, 1, memory_order_relaxed);
}

static void junk_maker(void *arg)
{
    (void)arg;
    for (int i = 0; i < JUNK; i++)
        atomic_store_explicit(&junk[i], i, memory_order_release);
    for (int i = 0; i < SMALL; i++)
        atomic_store_explicit(small[i], i, memory_order_release);
    rc_waitgroup_done(&jwg);
}

static void reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < N; i++) {
        while (!atomic_load_explicit(&flag[i], memory_order_acquire))
            rc_yield();
        sum += data[i];
    }
    rc_waitgroup_done(&rwg);
}

int main(void)
{
    junk = malloc(JUNK * sizeof *junk);
    for (int i = 0; i < SMALL; i++)
        small[i] = malloc(sizeof(long) * 3);
    rc_waitgroup_add(&jwg, 1);
    rc_go(junk_maker, NULL);
    rc_go(writer, NULL);
    rc_waitgroup_wait(&jwg);
    free(junk);
    for (int i = 0; i < SMALL; i += 2) /* every other one: holes between survivors */
        free(small[i]);
    while (!atomic_load_explicit(&w_done, memory_order_relaxed))
        rc_yield();
    rc_waitgroup_add(&rwg, 1);
    rc_go(reader, NULL);
    rc_waitgroup_wait(&rwg);
    printf("sum=%ld\n", sum);
    return 0;
}
