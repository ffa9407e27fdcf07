/* rseq_x86_64.h: assembler macros for a restartable sequence on x86-64 (see rseq.h),
 * included by the .S files that write sequences (sync/bias_x86_64.S,
 * sched/runnext_x86_64.S).
 *
 *     RSEQ_BEGIN name
 *         ...checks, then one plain store: the commit...
 *     RSEQ_COMMIT name
 *         ...return paths...
 *     RSEQ_END name
 *
 * RSEQ_BEGIN opens the global function `name`, arms the sequence (glibc registers each
 * thread's struct rseq at __rseq_offset from the thread pointer; its rseq_cs field, at
 * 8, points to the running sequence's descriptor) and starts the critical section,
 * which RSEQ_COMMIT closes right after the commit store. If the thread is preempted,
 * migrated, signalled or fenced (rc_rseq_fence) in between, the kernel resumes it at
 * the abort label, which arms and starts again. The section itself must leave %rcx
 * (the rseq area) and %r8 (the descriptor) alone; it may jump out of the section
 * before the commit. */
#define RSEQ_SIG 0x53053053 /* glibc's signature for x86 */

.macro RSEQ_BEGIN name
    .section .data.rel.ro.local, "aw"
    .balign 32
.L\name\()_cs:                      /* struct rseq_cs */
    .long 0, 0                      /* version, flags */
    .quad .L\name\()_start, .L\name\()_commit - .L\name\()_start, .L\name\()_abort
    .text
    .globl \name
    .type \name, @function
    .p2align 4
\name:
    .cfi_startproc
    movq __rseq_offset@GOTPCREL(%rip), %rcx
    movq (%rcx), %rcx
    leaq .L\name\()_cs(%rip), %r8
.L\name\()_arm:
    movq %r8, %fs:8(%rcx)           /* rseq->rseq_cs = &descriptor */
.L\name\()_start:
.endm

.macro RSEQ_COMMIT name
.L\name\()_commit:
.endm

.macro RSEQ_END name
    .long RSEQ_SIG                  /* the kernel checks it before jumping to abort */
.L\name\()_abort:
    jmp .L\name\()_arm
    .cfi_endproc
    .size \name, .-\name
.endm
