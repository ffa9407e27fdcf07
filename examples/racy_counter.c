/*
 * racy_counter.c: the classic data race. Five goroutines increment a plain int
 * without synchronisation; the total is usually wrong, and racecheck says why:
 *
 *   racecheck build/examples/racy_counter
 *
 * The fix is a rc_mutex around the increment, or a C11 atomic_int.
 */
#include <racecheck.h>
#include <stdio.h>

static int hits;
static rc_waitgroup wg;

static void record_hit(void) { hits++; }

static void worker(void *arg)
{
    for (int i = 0; i < 10000; i++)
        record_hit();
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 5; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(worker, NULL);
    }
    rc_waitgroup_wait(&wg);
    printf("hits = %d (expected 50000)\n", hits);
    return 0;
}
