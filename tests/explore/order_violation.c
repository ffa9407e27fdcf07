/*
 * order_violation.c (issue 7, test a): an order violation. A server starts the reader
 * goroutine of a new session and only then publishes the session (an atomic pointer:
 * no data race, whatever the order). The reader assumes the session is published
 * before it runs; when the new goroutine runs before its creator's next statement,
 * it finds nothing and panics.
 *
 * Ordinary runs: the creator's store follows rc_go by a microsecond or so, the reader
 * first loads its certificate (5 ms of I/O): measured 0 panics in 200 runs under
 * racecheck (2 cores, load average 1.6 to 2.7); with 0.5 ms of computing there instead,
 * 13 in 200, and with nothing, 51 in 200. Controlled runs: the strategy decides at
 * rc_go whether the child runs first.
 */
// Found by exploring (tests/explore/check.sh):
// EXPLORE-KIND: panic
// EXPLORE-TEXT: panic: reader: session used before it was published
// EXPLORE-SITE: {{LINE:panic}}
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct session {
    int      id;
    rc_chan *inbox;
} session;

static _Atomic(session *) published;
static rc_waitgroup wg;

/* Stands for real I/O (a file read, a DNS lookup): a blocking system call that takes
 * real time, not a runtime sleep, so controlled runs do not skip it (virtual time) and
 * it is one step of the schedule, not millions (a loop of instrumented code would be). */
static void slow_io(int ms)
{
    struct timespec ts = { 0, ms * 1000000L };
    nanosleep(&ts, NULL);
}

static void reader(void *arg)
{
    (void)arg;
    slow_io(5); /* loads its certificate */
    session *s = atomic_load_explicit(&published, memory_order_acquire);
    if (!s)
        rc_panic("reader: session used before it was published"); // @panic
    int msg = s->id;
    rc_chan_send(s->inbox, &msg);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    session *s = calloc(1, sizeof *s);
    s->id = 7;
    s->inbox = rc_chan_make(sizeof(int), 1);
    rc_waitgroup_add(&wg, 1);
    rc_go(reader, NULL);
    atomic_store_explicit(&published, s, memory_order_release); /* too late, sometimes */
    rc_waitgroup_wait(&wg);
    int msg;
    rc_chan_recv(s->inbox, &msg);
    printf("session %d ok\n", msg);
    return 0;
}
