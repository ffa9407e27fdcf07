// TryLock: succeeds on an unlocked mutex, fails on a locked one (from any goroutine),
// succeeds again after Unlock.
// STDOUT: free=1
// STDOUT: again=0
// STDOUT: other=0
// STDOUT: after_unlock=1
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;
static rc_chan *done;

static void other(void *arg)
{
    int ok = rc_mutex_trylock(&mu);
    printf("other=%d\n", ok);
    rc_chan_send(done, &ok);
}

int main(void)
{
    done = rc_chan_make(sizeof(int), 0);
    printf("free=%d\n", rc_mutex_trylock(&mu));
    printf("again=%d\n", rc_mutex_trylock(&mu));
    rc_go(other, NULL);
    int v;
    rc_chan_recv(done, &v);
    rc_mutex_unlock(&mu);
    printf("after_unlock=%d\n", rc_mutex_trylock(&mu));
    rc_mutex_unlock(&mu);
    return 0;
}
