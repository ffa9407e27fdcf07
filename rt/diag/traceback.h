/* traceback.h: unwinding and printing goroutine stacks in Go's layout (traceback.c). */
#ifndef RC_TRACEBACK_H
#define RC_TRACEBACK_H

#include "../sched/sched.h"

#define RC_TB_MAX_DEPTH 256
#define RC_TB_MAX_SHOWN 100 /* frames printed per stack; more are elided */

enum {
    RC_TB_FIRST_EXACT  = 1, /* pcs[0] is a faulting pc, not a return address */
    RC_TB_STOP_AT_MAIN = 2, /* drop frames below main() (libc start code) */
    RC_TB_SHOW_RUNTIME = 4, /* keep runtime frames (debugging the runtime) */
    RC_TB_RACE_STYLE   = 8, /* go -race's indentation ("  f()\n      file:line") */
};

/* Printed file names lose this prefix (RCRACE strip_path_prefix). */
extern const char *rc_tb_strip_prefix;

int  rc_unwind_current(uintptr_t *pcs, int max);
int  rc_unwind_ctx(const rc_mctx *ctx, uintptr_t *pcs, int max);
int  rc_unwind_signal(void *ucontext, uintptr_t *pcs, int max);

void rc_print_pcs(const uintptr_t *pcs, int n, int flags);

/* The frames rc_print_pcs shows for pcs (runtime frames hidden, inlined frames
 * expanded, flags as for rc_print_pcs), innermost first, one call of fn each; past
 * RC_TB_MAX_SHOWN frames, fn(NULL, arg) once and no more. */
struct rc_frame;
void rc_tb_frames(const uintptr_t *pcs, int n, int flags,
                  void (*fn)(const struct rc_frame *f, void *arg), void *arg);
void rc_print_created_by(uintptr_t pc, int64_t parent);
void rc_print_goroutine_header(const rc_g *g, const char *state, int64_t now);
void rc_print_goroutine(const rc_g *g, const char *state, const uintptr_t *pcs, int n,
                        int flags, int64_t now);

#endif
