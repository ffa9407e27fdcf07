/* bias_x86_64.S: the Lock and Unlock of a lock biased to a thread (a Mutex, sync/bias.c;
 * a channel's lock, chan/lock.c) as restartable sequences (core/rseq.h) for x86-64.
 *
 * Each compares the lock's bias word with this thread's (thread pointer | 1) and its
 * 32-bit lock word (at offset 0) with the value it expects, then commits with one
 * plain store. After a revoker has changed the bias word and fenced (rc_rseq_fence),
 * no sequence that read the old bias word can still commit.
 *
 * int rc_mutex_bias_lock_(rc_mutex *m)     state BIASED -> BIASED|1
 * int rc_mutex_bias_unlock_(rc_mutex *m)   state BIASED|1 -> BIASED
 * int rc_chan_bias_lock_(rc_chan *c)       lock CBIASED -> CBIASED|1
 * int rc_chan_bias_unlock_(rc_chan *c)     lock CBIASED|1 -> CBIASED
 * return 1 when committed, 0 when the lock is ours but not in the expected state,
 * -1 when it is not biased to this thread. Layouts: a Mutex's state at 0 and bias at 40
 * (checked in bias.c), a channel's lock at 0 and bias at 8 (checked in lock.c). */
#if defined(__x86_64__)
#include "../core/rseq_x86_64.h"
#define BIASED   0x40000000        /* Mutex state bit, sync/bias.c */
#define CBIASED  2                 /* channel lock bit, chan/lock.c */

/* NAME: the function; BIAS: the bias word's offset; EXPECT/STORE: the lock word before
 * and after. */
.macro RC_BIAS_SEQUENCE name, bias, expect, store
RSEQ_BEGIN \name
    movq %fs:0, %rdx
    orq $1, %rdx                    /* the bias word of a lock biased to us */
    cmpq %rdx, \bias(%rdi)
    jne .L\name\()_notours
    cmpl $\expect, (%rdi)
    jne .L\name\()_busy
    movl $\store, (%rdi)            /* commit */
RSEQ_COMMIT \name
    movl $1, %eax
    ret
.L\name\()_busy:
    xorl %eax, %eax
    ret
.L\name\()_notours:
    movl $-1, %eax
    ret
RSEQ_END \name
.endm

RC_BIAS_SEQUENCE rc_mutex_bias_lock_, 40, BIASED, BIASED|1
RC_BIAS_SEQUENCE rc_mutex_bias_unlock_, 40, BIASED|1, BIASED
RC_BIAS_SEQUENCE rc_chan_bias_lock_, 8, CBIASED, CBIASED|1
RC_BIAS_SEQUENCE rc_chan_bias_unlock_, 8, CBIASED|1, CBIASED

    .section .note.GNU-stack,"",@progbits
#endif
