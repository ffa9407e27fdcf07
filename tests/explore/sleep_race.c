/*
 * sleep_race.c (issue 7, test d): a race hidden behind a sleep. A heartbeat goroutine
 * sleeps 20 ms, then, unless the session was closed meanwhile, records the time of its
 * beat in the session. Closing the session writes the session's last state, then
 * closes `closed`. In the common schedule the close comes first: the heartbeat sees
 * `closed` (a receive from a closed channel: ordered after the close, and so after the
 * write) and writes nothing. Only when the sleeper wins does its write run with
 * nothing ordering it against the close's: a data race on last_beat.
 *
 * Ordinary runs: the close follows the heartbeat's start by microseconds, the sleep
 * lasts 20 ms: measured 0 races in 200 runs under racecheck (2 cores, load average 1.6
 * to 3). Controlled runs: virtual time, where firing the timer
 * early (the clock moving on while main still runs) is one of the schedules.
 */
// Found by exploring (tests/explore/check.sh):
// EXPLORE-KIND: data-race
// EXPLORE-TEXT: WARNING: DATA RACE
// EXPLORE-SITE: {{LINE:beat}}
// EXPLORE-SITE: {{LINE:close}}
#include <racecheck.h>
#include <stdio.h>

typedef struct session {
    long     last_beat; /* written by the heartbeat while open, by close_session after */
    rc_chan *closed;
} session;

static session s;
static rc_waitgroup wg;

static void heartbeat(void *arg)
{
    (void)arg;
    rc_sleep(20 * RC_MILLISECOND);
    bool ok;
    if (!rc_chan_try_recv(s.closed, NULL, &ok))
        s.last_beat = rc_now(); // @beat   still open, it thinks
    rc_waitgroup_done(&wg);
}

static void close_session(void)
{
    s.last_beat = -1; // @close
    rc_chan_close(s.closed);
}

int main(void)
{
    s.closed = rc_chan_make(0, 0);
    rc_waitgroup_add(&wg, 1);
    rc_go(heartbeat, NULL);
    close_session();
    rc_waitgroup_wait(&wg);
    printf("closed: %s\n", s.last_beat == -1 ? "clean" : "late beat");
    return 0;
}
