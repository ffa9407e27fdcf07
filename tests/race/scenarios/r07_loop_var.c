// R7: the loop variable shared by three goroutines: main keeps writing s while they
// read it (Go's `for _, s := range` bug; in C, passing &s). Main waits (relaxed
// counter, orders nothing) until each goroutine has read s before writing it again,
// so the report is always main's write against a goroutine's read; each goroutine
// happens to see its own value, and the race is reported all the same.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Previous read at 0x
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:read}}
// STDOUT: seen=abc
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int nread; /* relaxed: orders nothing */
static char seen[4];
static rc_waitgroup wg;

static void worker(void *arg)
{
    const char *s = *(const char **)arg; // @read
    int i = atomic_fetch_add_explicit(&nread, 1, memory_order_relaxed);
    seen[i] = s[0];
    rc_waitgroup_done(&wg);
}

int main(void)
{
    static const char *const names[] = { "a", "b", "c" };
    const char *s;
    for (int i = 0; i < 3; i++) {
        s = names[i]; // @write
        rc_waitgroup_add(&wg, 1);
        rc_go(worker, &s); /* the bug: every goroutine gets &s */
        while (atomic_load_explicit(&nread, memory_order_relaxed) < i + 1)
            rc_yield();
    }
    rc_waitgroup_wait(&wg);
    printf("seen=%s\n", seen);
    return 0;
}
