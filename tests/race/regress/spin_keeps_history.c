// A goroutine writes x, then spins a million times on one load before main reads x.
// The spin is one run of accesses from one site, so it shares one trace event and the
// write's stack is still in the history when the race is reported (the history holds
// 64K events by default; one event per spin used to push the write out of it and the
// report said "[failed to restore the stack]"). Under load the M5 scenario's spins
// did exactly that.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at 0x
// STDERR: store_x()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR-NOT: failed to restore
// STDERR-COUNT: 1 WARNING:
// STDOUT: spun 1048576
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static int x;
static atomic_int tick, done; /* relaxed: they order nothing */

static __attribute__((noinline)) void store_x(void)
{
    x = 1; // @write
}

static void worker(void *arg)
{
    (void)arg;
    store_x(); // @call
    int n = 0;
    for (int i = 0; i < (1 << 20); i++)
        n += 1 + atomic_load_explicit(&tick, memory_order_relaxed);
    printf("spun %d\n", n);
    atomic_store_explicit(&done, 1, memory_order_relaxed);
}

int main(void)
{
    rc_go(worker, NULL);
    while (!atomic_load_explicit(&done, memory_order_relaxed))
        rc_yield();
    return x - 1; // @read
}
