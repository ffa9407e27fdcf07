// Two goroutines fill one array with a loop and nothing orders them: a race,
// reported at the loop's store. At -O0 the store is checked per iteration; at
// -O2 the loop has no call or atomic inside, so the pass checks it once as a
// range before the loop (pass/LoopChecks.h): same report, same line.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at
// STDERR: fill
// STDERR: {{FILE}}:{{LINE:store}}
// STDERR: Previous write at
// STDERR: fill
// STDERR: {{FILE}}:{{LINE:store}}
#include <racecheck.h>

#define N 4096

int a[N]; // not static: the stores must survive -O2
static rc_chan *done;

static __attribute__((noinline)) void fill(int *p, long n, int v)
{
    for (long i = 0; i < n; i++)
        p[i] = v; // @store
}

static void worker(void *arg)
{
    fill(a, N, (int)(long)arg);
    rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    rc_go(worker, (void *)1L);
    rc_go(worker, (void *)2L);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    return 0;
}
