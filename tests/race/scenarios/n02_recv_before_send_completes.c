// N2: on an unbuffered channel the receive happens before the send completes (Go's
// memory model: "A receive from an unbuffered channel is synchronized before the
// completion of the corresponding send on that channel"). Each round the goroutine
// writes reply[r] and then receives; main sends and then reads reply[r]. The other
// direction rides along: main writes query[r] before the send, the goroutine reads it
// after the receive. 200 rounds, alternating which side reaches the channel first (a
// yield before the send or before the receive), so both the parked-receiver and the
// parked-sender hand-off must carry the edges. (With a buffered channel the reply
// would race: n02_buffered_race.c.)
// Verdict: NO REPORT.
// STDOUT: rounds=200 replies=39800 queries=19900
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define ROUNDS 200

static int reply[ROUNDS], query[ROUNDS];
static long seen;      /* the goroutine's sum of the queries */
static rc_chan *c;

static void worker(void *arg)
{
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        reply[r] = 2 * r;
        if (r % 2)
            rc_yield();
        rc_chan_recv(c, NULL);
        seen += query[r];
    }
    rc_chan_recv(c, NULL); /* publishes seen: main's last send completes after this */
}

int main(void)
{
    c = rc_chan_make(sizeof(int), 0);
    rc_go(worker, NULL);
    long replies = 0;
    for (int r = 0; r < ROUNDS; r++) {
        query[r] = r;
        if (r % 2 == 0)
            rc_yield();
        rc_chan_send(c, &r);
        replies += reply[r];
    }
    rc_chan_send(c, &(int){ 0 });
    printf("rounds=%d replies=%ld queries=%ld\n", ROUNDS, replies, seen);
    return 0;
}
