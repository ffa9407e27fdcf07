// U4: what the report names, by what the goroutine waits on: a select over channels
// only it knows, a WaitGroup only it knows, and a nil channel. Each is its own report,
// found while main runs.
// EXIT: 66
// STDERR-ANY: WARNING: GOROUTINE LEAK (unreachable channels)
// STDERR-ANY: blocked forever in select:
// STDERR-ANY: WARNING: GOROUTINE LEAK (unreachable sync.WaitGroup)
// STDERR-ANY: blocked forever in sync.WaitGroup.Wait:
// STDERR-ANY: WARNING: GOROUTINE LEAK (nil channel)
// STDERR-ANY: blocked forever in chan receive (nil chan):
// STDERR: main still running
// STDERR: Found 3 leaked goroutine(s)
// STDERR-COUNT: 3 WARNING: GOROUTINE LEAK
#include "unreachable.h"
#include <stdio.h>
#include <stdlib.h>

static void selector(void *arg)
{
    rc_chan **cs = arg;
    int a, b;
    rc_case cases[2] = { { .ch = cs[0], .dir = RC_CASE_RECV, .elem = &a },
                         { .ch = cs[1], .dir = RC_CASE_RECV, .elem = &b } };
    free(cs);
    rc_select(cases, 2);
}

static void waiter(void *wg) { rc_waitgroup_wait(wg); }

static void nil_recv(void *arg)
{
    (void)arg;
    rc_chan_recv(NULL, NULL);
}

__attribute__((noinline)) static void start(void)
{
    rc_chan **cs = malloc(2 * sizeof *cs);
    cs[0] = rc_chan_make(sizeof(int), 0);
    cs[1] = rc_chan_make(sizeof(int), 0);
    rc_go(selector, cs);
    rc_waitgroup *wg = calloc(1, sizeof *wg);
    rc_waitgroup_add(wg, 1);
    rc_go(waiter, wg);
    rc_go(nil_recv, NULL);
}

int main(void)
{
    start();
    scrub();
    for (int i = 0; i < 200; i++)
        rc_sleep(10 * RC_MILLISECOND);
    fprintf(stderr, "main still running\n");
    return 0;
}
