/*
 * racy.c: the program the install tests build from an installed racecheck: goroutines
 * increment a plain int. With -DRC_FIXED a mutex orders the increments (no race).
 * The tests find the racy line by its tag.
 */
#include <racecheck.h>
#include <stdio.h>

static int hits;
static rc_waitgroup wg;
#ifdef RC_FIXED
static rc_mutex mu;
#endif

static void worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
#ifdef RC_FIXED
        rc_mutex_lock(&mu);
#endif
        hits++; // @race
#ifdef RC_FIXED
        rc_mutex_unlock(&mu);
#endif
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < 4; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go(worker, NULL);
    }
    rc_waitgroup_wait(&wg);
    printf("hits = %d\n", hits);
    return 0;
}
