/* More goroutines in blocking system calls at once than there are slots (256): a
 * goroutine in a system call still runs and keeps its slot, so the ones that start
 * after the 256th wait for a slot until the first ones return and exit, giving their
 * slots back (slot.c: a waiting attach also drains the per-P slot caches). Each
 * works on its own word; nothing races, and every goroutine finishes. */
// STDOUT: sum 45150
// STDERR-NOT: DATA RACE
// TIMEOUT: 60
#include "racecheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { N = 300 };

static long data[N];
static rc_waitgroup wg;

static void worker(void *arg)
{
    long i = (long)(intptr_t)arg;
    data[i] = i;
    rc_blocking_begin();
    nanosleep(&(struct timespec){ .tv_nsec = 100 * 1000 * 1000 }, NULL);
    rc_blocking_end();
    data[i] += 1;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, N);
    for (long i = 0; i < N; i++)
        rc_go(worker, (void *)(intptr_t)i);
    rc_waitgroup_wait(&wg);
    long sum = 0;
    for (long i = 0; i < N; i++)
        sum += data[i];
    printf("sum %ld\n", sum);
    return 0;
}
