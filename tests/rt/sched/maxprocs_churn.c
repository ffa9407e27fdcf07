// Shrinking RCMAXPROCS while Ms are spinning for work, over and over, with goroutines
// parking and waking throughout: no work may be stranded. (Regression: an M whose P
// was retired while it spun kept its nmspinning claim, after which wakep never woke
// anyone and runnable goroutines sat in the global queue with every M asleep.)
// TIMEOUT: 60
// STDOUT: 300 resizes, all work done
#include <racecheck.h>
#include <stdio.h>

#define NPAIRS 8
#define ROUNDS 200

static rc_chan *done;

static void pinger(void *arg)
{
    rc_chan *c = arg;
    for (int i = 0; i < ROUNDS; i++)
        rc_chan_send(c, &i);
    rc_chan_send(done, NULL);
}

static void ponger(void *arg)
{
    rc_chan *c = arg;
    int v;
    for (int i = 0; i < ROUNDS; i++)
        rc_chan_recv(c, &v);
    rc_chan_send(done, NULL);
    rc_chan_release(c);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    int sizes[] = { 4, 1, 3, 2 };
    for (int r = 0; r < 300; r++) {
        for (int i = 0; i < NPAIRS; i++) {
            rc_chan *c = rc_chan_make(sizeof(int), 0);
            rc_go(pinger, c);
            rc_go(ponger, c);
        }
        rc_maxprocs(sizes[r % 4]);
        for (int i = 0; i < 2 * NPAIRS; i++)
            rc_chan_recv(done, NULL);
    }
    printf("300 resizes, all work done\n");
    return 0;
}
