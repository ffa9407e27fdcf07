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

/* Where a dump goes: rc_out (panic.h), or a report's own writer. */
typedef void (*rc_tb_printf)(const char *fmt, ...);

/* A goroutine as a dump prints it, read once: a goroutine may move on while others are
 * being printed. */
typedef struct rc_tb_goroutine {
    int64_t          id, parent_id;     /* parent_id 0: no "created by" */
    bool             is_main;
    bool             elsewhere;         /* running on another thread, stack not had */
    const char      *state;             /* "chan receive", "running", ... */
    int64_t          waited;            /* ns blocked; < 0: not blocked */
    const uintptr_t *pcs;               /* its stack, innermost first */
    int              n, flags;
    uintptr_t        create_pc;         /* the go statement */
    const uintptr_t *created;           /* the whole creation stack, innermost first */
    int              ncreated;          /* 0: only the "created by" site is known */
} rc_tb_goroutine;

/* "goroutine 7 [chan send, 2 minutes]:", its frames, "created by" (traceback.c). */
void rc_tb_print_goroutine(rc_tb_printf out, const rc_tb_goroutine *d);
/* The same for g, with state and stack given; its creation stack from the detector. */
void rc_print_goroutine(const rc_g *g, const char *state, const uintptr_t *pcs, int n,
                        int flags, int64_t now);
/* ", 2 minutes" past a minute (Go); below, ", 1.5 seconds" if always, else "";
 * "" for ns < 0. */
void rc_tb_format_waited(char *b, size_t n, int64_t ns, bool always);

#endif
