/* unreachable.h: what the unreachable-goroutine tests (u*.c) share. Each test's
 * start() starts goroutines and drops what they wait on; main then calls scrub() and
 * sleeps while the detector's scan finds them. */
#ifndef UNREACHABLE_H
#define UNREACHABLE_H

#include <racecheck.h>
#include <string.h>

/* A conservative scan reads dead stack slots that later frames leave unwritten: wipe
 * the ones start() used. */
__attribute__((noinline)) static void scrub(void)
{
    volatile char junk[4096];
    memset((char *)junk, 0, sizeof junk);
}

/* Blocks forever in a receive on c, a channel nothing else will reach. */
static inline void lost(void *c)
{
    int v;
    rc_chan_recv(c, &v);
}

#endif
