// A channel used from one thread many times in a row gets its lock biased to that
// thread (chan/lock.c); a goroutine on another thread revokes the bias, the values
// sent under the biased lock reach it in order, and the channel is then biased to
// whichever thread uses it alone again (unlike a Mutex, whose bias never returns),
// unless the revocation was so slow (a loaded machine) that it spent the bias budget
// (sync/bias.c): then no channel is biased again, which the last line allows.
// ENV: RCMAXPROCS=2
// STDOUT: biased=1 revocations=0
// STDOUT: helper on another thread=1
// STDOUT: helper got 0..49 in order=1
// STDOUT: after revocation: biased=0 revocations=1
// STDOUT: biased again or budget spent=1 revocations=1
#define _GNU_SOURCE
#include "../../../rt/chan/chan.h"
#include "../../../rt/sync/bias.h"
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static rc_chan *c;
static _Atomic int helper_done;
static pid_t main_tid;

static int biased(void)
{
    return (atomic_load(&c->bias) & 3) == 1 && (atomic_load(&c->lock) & RC_CHAN_BIASED);
}

static void helper(void *arg)
{
    (void)arg;
    printf("helper on another thread=%d\n", gettid() != main_tid);
    int in_order = 1;
    for (int i = 0; i < 50; i++) { /* fewer than 64: no bias for this thread */
        int v = -1;
        rc_chan_recv(c, &v); /* the first one revokes */
        in_order &= v == i;
    }
    printf("helper got 0..49 in order=%d\n", in_order);
    atomic_store(&helper_done, 1);
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 128);
    if (atomic_load(&c->bias) == RC_CHAN_NOBIAS) {
        printf("SKIP: channel locks cannot be biased here (needs x86-64, rseq and membarrier)\n");
        return 0;
    }
    main_tid = gettid();
    for (int i = 0; i < 100; i++) /* 100 Locks, and 64 in a row bias the lock */
        rc_chan_send(c, &i);
    printf("biased=%d revocations=%llu\n", biased(),
           (unsigned long long)rc_chan_bias_revocations());
    /* helper must run on the other thread: main stays busy without yielding */
    rc_go(helper, NULL);
    while (!atomic_load(&helper_done))
        ;
    printf("after revocation: biased=%d revocations=%llu\n", biased(),
           (unsigned long long)rc_chan_bias_revocations());
    for (int i = 0; i < 200; i++) {
        int v;
        rc_chan_send(c, &i);
        rc_chan_recv(c, &v);
    }
    printf("biased again or budget spent=%d revocations=%llu\n",
           biased() || !rc_bias_affordable(), (unsigned long long)rc_chan_bias_revocations());
    return 0;
}
