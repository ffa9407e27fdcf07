// P2: g() locks m and calls f(), which locks m again: the goroutine waits for itself.
// m was used as a lock before (locked and unlocked by one goroutine), so the report
// comes at the second Lock, while main keeps running. Verdict: PARTIAL DEADLOCK (self)
// at the second Lock, with the stack that took m first.
// EXIT: 66
// STDERR: WARNING: DEADLOCK
// STDERR: Goroutine 2 waits forever in sync.Mutex.Lock for M1, which it holds itself:
// STDERR: f(
// STDERR: {{FILE}}:{{LINE:again}}
// STDERR: g()
// STDERR: {{FILE}}:{{LINE:call}}
// STDERR: M1 acquired here:
// STDERR: g()
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: Goroutine 2 (blocked) created at:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Mutex M1 is global 'm' at 0x
// STDOUT: main still running
// STDERR: Found 1 deadlock(s)
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: LOCK ORDER
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

rc_mutex m;
int counter;

static void f(void)
{
    rc_mutex_lock(&m); // @again
    counter++;
    rc_mutex_unlock(&m);
}

static void g(void *arg)
{
    (void)arg;
    rc_mutex_lock(&m); // @first
    f(); // @call
    rc_mutex_unlock(&m);
}

int main(void)
{
    rc_mutex_lock(&m);
    counter = 1;
    rc_mutex_unlock(&m);
    rc_go(g, NULL); // @go
    /* wait until g is stuck: m stays locked (TryLock never succeeds again) */
    while (rc_mutex_trylock(&m)) {
        rc_mutex_unlock(&m);
        rc_yield();
    }
    for (int i = 0; i < 3; i++) {
        rc_sleep(10 * 1000 * 1000);
        rc_yield();
    }
    printf("main still running\n");
    return 0;
}
