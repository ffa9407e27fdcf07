// RCRACE log_path=stdout: reports and the summary go to stdout.
// ENV: RCRACE=log_path=stdout
// EXIT: 66
// STDOUT: WARNING: DATA RACE
// STDOUT: Write at 0x
// STDOUT: {{FILE}}:{{LINE:write}}
// STDOUT: Previous read at 0x
// STDOUT: {{FILE}}:{{LINE:read}}
// STDOUT: Found 1 data race(s)
// STDERR-NOT: DATA RACE
// STDERR-NOT: Found
#include <racecheck.h>
#include <stdatomic.h>

static int x;
static atomic_int step; /* relaxed: orders nothing */

static void reader(void *arg)
{
    *(int *)arg = x; // @read
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    int seen;
    rc_go(reader, &seen);
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    x = 2; // @write
    return 0;
}
