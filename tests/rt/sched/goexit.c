// rc_goexit ends the calling goroutine from any call depth: the rest of its code never
// runs, other goroutines carry on, and it no longer counts as live.
// STDOUT: before goexit
// STDOUT: others finished: 10
// STDOUT: goroutines=1
// STDOUT-NOT: after goexit
// STDOUT-NOT: unreachable
#include <racecheck.h>
#include <stdio.h>

static rc_chan *done;

static void deep(int n)
{
    if (n == 0) {
        rc_chan_send(done, NULL); /* tell main we got here, then vanish */
        rc_goexit();
    }
    deep(n - 1);
    printf("unreachable\n");
}

static void exiter(void *arg)
{
    printf("before goexit\n");
    deep(5);
    printf("after goexit\n");
}

static void other(void *arg)
{
    for (int i = 0; i < 100; i++)
        rc_yield();
    rc_chan_send(done, NULL);
}

int main(void)
{
    done = rc_chan_make(0, 0);
    rc_go(exiter, NULL);
    rc_chan_recv(done, NULL);
    for (int i = 0; i < 10; i++)
        rc_go(other, NULL);
    for (int i = 0; i < 10; i++)
        rc_chan_recv(done, NULL);
    printf("others finished: 10\n");
    while (rc_numgoroutine() > 1)
        rc_yield();
    printf("goroutines=%d\n", rc_numgoroutine());
    return 0;
}
