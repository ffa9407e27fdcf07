// N14: memory freed by one goroutine after a channel hand-off, then reallocated and
// written by another goroutine that is ordered with neither the first writer nor the
// freeing goroutine (the relaxed `freed` flag orders nothing). Heap reuse is not a
// race. One processor keeps the goroutines on one thread, so malloc hands the freed
// block straight back (in nearly every round) and the test really exercises reuse.
// ENV: RCMAXPROCS=1
// STDOUT: rounds=50 mostly_reused=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE 48
#define ROUNDS 50

static rc_chan *handoff;
static atomic_int freed; /* relaxed: orders nothing */
static atomic_uintptr_t freed_at;
static rc_waitgroup wg;

static void producer(void *arg)
{
    (void)arg;
    char *p = malloc(SIZE);
    memset(p, 'a', SIZE);
    p[0] = 'p';
    rc_chan_send(handoff, &p);
    rc_waitgroup_done(&wg);
}

static void consumer(void *arg)
{
    int round = *(int *)arg;
    char *p;
    rc_chan_recv(handoff, &p);
    int sum = 0;
    for (int i = 0; i < SIZE; i++)
        sum += p[i];
    (void)sum;
    atomic_store_explicit(&freed_at, (uintptr_t)p, memory_order_relaxed);
    free(p);
    atomic_store_explicit(&freed, round + 1, memory_order_relaxed);
    rc_waitgroup_done(&wg);
}

static int reused;

static void reuser(void *arg)
{
    int round = *(int *)arg;
    while (atomic_load_explicit(&freed, memory_order_relaxed) < round + 1)
        rc_yield();
    char *q = malloc(SIZE);
    if ((uintptr_t)q == atomic_load_explicit(&freed_at, memory_order_relaxed))
        reused++; /* only reuser goroutines touch it, one round at a time via wg */
    memset(q, 'b', SIZE);
    q[SIZE - 1] = 'q';
    free(q);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    handoff = rc_chan_make(sizeof(char *), 0);
    for (int r = 0; r < ROUNDS; r++) {
        rc_waitgroup_add(&wg, 3);
        rc_go_copy(reuser, &r, sizeof r);
        rc_go_copy(consumer, &r, sizeof r);
        rc_go(producer, NULL);
        rc_waitgroup_wait(&wg);
    }
    printf("rounds=%d mostly_reused=%d\n", ROUNDS, reused >= ROUNDS / 2);
    return 0;
}
