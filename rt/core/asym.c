/* asym.c: asymmetric fences (asym.h). */
#include "asym.h"
#include "../diag/panic.h"

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

bool rc_asym_on;

long rc_membarrier(int cmd)
{
    return syscall(__NR_membarrier, cmd, 0, 0);
}

void rc_membarrier_must(int cmd, int reg, const char *what)
{
    if (rc_membarrier(cmd) != 0 && (rc_membarrier(reg) != 0 || rc_membarrier(cmd) != 0))
        rc_fatal("membarrier failed while fencing %s", what);
}

void rc_asym_init(void)
{
    rc_asym_on = rc_membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
}

void rc_asym_heavy(void)
{
    atomic_thread_fence(memory_order_seq_cst);
    if (rc_asym_on)
        rc_membarrier_must(MEMBARRIER_CMD_PRIVATE_EXPEDITED,
                           MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, "its flags");
}
