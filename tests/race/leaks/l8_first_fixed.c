// L8: L1 fixed twice: a buffered channel with room for every replica, and replicas
// that select between sending and a quit channel main closes once it has its answer.
// No goroutine is left blocked: no report.
// STDOUT: buffered 0
// STDOUT: select 0
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

static rc_waitgroup done;
static rc_chan *quit;

static void replica_buffered(void *arg)
{
    rc_chan *answers = arg;
    int id = 0;
    rc_chan_send(answers, &id);
    rc_waitgroup_done(&done);
}

static void replica_select(void *arg)
{
    rc_chan *answers = arg;
    int id = 0;
    int q;
    rc_case c[] = { rc_send_case(answers, &id), rc_recv_case(quit, &q) };
    rc_select(c, 2); /* sends, or gives up when main has its answer */
    rc_waitgroup_done(&done);
}

static int first(void (*replica)(void *), int cap, int replicas)
{
    rc_chan *answers = rc_chan_make(sizeof(int), cap);
    rc_waitgroup_add(&done, replicas);
    for (int i = 0; i < replicas; i++)
        rc_go(replica, answers);
    int id;
    rc_chan_recv(answers, &id);
    return id;
}

int main(void)
{
    printf("buffered %d\n", first(replica_buffered, 3, 3));
    quit = rc_chan_make(sizeof(int), 0);
    printf("select %d\n", first(replica_select, 0, 3));
    rc_chan_close(quit);
    rc_waitgroup_wait(&done); /* only so the test is sure nothing is left running */
    return 0;
}
