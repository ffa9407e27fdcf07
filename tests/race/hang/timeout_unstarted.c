// RCRACE timeout=1s with a goroutine that never starts: on one P, main spins in a loop
// with no call and no preemption poll, so the goroutine it created stays runnable.
// The dump still gives its whole creation stack, which its creator left it as a
// birth record (race.c: the child makes its own state when it starts).
// ENV: RCMAXPROCS=1
// ENV: RCRACE=timeout=1s
// EXIT: 2
// STDERR: WARNING: TIMEOUT: program still running after 1s
// STDERR: goroutine 1 [running]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:spin}}
// STDERR: goroutine 2 [runnable]:
// STDERR: created by spawn in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: [originating from goroutine 1]:
// STDERR: spawn()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:spawn}}
// STDERR-NOT: waiter ran
#include <racecheck.h>
#include <stdio.h>

#if defined(__x86_64__)
#define SPIN_FOREVER "1: pause; jmp 1b"
#else
#define SPIN_FOREVER "1: b 1b"
#endif

static void waiter(void *arg)
{
    (void)arg;
    fputs("waiter ran\n", stderr);
}

__attribute__((noinline)) static void spawn(void)
{
    rc_go(waiter, NULL); // @go
}

int main(void)
{
    spawn(); // @spawn
    __asm__ volatile(SPIN_FOREVER); // @spin
}
