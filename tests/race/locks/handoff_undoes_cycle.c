// A wait-for cycle through a mutex never unlocked before, undone by a third goroutine
// (legal in Go: any goroutine may unlock a mutex): goroutine 2 holds a and waits for b,
// goroutine 3 holds b and waits for a; 100 ms later main unlocks a for goroutine 2,
// and both finish. The cycle stood for less than the confirmation delay (1 s):
// no DEADLOCK (the lock-order inversion is real and is reported).
// EXIT: 66
// STDOUT: both done
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR-NOT: WARNING: DEADLOCK
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

static rc_mutex a, b;
static rc_chan *ready, *go_on, *done;

static void g2(void *arg)
{
    (void)arg;
    rc_mutex_lock(&a);
    rc_chan_send(ready, NULL);
    rc_chan_recv(go_on, NULL);
    rc_mutex_lock(&b);
    rc_mutex_unlock(&b); /* a: main unlocked it for us */
    rc_chan_send(done, NULL);
}

static void g3(void *arg)
{
    (void)arg;
    rc_mutex_lock(&b);
    rc_chan_send(ready, NULL);
    rc_chan_recv(go_on, NULL);
    rc_mutex_lock(&a);
    rc_mutex_unlock(&a);
    rc_mutex_unlock(&b);
    rc_chan_send(done, NULL);
}

int main(void)
{
    ready = rc_chan_make(0, 0);
    go_on = rc_chan_make(0, 0);
    done = rc_chan_make(0, 0);
    rc_go(g2, NULL);
    rc_chan_recv(ready, NULL);
    rc_go(g3, NULL);
    rc_chan_recv(ready, NULL);
    rc_chan_close(go_on);
    rc_sleep(100 * RC_MILLISECOND);
    rc_mutex_unlock(&a);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    printf("both done\n");
    return 0;
}
