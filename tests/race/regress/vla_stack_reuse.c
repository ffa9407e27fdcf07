/* A goroutine's exit forgets the accesses to the part of its stack it used, so the
 * stack's next goroutine does not race with a dead one. A VLA lies below the frame
 * function entry saw: A writes an 8 KiB VLA and exits; B, not ordered after A (main's
 * sleep orders nothing), gets A's stack (one P: the free list is LIFO) and writes the
 * same bytes. Without __rc_stack_alloca the exit kept A's cells there: a false race. */
// ENV: RCMAXPROCS=1
// STDOUT: reused=1
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
#include <racecheck.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

static _Atomic(uintptr_t) seen[2];

static void vla_user(void *arg)
{
    int k = *(int *)arg, n = 8192;
    char buf[n];
    atomic_store_explicit(&seen[k], (uintptr_t)buf, memory_order_relaxed); /* escapes */
    for (int i = 0; i < n; i++)
        buf[i] = (char)i;
}

int main(void)
{
    for (int k = 0; k < 2; k++) {
        rc_go_copy(vla_user, &k, sizeof k);
        rc_sleep(20 * RC_MILLISECOND);
    }
    printf("reused=%d\n", atomic_load(&seen[0]) == atomic_load(&seen[1]));
    return 0;
}
