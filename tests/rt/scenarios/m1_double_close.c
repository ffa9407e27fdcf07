// M1: two workers both close(out) when they finish. Verdict: PANIC "close of closed
// channel" in whichever worker closes second, with its stack. (Both have sent all
// their values before either closes, so no send can hit the closed channel first.)
// EXIT: 2
// STDERR: panic: close of closed channel
// STDERR: [running]:
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:close}}
// STDERR: created by main in goroutine 1
// STDERR: {{FILE}}:{{LINE:go}}
// STDOUT-NOT: all done
#include <racecheck.h>
#include <stdio.h>

static rc_chan *out, *all_sent, *done;

static void worker(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < 3; i++) {
        int v = id * 10 + i;
        rc_chan_send(out, &v);
    }
    rc_chan_recv(all_sent, NULL);
    rc_chan_close(out); // @close
    rc_chan_send(done, NULL);
}

int main(void)
{
    out = rc_chan_make(sizeof(int), 0);
    done = rc_chan_make(0, 2);
    for (int i = 0; i < 2; i++)
        rc_go_copy(worker, &i, sizeof i); // @go
    all_sent = rc_chan_make(0, 0);
    int v;
    for (int i = 0; i < 6; i++)
        rc_chan_recv(out, &v);
    rc_chan_close(all_sent);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    printf("all done\n");
    return 0;
}
