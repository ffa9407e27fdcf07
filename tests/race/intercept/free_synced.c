// free after a WaitGroup orders the goroutines' accesses before it, and realloc after
// a channel receive: no report. Blocks freed and reused many times stay quiet too.
// STDOUT: sum=4950
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

static rc_waitgroup wg;
static long total;
static rc_mutex mu;

static void add(void *arg)
{
    long *p = arg;
    rc_mutex_lock(&mu);
    total += p[0];
    rc_mutex_unlock(&mu);
    p[1] = 1;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    long *blocks[100];
    for (long i = 0; i < 100; i++) {
        blocks[i] = malloc(2 * sizeof(long));
        blocks[i][0] = i;
        rc_waitgroup_add(&wg, 1);
        rc_go(add, blocks[i]);
    }
    rc_waitgroup_wait(&wg);
    for (int i = 0; i < 100; i++)
        free(blocks[i]);

    rc_chan *c = rc_chan_make(sizeof(long *), 1);
    long *q = malloc(sizeof(long));
    rc_chan_send(c, &q);
    long *r;
    rc_chan_recv(c, &r);
    r = realloc(r, 1000 * sizeof(long));
    free(r);
    printf("sum=%ld\n", total);
    return 0;
}
