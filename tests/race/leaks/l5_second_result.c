// L5: the caller returns early after the first result, so the worker blocks forever
// sending its second one.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: blocked forever in chan send:
// STDERR: worker()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>

static void worker(void *arg)
{
    rc_chan *out = arg;
    int a = 1, b = 2;
    rc_chan_send(out, &a);
    rc_chan_send(out, &b); // @second
}

static int fetch(void)
{
    rc_chan *out = rc_chan_make(sizeof(int), 0);
    rc_go(worker, out);
    int a;
    rc_chan_recv(out, &a);
    if (a == 1)
        return -1; /* early return: the second result is never read */
    int b;
    rc_chan_recv(out, &b);
    return a + b;
}

int main(void)
{
    return fetch() == -1 ? 0 : 1;
}
