// A block made by strdup is a heap block allocated at the program's strdup call:
// a race on it says so.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: {{FILE}}:{{LINE:read}}
// STDERR: Previous write at 0x
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Location is heap block of size 6 at 0x
// STDERR-ANY: allocated by goroutine 2:
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:dup}}
#include <racecheck.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static char src[16] = "hello";
static char *_Atomic copy; /* relaxed: orders nothing */
static volatile char sink;

static void writer(void *arg)
{
    (void)arg;
    char *p = strdup(src); // @dup
    p[0] = 'H'; // @write
    atomic_store_explicit(&copy, p, memory_order_relaxed);
}

int main(void)
{
    rc_go(writer, NULL);
    char *p;
    while (!(p = atomic_load_explicit(&copy, memory_order_relaxed)))
        rc_yield();
    sink = p[0]; // @read
    return 0;
}
