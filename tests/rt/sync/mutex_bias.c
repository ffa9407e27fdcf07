// A Mutex locked many times by one thread becomes biased to it (sync/bias.c); a Lock
// or Unlock from another thread revokes the bias once, and the mutex then works as a
// plain Go mutex: mutual exclusion holds and the data written under the biased lock is
// seen by the other thread.
// ENV: RCMAXPROCS=2
// STDOUT: biased=1 revocations=0
// STDOUT: owner trylock while held=0
// STDOUT: helper on another thread=1
// STDOUT: helper saw data=200
// STDOUT: after revocation: bias=2 revocations=1
// STDOUT: counter=40000
#define _GNU_SOURCE
#include "bias_test.h"
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static rc_mutex mu;
static int data;
static _Atomic int helper_done;
static pid_t main_tid;
static long long counter;
static rc_chan *done;

static void helper(void *arg)
{
    printf("helper on another thread=%d\n", gettid() != main_tid);
    rc_mutex_unlock(&mu); /* main locked it, biased: revokes */
    rc_mutex_lock(&mu);
    printf("helper saw data=%d\n", data);
    rc_mutex_unlock(&mu);
    atomic_store(&helper_done, 1);
}

static void adder(void *arg)
{
    for (int i = 0; i < 10000; i++) {
        rc_mutex_lock(&mu);
        counter++;
        rc_mutex_unlock(&mu);
    }
    rc_chan_send(done, &(int){1});
}

int main(void)
{
    if (!bias_testable())
        return 0;
    main_tid = gettid();
    for (int i = 0; i < 200; i++) {
        rc_mutex_lock(&mu);
        data++;
        rc_mutex_unlock(&mu);
    }
    printf("biased=%d revocations=%llu\n", is_biased(&mu),
           (unsigned long long)rc_mutex_bias_revocations());
    rc_mutex_lock(&mu);
    printf("owner trylock while held=%d\n", rc_mutex_trylock(&mu));
    /* Unlocked by helper, which must run on the other thread: main keeps its own
     * busy without yielding until helper is done. */
    rc_go(helper, NULL);
    while (!atomic_load(&helper_done))
        ;
    printf("after revocation: bias=%d revocations=%llu\n", (int)atomic_load(&mu.bias),
           (unsigned long long)rc_mutex_bias_revocations());
    done = rc_chan_make(sizeof(int), 4);
    for (int i = 0; i < 4; i++)
        rc_go(adder, NULL);
    for (int i = 0; i < 4; i++)
        rc_chan_recv(done, NULL);
    printf("counter=%lld\n", counter);
    return 0;
}
