// A loop running backwards over a[0..n) races with a goroutine that writes only
// a[0], the last element the loop reaches: a coalesced check of a downward loop
// must cover the low end (pass/LoopChecks.h computes it from the trip count).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:down}}
// STDERR-ANY: {{FILE}}:{{LINE:first}}
#include <racecheck.h>

#define N 1000

int a[N];      // not static: the stores must survive -O2
long len = N;  // not a constant: keeps -O2 from specialising the loop
static rc_chan *done;

static __attribute__((noinline)) void down(int *p, long n)
{
    for (long i = n - 1; i >= 0; i--)
        p[i] = (int)i; // @down
}

static void backwards(void *arg)
{
    down(a, len);
    rc_chan_send(done, NULL);
}

static void first(void *arg)
{
    a[0] = -1; // @first
    rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    rc_go(backwards, NULL);
    rc_go(first, NULL);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    return 0;
}
