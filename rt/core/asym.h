/*
 * asym.h: asymmetric fences, for Dekker-style flags whose one side runs all the time
 * and the other seldom (the detector's per-P caches, the reachability scan's gate).
 *
 * Each side stores its own flag, then loads the other's; one of them must see the
 * other's store. The frequent side orders its store before its load for the compiler
 * only (rc_asym_light); the rare side, after its store, calls rc_asym_heavy, which
 * runs membarrier(PRIVATE_EXPEDITED): every running thread of the process passes a
 * full barrier before it returns. A frequent side's store and load then either both
 * come before that barrier (the store is visible when the rare side loads) or its
 * load comes after it (it sees the rare side's store). Without membarrier (an old
 * kernel, a seccomp filter) the light side fences too.
 */
#ifndef RC_ASYM_H
#define RC_ASYM_H

#include <stdatomic.h>
#include <stdbool.h>

extern bool rc_asym_on; /* membarrier registered: the light side need not fence */

/* Registers for membarrier; once, before any light side runs. */
void rc_asym_init(void);

static inline void rc_asym_light(void)
{
    if (rc_asym_on)
        atomic_signal_fence(memory_order_seq_cst);
    else
        atomic_thread_fence(memory_order_seq_cst);
}

/* The rare side's fence (~1 us; tens when a thread must be interrupted). */
void rc_asym_heavy(void);

/* membarrier(2) command cmd; and the same, fatal (what: for the message) if it fails
 * even after registering again with reg (a fork loses the registration). Also for
 * rseq.c's fence. */
long rc_membarrier(int cmd);
void rc_membarrier_must(int cmd, int reg, const char *what);

#endif
