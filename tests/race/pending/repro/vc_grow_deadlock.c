// Detector bug repro: the 128th goroutine's tid makes a vector clock grow inside
// rc_race_acquire, under a sync stripe lock; realloc is the detector's own interposer,
// which (block moved) calls rc_race_sync_forget and takes stripe locks again: a
// self-deadlock when the old block's addresses hash to the held stripe (ASLR-dependent,
// hangs in most runs; gdb disables ASLR and hides it).
// EXIT: 0
// STDERR: done
// TIMEOUT: 10
#include <racecheck.h>
#include <stdio.h>

static void closer(void *arg) { rc_chan_close(arg); }

int main(void)
{
    for (int i = 0; i < 300; i++) {
        rc_chan *c = rc_chan_make(0, 0);
        rc_go(closer, c);
        rc_chan_recv(c, NULL);
    }
    fprintf(stderr, "done\n");
    return 0;
}
