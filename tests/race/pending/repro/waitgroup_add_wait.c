// Detector bug repro: Go's WaitGroup reports an Add from zero that is not ordered before
// a concurrent blocking Wait (Add does race.Read(&wg.sema) on the first increment, a
// Wait that blocks first does race.Write(&wg.sema)); racecheck reports nothing.
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include <racecheck.h>

static rc_waitgroup wg;

static void worker(void *arg)
{
    rc_waitgroup_add(&wg, 1);
    rc_sleep(50 * RC_MILLISECOND);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_go(worker, NULL);
    rc_sleep(20 * RC_MILLISECOND);
    rc_waitgroup_wait(&wg);
    return 0;
}
