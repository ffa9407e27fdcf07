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
 *
 * Under the detector (rc_hooks_active set) a dump says more than Go's, in Go's words:
 * how long every blocked goroutine has been blocked, also under a minute
 * ("[chan receive, 1.5 seconds]"; past a minute Go's own ", 2 minutes"), and after
 * "created by" the creator's whole stack at the go statement, as Go prints it with
 * GODEBUG=tracebackancestors:
 *
 *   created by spawn in goroutine 1
 *           /src/app/pool.c:40 +0x1f
 *   [originating from goroutine 1]:
 *   spawn()
 *           /src/app/pool.c:40 +0x1f
 *   main()
 *           /src/app/pool.c:52 +0x4c
 */
#include "traceback.h"
#include "panic.h"
#include "symbolize.h"
#include "../hooks.h"

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#include <stdio.h>
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

static const char *file_of(const rc_frame *f)
{
    const char *file = f->file[0] ? f->file : "?";
    size_t strip = rc_tb_strip_prefix ? strlen(rc_tb_strip_prefix) : 0;
    return strip && !strncmp(file, rc_tb_strip_prefix, strip) ? file + strip : file;
}

static void print_frame(rc_tb_printf out, const rc_frame *f, int flags)
{
    const char *fn = f->func[0] ? f->func : "?";
    const char *file = file_of(f);
    const char *ind1 = (flags & RC_TB_RACE_STYLE) ? "  " : "";
    const char *ind2 = (flags & RC_TB_RACE_STYLE) ? "      " : "\t";
    if (f->inlined)
        out("%s%s(...)\n%s%s:%d\n", ind1, fn, ind2, file, f->line);
    else
        out("%s%s()\n%s%s:%d +0x%lx\n", ind1, fn, ind2, file, f->line,
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

struct shown { rc_tb_printf out; int flags; };

static void print_shown(const rc_frame *f, void *arg)
{
    const struct shown *sh = arg;
    if (f)
        print_frame(sh->out, f, sh->flags);
    else
        sh->out("...additional frames elided...\n");
}

static void print_pcs(rc_tb_printf out, const uintptr_t *pcs, int n, int flags)
{
    struct shown sh = { out, flags };
    rc_tb_frames(pcs, n, flags, print_shown, &sh);
}

void rc_print_pcs(const uintptr_t *pcs, int n, int flags)
{
    print_pcs(rc_out, pcs, n, flags);
}

static void print_created_by(rc_tb_printf out, uintptr_t pc, int64_t parent)
{
    if (!pc || parent == 0)
        return;
    rc_frame fr[MAX_INLINE];
    int k = rc_symbolize(pc, 1, fr, MAX_INLINE);
    if (k == 0)
        return;
    rc_frame *f = &fr[0];
    out("created by %s in goroutine %lld\n\t%s:%d +0x%lx\n", f->func[0] ? f->func : "?",
        (long long)parent, file_of(f), f->line, (unsigned long)fr[k - 1].offset);
}

void rc_tb_format_waited(char *b, size_t n, int64_t ns, bool always)
{
    b[0] = 0;
    if (ns < 0)
        return;
    int64_t minutes = ns / (60 * (int64_t)1000000000);
    if (minutes >= 1) {
        snprintf(b, n, ", %lld minutes", (long long)minutes);
    } else if (always) {
        int64_t ms = ns / 1000000;
        char frac[8] = "";
        if (ms % 1000) {
            snprintf(frac, sizeof frac, ".%03d", (int)(ms % 1000));
            for (size_t l = strlen(frac); frac[l - 1] == '0'; l--)
                frac[l - 1] = 0;
        }
        snprintf(b, n, ", %lld%s seconds", (long long)(ms / 1000), frac);
    }
}

void rc_tb_print_goroutine(rc_tb_printf out, const rc_tb_goroutine *d)
{
    char waited[48];
    rc_tb_format_waited(waited, sizeof waited, d->waited, rc_detector_on());
    out("goroutine %lld [%s%s]:\n", (long long)d->id, d->state, waited);
    if (d->elsewhere)
        out("\tgoroutine running on other thread; stack unavailable\n");
    else
        print_pcs(out, d->pcs, d->n, d->flags | (d->is_main ? RC_TB_STOP_AT_MAIN : 0));
    print_created_by(out, d->create_pc, d->parent_id);
    if (d->ncreated > 0 && d->parent_id != 0) {
        out("[originating from goroutine %lld]:\n", (long long)d->parent_id);
        print_pcs(out, d->created, d->ncreated, RC_TB_STOP_AT_MAIN);
    }
}

void rc_print_goroutine(const rc_g *g, const char *state, const uintptr_t *pcs, int n,
                        int flags, int64_t now)
{
    rc_tb_goroutine d = {
        .id = g->id, .parent_id = g->parent_id, .is_main = g->is_main, .state = state,
        .waited = -1, .pcs = pcs, .n = n, .flags = flags, .create_pc = g->create_pc,
    };
    if (atomic_load(&g->status) == RC_G_WAITING && g->wait_since && now >= g->wait_since)
        d.waited = now - g->wait_since;
    uintptr_t created[RC_TB_MAX_DEPTH];
    const rc_hooks *h = rc_hooks_active;
    if (h && h->creation_stack && g->parent_id != 0) {
        d.ncreated = h->creation_stack(g, created, RC_TB_MAX_DEPTH);
        d.created = created;
    }
    rc_tb_print_goroutine(rc_out, &d);
}
