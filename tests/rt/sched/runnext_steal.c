// A thief takes a P's runnext while the P's owner may be taking it at the same moment
// (sched/runq.c: the owner's plain stores inside restartable sequences, the thief's
// guard and fence). Main wakes a receiver (it lands in main's runnext), then computes
// for 0 to 195 us before it waits for the receiver's answer: past the 60 us grace the
// idle P's thread steals the receiver, around it the two race for the slot. Every
// value is received once and answered in order, and some receivers ran on the other
// thread.
// ENV: RCMAXPROCS=2
// TIMEOUT: 60
// STDOUT: rounds right=1
// STDOUT: stolen at least once=1
#define _GNU_SOURCE /* gettid */
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 400

static rc_chan *req, *ack;
static _Atomic pid_t main_tid; /* main's thread while it computes */
static long stolen, total;

static void receiver(void *arg)
{
    (void)arg;
    int v;
    while (rc_chan_recv(req, &v)) {
        if (gettid() != main_tid) /* main is computing: we were stolen */
            stolen++;
        total += v;
        rc_chan_send(ack, &v);
    }
}

static void compute(long us)
{
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    do
        clock_gettime(CLOCK_MONOTONIC, &t);
    while ((t.tv_sec - t0.tv_sec) * 1000000 + (t.tv_nsec - t0.tv_nsec) / 1000 < us);
}

int main(void)
{
    req = rc_chan_make(sizeof(int), 0);
    ack = rc_chan_make(sizeof(int), 1); /* the receiver never blocks answering */
    rc_go(receiver, NULL);
    int right = 1;
    for (int i = 0; i < ROUNDS; i++) {
        rc_chan_send(req, &i);
        main_tid = gettid();
        compute((i % 40) * 5);
        int v = -1;
        rc_chan_recv(ack, &v);
        right &= v == i;
    }
    rc_chan_close(req);
    right &= total == (long)ROUNDS * (ROUNDS - 1) / 2;
    printf("rounds right=%d\n", right);
    printf("stolen at least once=%d (%ld of %d)\n", stolen > 0, stolen, ROUNDS);
    return 0;
}
