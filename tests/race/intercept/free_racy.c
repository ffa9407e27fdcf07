// free writes the block it frees: a goroutine reads a heap block, main frees it
// unordered with the read. The report's current access is the free, at main's call.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:free}}
// STDERR: Previous read at 0x
// STDERR: reader()
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Location is heap block of size 64 at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:alloc}}
#include <racecheck.h>
#include <stdatomic.h>
#include <stdlib.h>

static atomic_int step; /* relaxed: orders nothing */
static volatile long sink;

static void reader(void *arg)
{
    sink = ((long *)arg)[3]; // @read
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    long *p = malloc(64); // @alloc
    p[3] = 1;
    rc_go(reader, p);
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    free(p); // @free
    return 0;
}
