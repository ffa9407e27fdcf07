// Detector bug repro: Lock's access to the mutex is invisible, so overwriting a mutex
// while another goroutine locks it is not reported (Go: Lock's CAS on m.state is an
// instrumented atomic access; a plain write of the mutex races with it).
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include <racecheck.h>

static rc_mutex mu;

static void reset(void *arg) { mu = (rc_mutex){0}; }

int main(void)
{
    rc_go(reset, NULL);
    rc_mutex_lock(&mu);
    while (rc_numgoroutine() > 1)
        rc_yield();
    return 0;
}
