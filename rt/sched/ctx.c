/* ctx.c: building a new context's first frame (layout in ctx.h). */
#include "ctx.h"

#include <string.h>

void rc_mctx_trampoline(void);

#if defined(__x86_64__)
void rc_mctx_make(rc_mctx *ctx, void *lo, void *hi, void (*fn)(void *), void *arg)
{
    (void)lo;
    /* rc_mctx_switch's ret leaves sp at top, where the trampoline's `call` needs
     * sp % 16 == 0 (the callee then sees 16n + 8, as the ABI requires). */
    uintptr_t top = (uintptr_t)hi & ~(uintptr_t)15;
    uint64_t *f = (uint64_t *)(top - 8 * 8);
    memset(f, 0, 8 * 8);
    f[0] = 0x1f80 | ((uint64_t)0x037f << 32); /* default mxcsr, x87 control word */
    f[3] = (uint64_t)(uintptr_t)arg;           /* r13 */
    f[4] = (uint64_t)(uintptr_t)fn;            /* r12 */
    f[7] = (uint64_t)(uintptr_t)rc_mctx_trampoline;
    ctx->sp = f;
}

void rc_mctx_regs_of(const rc_mctx *ctx, rc_mctx_regs *r)
{
    const uint64_t *f = ctx->sp;
    r->pc = f[7];
    r->sp = (uintptr_t)(f + 8);
    r->fp = f[6];
    for (int i = 0; i < 5; i++)   /* r15, r14, r13, r12, rbx */
        r->callee[i] = f[1 + i];
    r->callee[5] = 0;
}
#elif defined(__aarch64__)
void rc_mctx_make(rc_mctx *ctx, void *lo, void *hi, void (*fn)(void *), void *arg)
{
    (void)lo;
    uint64_t *f = (uint64_t *)((((uintptr_t)hi) & ~(uintptr_t)15) - 176);
    memset(f, 0, 176);
    f[0] = (uint64_t)(uintptr_t)fn;   /* x19 */
    f[1] = (uint64_t)(uintptr_t)arg;  /* x20 */
    f[11] = (uint64_t)(uintptr_t)rc_mctx_trampoline; /* x30 */
    ctx->sp = f;
}

void rc_mctx_regs_of(const rc_mctx *ctx, rc_mctx_regs *r)
{
    const uint64_t *f = ctx->sp;
    r->pc = f[11];
    r->sp = (uintptr_t)f + 176;
    r->fp = f[10];
    for (int i = 0; i < 6; i++)
        r->callee[i] = f[i];
}
#else
#error "racecheck: unsupported architecture (x86-64 and aarch64 only)"
#endif
