/* rseq.c: whether restartable sequences can be used here, and their fence (rseq.h). */
#include "rseq.h"
#include "asym.h"

#include <linux/membarrier.h>
#include <stdatomic.h>
#include <sys/rseq.h>

static _Atomic int ready; /* 0 not known yet, 1 yes, -1 no */

static bool probe(void)
{
#if defined(__x86_64__)
    return __rseq_size >= 20 &&
           rc_membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ) == 0;
#else
    return false; /* no sequences written for this architecture */
#endif
}

bool rc_rseq_ready(void)
{
    int r = atomic_load_explicit(&ready, memory_order_acquire);
    if (r == 0) {
        r = probe() ? 1 : -1;
        atomic_store_explicit(&ready, r, memory_order_release);
    }
    return r > 0;
}

uintptr_t rc_rseq_token(void)
{
#if defined(__x86_64__)
    if (!rc_rseq_ready())
        return 0;
    uintptr_t tp;
    __asm__("movq %%fs:0, %0" : "=r"(tp));
    const struct rseq *rs = (const struct rseq *)(tp + (uintptr_t)__rseq_offset);
    if ((tp & 63) || (int32_t)__atomic_load_n(&rs->cpu_id, __ATOMIC_RELAXED) < 0)
        return 0;
    return tp;
#else
    return 0;
#endif
}

void rc_rseq_fence(void)
{
    rc_membarrier_must(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ,
                       MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ, "restartable sequences");
}
