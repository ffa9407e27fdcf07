// AfterFunc runs fn(arg) in a new goroutine (not main's id), after d; a stopped
// AfterFunc never runs.
// STDOUT: fn ran in another goroutine: yes
// STDOUT: arg: 42
// STDOUT: stop: true
// STDOUT: stopped fn ran: no
#include <racecheck.h>
#include <stdio.h>

static rc_chan *ran;
static _Atomic int stopped_ran;

static void fn(void *arg)
{
    int64_t msg[2] = { rc_goid(), *(int *)arg };
    rc_chan_send(ran, msg);
}

static void never(void *arg)
{
    (void)arg;
    stopped_ran = 1;
}

int main(void)
{
    ran = rc_chan_make(sizeof(int64_t[2]), 0);
    int x = 42;
    rc_timer *t = rc_timer_after_func(10 * RC_MILLISECOND, fn, &x);
    if (rc_timer_chan(t) != NULL)
        printf("AfterFunc has a channel\n");
    int64_t msg[2];
    rc_chan_recv(ran, msg);
    printf("fn ran in another goroutine: %s\n", msg[0] != rc_goid() ? "yes" : "no");
    printf("arg: %lld\n", (long long)msg[1]);
    rc_timer_free(t);

    rc_timer *s = rc_timer_after_func(300 * RC_MILLISECOND, never, NULL);
    printf("stop: %s\n", rc_timer_stop(s) ? "true" : "false");
    rc_sleep(400 * RC_MILLISECOND);
    printf("stopped fn ran: %s\n", stopped_ran ? "yes" : "no");
    rc_timer_free(s);
    rc_chan_release(ran);
    return 0;
}
