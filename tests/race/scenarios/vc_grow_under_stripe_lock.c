// Regression: detector self-deadlock. A vector clock that grows while its sync
// stripe's spinlock is held calls the interposed realloc, which forgets the old block
// by taking sync stripe locks again. Here 1000 mutexes are released by goroutine ids
// 2 and then 12, so each mutex's clock grows once under its stripe lock; with ~1000
// growths one of them almost surely hits its own stripe and spins forever.
// TIMEOUT: 20
// STDOUT: done 1000
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

#define NMU 1000

static rc_mutex mus[NMU];
static int counts[NMU];
static rc_chan *done;

static void touch_all(void *arg)
{
    (void)arg;
    for (int i = 0; i < NMU; i++) {
        rc_mutex_lock(&mus[i]);
        counts[i]++;
        rc_mutex_unlock(&mus[i]);
    }
    rc_chan_send(done, NULL);
}

static void nothing(void *arg)
{
    (void)arg;
    rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    rc_go(touch_all, NULL);          /* small tid: clocks of 8 entries */
    rc_chan_recv(done, NULL);
    for (int i = 0; i < 10; i++) {   /* use up tids; finished ones are quarantined */
        rc_go(nothing, NULL);
        rc_chan_recv(done, NULL);
    }
    rc_go(touch_all, NULL);          /* tid > 8: every mutex's clock grows */
    rc_chan_recv(done, NULL);
    int n = 0;
    for (int i = 0; i < NMU; i++)
        n += counts[i] == 2;
    printf("done %d\n", n);
    return 0;
}
