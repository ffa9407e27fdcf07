/*
 * bias.h: what every lock biased to a thread shares (bias.c): who may own a bias, the
 * revocation budget, and the revocation itself. Biased Mutexes (bias.c) and channel
 * locks (chan/lock.c) use it; each keeps its own words and states.
 *
 * A lock biased to thread T is taken and released by T with plain stores inside
 * restartable sequences (bias_x86_64.S, core/rseq.h); another thread that wants it
 * first marks it revoking, then calls rc_bias_revoke_wait(T): on return no sequence of
 * T that saw the old bias word can still commit, and everything T wrote is visible.
 */
#ifndef RC_BIAS_H
#define RC_BIAS_H

#include <stdbool.h>
#include <stdint.h>

/* A bias names its owner by the owner's rc_rseq_token() (core/rseq.h): its thread
 * pointer, whose low bits are free for tags; a thread whose token is 0 owns none. */
/* May a new bias be granted: revocations so far cost at most 0.25 ms + 0.5% of the run. */
bool rc_bias_affordable(void);
/* Waits out owner's running sequences (membarrier, unless owner is this thread) and
 * charges the time to the budget. */
void rc_bias_revoke_wait(uintptr_t owner);

#endif
