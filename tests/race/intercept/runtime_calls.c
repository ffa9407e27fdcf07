// The runtime's own memcpy/memset calls (channel element copies of a size only known
// at run time) are not checked as the program's accesses: only the program's are.
// Goroutines exchange large values through buffered and unbuffered channels, many
// times, with nothing racy: no report.
// STDOUT: received=2000 checksum_ok=1
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>
#include <string.h>

typedef struct { char bytes[200]; int seq; } msg;

static rc_waitgroup wg;

static void producer(void *arg)
{
    rc_chan *c = arg;
    for (int i = 0; i < 1000; i++) {
        msg m;
        memset(m.bytes, 'a' + i % 26, sizeof m.bytes);
        m.seq = i;
        rc_chan_send(c, &m);
    }
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_chan *buffered = rc_chan_make(sizeof(msg), 8), *unbuffered = rc_chan_make(sizeof(msg), 0);
    rc_waitgroup_add(&wg, 2);
    rc_go(producer, buffered);
    rc_go(producer, unbuffered);
    int received = 0, ok = 1;
    for (int i = 0; i < 1000; i++) {
        msg a, b;
        rc_chan_recv(buffered, &a);
        rc_chan_recv(unbuffered, &b);
        received += 2;
        ok &= a.seq == i && b.seq == i && a.bytes[199] == 'a' + i % 26 &&
              memcmp(a.bytes, b.bytes, sizeof a.bytes) == 0;
    }
    rc_waitgroup_wait(&wg);
    printf("received=%d checksum_ok=%d\n", received, ok);
    return 0;
}
