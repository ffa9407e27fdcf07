/* asym.c: asymmetric fences (asym.h). */
#include "asym.h"
#include "../diag/panic.h"

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

bool rc_asym_on;

static long membarrier(int cmd)
{
    return syscall(__NR_membarrier, cmd, 0, 0);
}

void rc_asym_init(void)
{
    rc_asym_on = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
}

void rc_asym_heavy(void)
{
    atomic_thread_fence(memory_order_seq_cst);
    if (!rc_asym_on)
        return;
    if (membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) != 0 &&
        (membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) != 0 || /* a fork */
         membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) != 0))
        rc_fatal("membarrier failed while fencing");
}
