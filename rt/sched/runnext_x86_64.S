/* runnext_x86_64.S: the owner's plain access to its P's runnext slot (sched/runq.c) as
 * restartable sequences (core/rseq.h) for x86-64.
 *
 * rc_g *rc_runnext_swap_(slot, g)   *slot = g; returns the goroutine it held
 * rc_g *rc_runnext_take_(slot)      *slot = NULL if it held one; returns it (or NULL)
 * slot is &p->runnext; the 32-bit guard word follows it at 8 (checked in runq.c). Each
 * commits only while the guard is 0, and returns 1 without touching the slot when it
 * is not: a thief is taking the slot (and has fenced, so no sequence that read a 0
 * guard can commit after it), or the slot is always atomic. */
#if defined(__x86_64__)
#include "../core/rseq_x86_64.h"

RSEQ_BEGIN rc_runnext_swap_
    cmpl $0, 8(%rdi)
    jne .Lswap_guarded
    movq (%rdi), %rax
    movq %rsi, (%rdi)               /* commit */
RSEQ_COMMIT rc_runnext_swap_
    ret
.Lswap_guarded:
    movl $1, %eax
    ret
RSEQ_END rc_runnext_swap_

RSEQ_BEGIN rc_runnext_take_
    cmpl $0, 8(%rdi)
    jne .Ltake_guarded
    movq (%rdi), %rax
    testq %rax, %rax
    jz .Ltake_empty
    movq $0, (%rdi)                 /* commit */
RSEQ_COMMIT rc_runnext_take_
.Ltake_empty:
    ret
.Ltake_guarded:
    movl $1, %eax
    ret
RSEQ_END rc_runnext_take_

    .section .note.GNU-stack,"",@progbits
#endif
