/*
 * select_leak.c (issue 7, test c): a leak that needs a select to take its rarer case.
 * A hedged lookup asks the primary (fast: a cached answer) and the backup (slow: it
 * recomputes the answer), takes whichever answers first, then closes `done` so that
 * the other gives up. The backup's send honours `done`; the primary's does not ("the
 * primary always answers first"). When the lookup's select takes its rarer case, the
 * backup's answer, the primary blocks forever in its send: a goroutine leak at exit.
 *
 * Ordinary runs: the backup's recomputation takes 10 ms of I/O, the primary answers at
 * once: measured 0 leaks in 200 runs under racecheck (2 cores, load average 1.6 to 2.7);
 * with 1 ms of computing instead it was 14 in 200. Controlled runs:
 * which runnable goroutine runs first is the strategy's choice.
 */
// Found by exploring (tests/explore/check.sh):
// EXPLORE-KIND: goroutine-leak
// EXPLORE-TEXT: WARNING: GOROUTINE LEAK
// EXPLORE-SITE: {{LINE:leak}}
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

static void primary(void *arg)
{
    query *q = arg;
    int v = answer(q->key, q->io_ms);
    rc_chan_send(q->out, &v); // @leak   (no select on done: the bug)
}

static void backup(void *arg)
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
    rc_go(primary, &p);
    rc_go(backup, &b);
    int v = -1;
    rc_case cases[] = { rc_recv_case(p.out, &v), rc_recv_case(b.out, &v) };
    if (rc_select(cases, 2) == 1) // @select
        printf("lookup: answered by the backup\n");
    rc_chan_close(done);
    return v;
}

int main(void)
{
    printf("lookup: %d\n", lookup(21));
    rc_sleep(20 * RC_MILLISECOND); /* the loser gives up meanwhile (unless it cannot) */
    return 0;
}
