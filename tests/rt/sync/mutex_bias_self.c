// A goroutine that must wait for a Mutex biased to its own thread (here the only one)
// unbiases it without a membarrier and parks; Unlock then wakes it as usual.
// ENV: RCMAXPROCS=1
// STDOUT: biased=1
// STDOUT: helper waiting
// STDOUT: main unlocking
// STDOUT: helper locked, bias=2 revocations=1
#include "bias_test.h"
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;
static rc_chan *done;

static void helper(void *arg)
{
    printf("helper waiting\n");
    rc_mutex_lock(&mu); /* held by main, biased to this thread */
    printf("helper locked, bias=%d revocations=%llu\n", (int)atomic_load(&mu.bias),
           (unsigned long long)rc_mutex_bias_revocations());
    rc_mutex_unlock(&mu);
    rc_chan_send(done, &(int){1});
}

int main(void)
{
    if (!bias_testable())
        return 0;
    lock_unlock_times(&mu, 100);
    printf("biased=%d\n", is_biased(&mu));
    done = rc_chan_make(sizeof(int), 0);
    rc_mutex_lock(&mu);
    rc_go(helper, NULL);
    for (int i = 0; i < 20; i++)
        rc_yield(); /* helper runs and parks in Lock */
    printf("main unlocking\n");
    rc_mutex_unlock(&mu);
    rc_chan_recv(done, NULL);
    return 0;
}
