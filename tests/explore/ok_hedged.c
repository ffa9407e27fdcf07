/*
 * ok_hedged.c: the fixed select_leak.c: both replicas give up when `done` is closed,
 * so whichever answers first, nothing leaks. Explored for 200 schedules, it must
 * produce no report.
 */
#include <racecheck.h>
#include <stdio.h>
#include <time.h>

typedef struct query {
    int      key, io_ms;
    rc_chan *out, *done;
} query;

/* Stands for real I/O (a file read, a DNS lookup): a blocking system call that takes
 * real time, not a runtime sleep, so controlled runs do not skip it (virtual time) and
 * it is one step of the schedule, not millions (a loop of instrumented code would be). */
static void slow_io(int ms)
{
    struct timespec ts = { 0, ms * 1000000L };
    nanosleep(&ts, NULL);
}

/* The primary answers from its cache; the backup recomputes (io_ms of I/O). */
static int answer(int key, int io_ms)
{
    if (io_ms)
        slow_io(io_ms);
    return key * 2;
}

static void replica(void *arg)
{
    query *q = arg;
    int v = answer(q->key, q->io_ms);
    rc_case cases[] = { rc_send_case(q->out, &v), rc_recv_case(q->done, NULL) };
    rc_select(cases, 2);
}

static int lookup(int key)
{
    static query p, b;
    rc_chan *done = rc_chan_make(0, 0);
    p = (query){ key, 0, rc_chan_make(sizeof(int), 0), done };
    b = (query){ key, 10, rc_chan_make(sizeof(int), 0), done };
    rc_go(replica, &p);
    rc_go(replica, &b);
    int v = -1;
    rc_case cases[] = { rc_recv_case(p.out, &v), rc_recv_case(b.out, &v) };
    rc_select(cases, 2);
    rc_chan_close(done);
    return v;
}

int main(void)
{
    printf("lookup: %d\n", lookup(21));
    rc_sleep(20 * RC_MILLISECOND);
    return 0;
}
