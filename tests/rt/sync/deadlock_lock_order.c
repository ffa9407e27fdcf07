// D4: two goroutines take two mutexes in opposite order (the dining philosophers);
// main waits in an empty select. Each philosopher first takes its first fork and tells
// main, and only then are both allowed to reach for the second, so the deadlock is
// certain.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [select (no cases)]:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:select}}
// STDERR: goroutine 2 [sync.Mutex.Lock]:
// STDERR: philosopher()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: created by main in goroutine 1
// STDERR: goroutine 3 [sync.Mutex.Lock]:
// STDERR: philosopher()
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR-COUNT: 2 [sync.Mutex.Lock]
#include <racecheck.h>

static rc_mutex fork_a, fork_b;
static rc_chan *took_first, *go_on;

typedef struct { rc_mutex *first, *second; } seat;

static void philosopher(void *arg)
{
    seat *s = arg;
    rc_mutex_lock(s->first);
    rc_chan_send(took_first, NULL);
    rc_chan_recv(go_on, NULL);
    rc_mutex_lock(s->second); // @second
    rc_mutex_unlock(s->second);
    rc_mutex_unlock(s->first);
}

int main(void)
{
    took_first = rc_chan_make(0, 0);
    go_on = rc_chan_make(0, 0);
    seat s1 = { &fork_a, &fork_b }, s2 = { &fork_b, &fork_a };
    rc_go(philosopher, &s1);
    rc_go(philosopher, &s2);
    rc_chan_recv(took_first, NULL);
    rc_chan_recv(took_first, NULL);
    rc_chan_close(go_on);
    rc_select(NULL, 0); // @select
    return 0;
}
