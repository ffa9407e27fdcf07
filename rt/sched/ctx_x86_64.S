/* ctx_x86_64.S: rc_mctx_switch and the first-entry trampoline (layout in ctx.h). */
#if defined(__x86_64__)
    .text
    .globl rc_mctx_switch
    .type rc_mctx_switch, @function
    .p2align 4
rc_mctx_switch:                      /* rdi = from, rsi = to */
    .cfi_startproc
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
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .cfi_endproc
    .size rc_mctx_switch, .-rc_mctx_switch

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
