/* 100,000 goroutines alive at once under detection (far more than the 256 slots):
 * each works on its own data, hands its result to main over a channel and stays
 * parked until main closes quit. Slots change hands constantly; nothing races, so
 * nothing may be reported, and the detector must not run out of anything. */
// STDOUT: sum 4999950000
// STDERR-NOT: DATA RACE
// TIMEOUT: 300
#include "racecheck.h"

#include <stdio.h>
#include <stdlib.h>

enum { N = 100000 };

static long long *data;
static rc_chan *results, *quit;

static void worker(void *arg)
{
    long i = (long)(intptr_t)arg;
    data[i] = i; /* own word */
    long long v = data[i];
    rc_chan_send(results, &v);
    { int q; rc_chan_recv(quit, &q); }
    data[i] = 0; /* still its own word: main read it before closing quit */
}

int main(void)
{
    data = calloc(N, sizeof *data);
    results = rc_chan_make(sizeof(long long), 0);
    quit = rc_chan_make(sizeof(int), 0);
    for (long i = 0; i < N; i++)
        rc_go(worker, (void *)(intptr_t)i);
    long long sum = 0, v;
    for (long i = 0; i < N; i++) {
        rc_chan_recv(results, &v);
        sum += v;
    }
    for (long i = 0; i < N; i++)
        sum += data[i] - i; /* reads every word: ordered after each send */
    printf("sum %lld\n", sum);
    rc_chan_close(quit);
    return 0;
}
