/* ctx_x86_64.S: rc_mctx_switch and the first-entry trampoline (layout in ctx.h). */
#if defined(__x86_64__)
/* Saves the callee-saved registers and the FP control words on the current stack,
 * stores the stack pointer in *rdi and loads the one saved in *rsi (layout: ctx.h). */
.macro RC_SAVE_AND_SWAP_STACK
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq (%rsi), %rsp
.endm

/* Restores what RC_SAVE_AND_SWAP_STACK saved, from the current stack. */
.macro RC_RESTORE_FRAME
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
.endm

    .text
    .globl rc_mctx_switch
    .type rc_mctx_switch, @function
    .p2align 4
rc_mctx_switch:                      /* rdi = from, rsi = to */
    .cfi_startproc
    RC_SAVE_AND_SWAP_STACK
    RC_RESTORE_FRAME
    ret
    .cfi_endproc
    .size rc_mctx_switch, .-rc_mctx_switch

/* rc_mctx_switch_call(from, to, fn, arg): as rc_mctx_switch, but calls fn(arg) on the
 * destination stack after from is saved and before to is restored. The CFI after the
 * stack switch describes to's saved frame, so an unwind from inside fn continues
 * into the context being resumed. */
    .globl rc_mctx_switch_call
    .type rc_mctx_switch_call, @function
    .p2align 4
rc_mctx_switch_call:                 /* rdi = from, rsi = to, rdx = fn, rcx = arg */
    .cfi_startproc
    RC_SAVE_AND_SWAP_STACK
    .cfi_def_cfa %rsp, 64
    .cfi_offset %rbp, -16
    .cfi_offset %rbx, -24
    .cfi_offset %r12, -32
    .cfi_offset %r13, -40
    .cfi_offset %r14, -48
    .cfi_offset %r15, -56
    movq %rcx, %rdi
    callq *%rdx                      /* sp % 16 == 0 here, as at any saved frame */
    RC_RESTORE_FRAME
    ret
    .cfi_endproc
    .size rc_mctx_switch_call, .-rc_mctx_switch_call

/* First return of a new context lands here with r12 = fn, r13 = arg. The undefined
 * return address ends every unwind (and so every stack trace) at this frame. */
    .globl rc_mctx_trampoline
    .type rc_mctx_trampoline, @function
    .p2align 4
rc_mctx_trampoline:
    .cfi_startproc
    .cfi_undefined rip
    xorl %ebp, %ebp
    movq %r13, %rdi
    callq *%r12
    ud2
    .cfi_endproc
    .size rc_mctx_trampoline, .-rc_mctx_trampoline
    .section .note.GNU-stack,"",@progbits
#endif
