/* ctx_aarch64.S: rc_mctx_switch for aarch64 (untested here: no aarch64 machine). Saved
 * frame (176 bytes): x19..x28, x29 (fp), x30 (lr), d8..d15, fpcr. */
#if defined(__aarch64__)
/* Saves the frame on the current stack, stores sp in *x0, loads the sp saved in *x1. */
.macro RC_SAVE_AND_SWAP_STACK
    sub sp, sp, #176
    stp x19, x20, [sp, #0]
    stp x21, x22, [sp, #16]
    stp x23, x24, [sp, #32]
    stp x25, x26, [sp, #48]
    stp x27, x28, [sp, #64]
    stp x29, x30, [sp, #80]
    stp d8, d9, [sp, #96]
    stp d10, d11, [sp, #112]
    stp d12, d13, [sp, #128]
    stp d14, d15, [sp, #144]
    mrs x9, fpcr
    str x9, [sp, #160]
    mov x9, sp
    str x9, [x0]
    ldr x9, [x1]
    mov sp, x9
.endm

/* Restores the frame RC_SAVE_AND_SWAP_STACK saved, from the current stack. */
.macro RC_RESTORE_FRAME
    ldp x19, x20, [sp, #0]
    ldp x21, x22, [sp, #16]
    ldp x23, x24, [sp, #32]
    ldp x25, x26, [sp, #48]
    ldp x27, x28, [sp, #64]
    ldp x29, x30, [sp, #80]
    ldp d8, d9, [sp, #96]
    ldp d10, d11, [sp, #112]
    ldp d12, d13, [sp, #128]
    ldp d14, d15, [sp, #144]
    ldr x9, [sp, #160]
    msr fpcr, x9
    add sp, sp, #176
.endm

    .text
    .globl rc_mctx_switch
    .type rc_mctx_switch, %function
    .p2align 4
rc_mctx_switch:                      /* x0 = from, x1 = to */
    RC_SAVE_AND_SWAP_STACK
    RC_RESTORE_FRAME
    ret
    .size rc_mctx_switch, .-rc_mctx_switch

/* rc_mctx_switch_call(from, to, fn, arg): as rc_mctx_switch, but calls fn(arg) on the
 * destination stack after from is saved and before to is restored. */
    .globl rc_mctx_switch_call
    .type rc_mctx_switch_call, %function
    .p2align 4
rc_mctx_switch_call:                 /* x0 = from, x1 = to, x2 = fn, x3 = arg */
    RC_SAVE_AND_SWAP_STACK
    mov x0, x3
    blr x2
    RC_RESTORE_FRAME
    ret
    .size rc_mctx_switch_call, .-rc_mctx_switch_call

    .globl rc_mctx_trampoline
    .type rc_mctx_trampoline, %function
rc_mctx_trampoline:                  /* x19 = fn, x20 = arg */
    .cfi_startproc
    .cfi_undefined x30
    mov x29, #0
    mov x0, x20
    blr x19
    brk #0
    .cfi_endproc
    .size rc_mctx_trampoline, .-rc_mctx_trampoline
    .section .note.GNU-stack,"",%progbits
#endif
