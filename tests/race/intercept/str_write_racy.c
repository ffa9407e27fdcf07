// libc's string-writing functions are checked: a goroutine fills buffers with strcpy,
// stpcpy, strncpy, strcat and strncat; main then reads each buffer's first byte with
// a plain load, unordered with the writes. Each is a race whose previous access is
// the libc call, at the goroutine's call site.
// EXIT: 66
// STDERR-COUNT: 5 WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:r0}}
// STDERR: Previous write at 0x
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:strcpy}}
// STDERR: {{FILE}}:{{LINE:stpcpy}}
// STDERR: {{FILE}}:{{LINE:strncpy}}
// STDERR: {{FILE}}:{{LINE:strcat}}
// STDERR: {{FILE}}:{{LINE:strncat}}
// STDERR: Found 5 data race(s)
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static char d[5][16];
static char src[16];
static atomic_int step; /* relaxed: orders nothing */
static volatile char sink;

static void writer(void *arg)
{
    (void)arg;
    strcpy(d[0], src); // @strcpy
    stpcpy(d[1], src); // @stpcpy
    strncpy(d[2], src, 8); // @strncpy
    strcat(d[3], src); // @strcat
    strncat(d[4], src, 2); // @strncat
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    strcpy(src, "hello");
    rc_go(writer, NULL);
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    sink = d[0][0]; // @r0
    sink = d[1][0];
    sink = d[2][0];
    sink = d[3][0];
    sink = d[4][0];
    return 0;
}
