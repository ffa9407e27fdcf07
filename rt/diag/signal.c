/*
 * signal.c: turns a fault in a goroutine's guard page into Go's report
 *
 *   runtime: goroutine stack exceeds 262144-byte limit
 *   runtime: sp=0x7f... stack=[0x7f..., 0x7f...]
 *   fatal error: stack overflow
 *
 *   goroutine 5 [running]:
 *   ...
 *
 * instead of silent corruption. The handler runs on a per-thread alternate signal
 * stack (the faulting stack has no room). Any other fault is not ours: the default
 * action is restored and the fault re-raised, so the program dies as it would have.
 */
#include "panic.h"
#include "traceback.h"
#include "../sched/proc.h"

#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define SIGSTACK_SIZE (256 * 1024)
#define MAIN_GUARD_GAP (1024 * 1024) /* Linux keeps this gap below the main stack */

static bool in_guard(const rc_g *g, uintptr_t addr)
{
    if (!g->stack.lo)
        return false;
    uintptr_t lo = (uintptr_t)g->stack.lo;
    uintptr_t gap = g->is_main ? MAIN_GUARD_GAP : rc_page_size();
    return addr < lo + rc_page_size() && addr + gap >= lo;
}

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    rc_g *g = rc_curg();
    if (!g || !in_guard(g, (uintptr_t)si->si_addr)) {
        signal(sig, SIG_DFL); /* not ours: let it kill the program as usual */
        return;
    }
    uintptr_t sp = 0;
#if defined(__x86_64__)
    sp = (uintptr_t)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
    sp = (uintptr_t)((ucontext_t *)uc)->uc_mcontext.sp;
#endif
    rc_out_lock();
    rc_out_capture_begin(rc_panic_text, sizeof rc_panic_text);
    rc_out("runtime: goroutine stack exceeds %zu-byte limit\n",
           (size_t)(g->stack.hi - g->stack.lo));
    rc_out("runtime: sp=%#lx stack=[%#lx, %#lx]\n", (unsigned long)sp,
           (unsigned long)g->stack.lo, (unsigned long)g->stack.hi);
    rc_out("fatal error: stack overflow\n\n");
    static uintptr_t pcs[4096];
    int n = rc_unwind_signal(uc, pcs, 4096);
    rc_print_goroutine(g, "running", pcs, n, RC_TB_FIRST_EXACT, 0);
    rc_panic_report("stack overflow", true, pcs, n);
    rc_out_unlock();
    _exit(RC_EXIT_PANIC); /* the faulting thread may hold any lock: no exit() */
}

void rc_signal_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void rc_signal_init_thread(rc_m *m)
{
    void *p = mmap(NULL, SIGSTACK_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return; /* no report on overflow, but the program still runs */
    stack_t ss = { .ss_sp = p, .ss_size = SIGSTACK_SIZE, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    m->sigstack = p;
}
