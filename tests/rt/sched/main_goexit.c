// main calls rc_goexit: the program goes on until every other goroutine has finished,
// then dies as Go does.
// EXIT: 2
// STDOUT: worker 1 done
// STDOUT: worker 2 done
// STDOUT: worker 3 done
// STDOUT-NOT: after goexit
// STDERR: fatal error: no goroutines (main called runtime.Goexit) - deadlock!
#include <racecheck.h>
#include <stdio.h>

static rc_chan *turn[4]; /* worker i waits on turn[i-1] and signals turn[i] */

static void worker(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < 200; i++)
        rc_yield();
    if (id > 1)
        rc_chan_recv(turn[id - 1], NULL);
    printf("worker %d done\n", id);
    if (id < 3)
        rc_chan_send(turn[id], NULL);
}

int main(void)
{
    for (int i = 1; i < 3; i++)
        turn[i] = rc_chan_make(0, 0);
    for (int i = 1; i <= 3; i++)
        rc_go_copy(worker, &i, sizeof i);
    rc_goexit();
    printf("after goexit\n");
    return 0;
}
