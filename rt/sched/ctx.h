/*
 * ctx.h: a goroutine's saved machine context and the switch between two of them.
 *
 * A context is just a stack pointer: rc_mctx_switch pushes the callee-saved registers
 * and the FP control words on the current stack, stores sp in *from, loads to->sp and
 * pops the other context's registers. Caller-saved registers are dead across the call
 * by the ABI, so nothing else needs saving. Cost: ~20 instructions, no system call
 * (ucontext's swapcontext makes a sigprocmask system call every time).
 *
 * Saved frame, from the saved sp upwards (x86-64):
 *   [0] mxcsr (4 bytes) | x87 control word (2 bytes), [1] r15, [2] r14, [3] r13,
 *   [4] r12, [5] rbx, [6] rbp, [7] return address
 * (aarch64: x19..x30 and d8..d15, see ctx_aarch64.S.)
 */
#ifndef RC_CTX_H
#define RC_CTX_H

#include <stddef.h>
#include <stdint.h>

typedef struct rc_mctx { void *sp; } rc_mctx;

void rc_mctx_switch(rc_mctx *from, rc_mctx *to);

/* As rc_mctx_switch, and calls fn(arg) on to's stack once from is saved, before to
 * resumes: fn may publish from (e.g. queue it) since nothing runs on it any more. fn
 * runs below to's saved frame, so it must not switch contexts itself. */
void rc_mctx_switch_call(rc_mctx *from, rc_mctx *to, void (*fn)(void *), void *arg);

/* Prepares ctx so that switching to it calls fn(arg) on the stack [lo, hi).
 * fn must not return. */
void rc_mctx_make(rc_mctx *ctx, void *lo, void *hi, void (*fn)(void *), void *arg);

/* Registers of a switched-out context, for unwinding its stack. */
typedef struct rc_mctx_regs { uintptr_t pc, sp, fp; uintptr_t callee[6]; } rc_mctx_regs;
void rc_mctx_regs_of(const rc_mctx *ctx, rc_mctx_regs *out);

#endif
