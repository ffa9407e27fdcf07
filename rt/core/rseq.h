/*
 * rseq.h: restartable sequences and the fence that ends them (rseq.c).
 *
 * A restartable sequence (Linux rseq, registered by glibc for every thread) is a short
 * stretch of code that ends in one plain store; the kernel restarts it at its abort
 * label whenever its thread is preempted, migrated or signalled before that store.
 * rc_rseq_fence() sends every running thread of the process through that restart
 * (membarrier MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ): on return, every sequence that
 * had begun is either committed and visible, or will start again and see whatever the
 * fencing thread wrote before the fence. So a word that such sequences check lets one
 * thread take plain stores away from another at the price of one fence.
 * Users: biased locks (sync/bias.h) and the owner's runnext slot (sched/runq.c).
 */
#ifndef RC_RSEQ_H
#define RC_RSEQ_H

#include <stdbool.h>
#include <stdint.h>

/* Sequences can be used: x86-64 (the only architecture they are written for), glibc's
 * rseq registration, and membarrier's RSEQ command (registered on the first call). */
bool rc_rseq_ready(void);
/* This thread's pointer (64-byte aligned: the low bits are free for tags), or 0 when
 * sequences cannot be used or this thread has no rseq area registered. */
uintptr_t rc_rseq_token(void);
/* Restarts or completes every sequence running in the process (see above); fatal if
 * the kernel refuses. Costs ~1 us, or tens when a thread must be interrupted. */
void rc_rseq_fence(void);

#endif
