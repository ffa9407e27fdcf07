// N3: a buffered channel of capacity C used as a semaphore (send to acquire, receive to
// release) around a shared counter. The k-th receive happens before the (k+C)-th send
// completes; with C = 1 that orders every critical section after the previous one.
// The first part uses C = 1 around a plain counter; the second uses C = 3 to limit
// concurrency, each holder writing only the slot of the token it received back.
// STDOUT: total=800 slots=800
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define NG 8
#define ITERS 100

static rc_chan *sem1, *tokens;
static int total;
static int slot_count[3];
static rc_waitgroup wg;

static void counter_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        rc_chan_send(sem1, &(int){ 0 });
        total++;
        rc_chan_recv(sem1, NULL);
    }
    rc_waitgroup_done(&wg);
}

static void slot_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        int t;
        rc_chan_recv(tokens, &t);   /* take a token: at most 3 holders */
        slot_count[t]++;            /* the token's previous holder sent it back */
        rc_chan_send(tokens, &t);
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    sem1 = rc_chan_make(sizeof(int), 1);
    tokens = rc_chan_make(sizeof(int), 3);
    for (int t = 0; t < 3; t++)
        rc_chan_send(tokens, &t);
    for (int i = 0; i < NG; i++) {
        rc_waitgroup_add(&wg, 2);
        rc_go(counter_worker, NULL);
        rc_go(slot_worker, NULL);
    }
    rc_waitgroup_wait(&wg);
    printf("total=%d slots=%d\n", total, slot_count[0] + slot_count[1] + slot_count[2]);
    return 0;
}
