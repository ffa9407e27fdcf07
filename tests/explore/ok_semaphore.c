/*
 * ok_semaphore.c: scenario N3: a buffered channel of capacity 1 used as a semaphore
 * around a shared counter, with 4 workers; main reads the counter after every worker
 * is done (WaitGroup). Explored for 200 schedules, it must produce no report.
 */
#include <racecheck.h>
#include <stdio.h>

static rc_chan *sem;
static rc_waitgroup wg;
static int counter;

static void worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 5; i++) {
        rc_chan_send(sem, NULL);
        counter++;
        rc_chan_recv(sem, NULL);
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    sem = rc_chan_make(0, 1);
    rc_waitgroup_add(&wg, 4);
    for (int i = 0; i < 4; i++)
        rc_go(worker, NULL);
    rc_waitgroup_wait(&wg);
    printf("counter=%d\n", counter);
    return 0;
}
