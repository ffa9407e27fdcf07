// Cond.Signal wakes one waiter at a time, in the order they started waiting.
// ENV: RCMAXPROCS=2
// STDOUT: order=0 1 2 3 4 5 6 7 8 9
#include <racecheck.h>
#include <stdio.h>

#define N 10

static rc_mutex mu;
static rc_cond cond = RC_COND_INIT(&mu);
static int waiting;
static rc_chan *woke;

static void waiter(void *arg)
{
    int id = *(int *)arg;
    rc_mutex_lock(&mu);
    waiting++;
    rc_cond_wait(&cond);
    rc_mutex_unlock(&mu);
    rc_chan_send(woke, &id);
}

int main(void)
{
    woke = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < N; i++) {
        rc_go_copy(waiter, &i, sizeof i);
        /* waiter i holds a ticket once it counted itself under the lock */
        for (;;) {
            rc_mutex_lock(&mu);
            int w = waiting;
            rc_mutex_unlock(&mu);
            if (w == i + 1)
                break;
            rc_yield();
        }
    }
    printf("order=");
    for (int i = 0; i < N; i++) {
        rc_mutex_lock(&mu);
        rc_cond_signal(&cond);
        rc_mutex_unlock(&mu);
        int id;
        rc_chan_recv(woke, &id);
        printf(i ? " %d" : "%d", id);
    }
    printf("\n");
    return 0;
}
