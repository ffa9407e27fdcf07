// Detector bug repro: an unordered send and close of one channel are a race in Go
// (chansend does racereadpc(c), closechan racewritepc(c)); racecheck reports nothing.
// One P: the buffered send completes before the goroutine closes, so nothing panics.
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR: WARNING: DATA RACE
#include <racecheck.h>

static void closer(void *arg) { rc_chan_close(arg); }

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int), 1);
    rc_go(closer, c);
    rc_chan_send(c, &(int){0});
    while (rc_numgoroutine() > 1)
        rc_yield();
    return 0;
}
