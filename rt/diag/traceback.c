/*
 * traceback.c: goroutine stacks in Go's layout.
 *
 *   goroutine 7 [chan send, 2 minutes]:
 *   worker()
 *           /src/app/pool.c:31 +0x2d
 *   created by main in goroutine 1
 *           /src/app/pool.c:52 +0x4c
 *
 * Stacks are unwound with libunwind (DWARF CFI, so code without frame pointers works),
 * from the running thread, from a parked goroutine's saved context, or from a signal
 * context. Runtime frames are hidden at the top (the primitive's internals) and at the
 * bottom (goroutine entry, libc's start code below main), as Go hides its runtime:
 * a frame is the runtime's if its source file is under the runtime's source directory
 * (RC_RT_SOURCE_DIR, set by the build), or, lacking debug info, its name starts rc_.
 */
#include "traceback.h"
#include "panic.h"
#include "symbolize.h"

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#include <string.h>
#include <ucontext.h>

#ifndef RC_RT_SOURCE_DIR
#define RC_RT_SOURCE_DIR "/nonexistent/"
#endif

#define MAX_INLINE  16

static int unwind_cursor(unw_cursor_t *c, uintptr_t *pcs, int max)
{
    int n = 0;
    do {
        unw_word_t ip;
        if (unw_get_reg(c, UNW_REG_IP, &ip) < 0 || ip == 0)
            break;
        pcs[n++] = (uintptr_t)ip;
    } while (n < max && unw_step(c) > 0);
    return n;
}

int rc_unwind_current(uintptr_t *pcs, int max)
{
    unw_context_t uc;
    unw_cursor_t c;
    if (unw_getcontext(&uc) < 0 || unw_init_local(&c, &uc) < 0)
        return 0;
    return unwind_cursor(&c, pcs, max);
}

int rc_unwind_ctx(const rc_mctx *ctx, uintptr_t *pcs, int max)
{
    rc_mctx_regs r;
    rc_mctx_regs_of(ctx, &r);
#if defined(__x86_64__)
    unw_context_t uc;
    unw_cursor_t c;
    memset(&uc, 0, sizeof uc);
    greg_t *gr = uc.uc_mcontext.gregs;
    gr[REG_RIP] = (greg_t)r.pc;
    gr[REG_RSP] = (greg_t)r.sp;
    gr[REG_RBP] = (greg_t)r.fp;
    gr[REG_R15] = (greg_t)r.callee[0];
    gr[REG_R14] = (greg_t)r.callee[1];
    gr[REG_R13] = (greg_t)r.callee[2];
    gr[REG_R12] = (greg_t)r.callee[3];
    gr[REG_RBX] = (greg_t)r.callee[4];
    if (unw_init_local(&c, &uc) < 0)
        return 0;
    return unwind_cursor(&c, pcs, max);
#else
    /* frame-pointer walk: fp[0] = caller's fp, fp[1] = return address */
    int n = 0;
    pcs[n++] = r.pc;
    for (uintptr_t *fp = (uintptr_t *)r.fp; fp && n < max; fp = (uintptr_t *)fp[0]) {
        if (!fp[1])
            break;
        pcs[n++] = fp[1];
    }
    return n;
#endif
}

int rc_unwind_signal(void *ucontext, uintptr_t *pcs, int max)
{
    unw_cursor_t c;
    if (unw_init_local2(&c, (unw_context_t *)ucontext, UNW_INIT_SIGNAL_FRAME) < 0)
        return 0;
    return unwind_cursor(&c, pcs, max);
}

/* ---- printing ------------------------------------------------------------------- */

static bool is_runtime_frame(const rc_frame *f)
{
    if (f->file[0])
        return strncmp(f->file, RC_RT_SOURCE_DIR, strlen(RC_RT_SOURCE_DIR)) == 0;
    return strncmp(f->func, "rc_", 3) == 0 || strncmp(f->func, "__rc_", 5) == 0;
}

const char *rc_tb_strip_prefix;

static void print_frame(const rc_frame *f, int flags)
{
    const char *fn = f->func[0] ? f->func : "?";
    const char *file = f->file[0] ? f->file : "?";
    size_t strip = rc_tb_strip_prefix ? strlen(rc_tb_strip_prefix) : 0;
    if (strip && !strncmp(file, rc_tb_strip_prefix, strip))
        file += strip;
    const char *ind1 = (flags & RC_TB_RACE_STYLE) ? "  " : "";
    const char *ind2 = (flags & RC_TB_RACE_STYLE) ? "      " : "\t";
    if (f->inlined)
        rc_out("%s%s(...)\n%s%s:%d\n", ind1, fn, ind2, file, f->line);
    else
        rc_out("%s%s()\n%s%s:%d +0x%lx\n", ind1, fn, ind2, file, f->line,
               (unsigned long)f->offset);
}

void rc_tb_frames(const uintptr_t *pcs, int n, int flags,
                  void (*fn)(const rc_frame *f, void *arg), void *arg)
{
    rc_frame fr[MAX_INLINE];
    bool started = false;
    int shown = 0;
    /* frames after the last user frame are dropped, so hold runtime frames back until
     * a user frame follows them */
    for (int i = 0; i < n; i++) {
        bool exact = i == 0 && (flags & RC_TB_FIRST_EXACT);
        int k = rc_symbolize(pcs[i], !exact, fr, MAX_INLINE);
        for (int j = 0; j < k; j++) {
            bool rt = is_runtime_frame(&fr[j]) && !(flags & RC_TB_SHOW_RUNTIME);
            if (!started && rt)
                continue;
            if (rt) {
                /* a runtime frame below user code: shown only if user code is below it
                 * (e.g. rc_once_do calling the user's function); look ahead */
                bool user_below = false;
                for (int i2 = i + 1; i2 < n && !user_below; i2++) {
                    rc_frame tmp[MAX_INLINE];
                    int k2 = rc_symbolize(pcs[i2], 1, tmp, MAX_INLINE);
                    for (int j2 = 0; j2 < k2; j2++)
                        if (!is_runtime_frame(&tmp[j2]))
                            user_below = true;
                }
                if (!user_below)
                    return;
            }
            started = true;
            if (shown++ == RC_TB_MAX_SHOWN) {
                fn(NULL, arg);
                return;
            }
            fn(&fr[j], arg);
            if ((flags & RC_TB_STOP_AT_MAIN) && !strcmp(fr[j].func, "main"))
                return;
        }
    }
}

static void print_shown(const rc_frame *f, void *arg)
{
    if (f)
        print_frame(f, *(const int *)arg);
    else
        rc_out("...additional frames elided...\n");
}

void rc_print_pcs(const uintptr_t *pcs, int n, int flags)
{
    rc_tb_frames(pcs, n, flags, print_shown, &flags);
}

void rc_print_created_by(uintptr_t pc, int64_t parent)
{
    if (!pc || parent == 0)
        return;
    rc_frame fr[MAX_INLINE];
    int k = rc_symbolize(pc, 1, fr, MAX_INLINE);
    if (k == 0)
        return;
    rc_frame *f = &fr[0];
    rc_out("created by %s in goroutine %lld\n\t%s:%d +0x%lx\n", f->func[0] ? f->func : "?",
           (long long)parent, f->file[0] ? f->file : "?", f->line,
           (unsigned long)fr[k - 1].offset);
}

void rc_print_goroutine_header(const rc_g *g, const char *state, int64_t now)
{
    int64_t minutes = 0;
    if (g->wait_since && now > g->wait_since)
        minutes = (now - g->wait_since) / (60 * (int64_t)1000000000);
    if (minutes >= 1)
        rc_out("goroutine %lld [%s, %lld minutes]:\n", (long long)g->id, state,
               (long long)minutes);
    else
        rc_out("goroutine %lld [%s]:\n", (long long)g->id, state);
}

void rc_print_goroutine(const rc_g *g, const char *state, const uintptr_t *pcs, int n,
                        int flags, int64_t now)
{
    rc_print_goroutine_header(g, state, now);
    if (g->is_main)
        flags |= RC_TB_STOP_AT_MAIN;
    rc_print_pcs(pcs, n, flags);
    rc_print_created_by(g->create_pc, g->parent_id);
}
