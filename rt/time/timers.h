/*
 * timers.h: what the time API's files (timers.c, ticker.c) share.
 */
#ifndef RC_TIMERS_H
#define RC_TIMERS_H

#include "racecheck.h"

#include <stdint.h>

/* A fire's non-blocking send of now on a timer channel (capacity 1: a value already
 * waiting stays and this one is dropped). Called on the timer thread. obj is the timer
 * whose arming released it (hooks.h: firing -> acquire(t)).
 *
 * Without a detector the timer thread sends itself. With one, the send is made by a
 * short goroutine that first acquires obj: the detector's hooks need a goroutine, and
 * this way arming -> fire -> receive is one happens-before chain, as in Go. */
void rc_timer_deliver(rc_chan *c, int64_t now, const void *obj);

#endif
