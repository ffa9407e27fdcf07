// P1 on mutexes never used before: Transfer(a, b) and Transfer(b, a) each take their
// first lock and wait for the other's, on the first use of both mutexes, while main
// keeps working. Go lets another goroutine unlock a mutex, so a cycle through mutexes
// never seen unlocked by their holder could still be undone; once it has stood for a
// second it is reported, while main still runs (not only at exit or timeout).
// EXIT: 66
// STDERR: WARNING: LOCK ORDER INVERSION (potential deadlock)
// STDERR: WARNING: DEADLOCK
// STDERR: 2 goroutines wait for each other forever: goroutine 2 => M1 => goroutine 3 => M2 => goroutine 2
// STDERR: Goroutine 2 waits in sync.Mutex.Lock for M1, held by goroutine 3:
// STDERR: {{FILE}}:{{LINE:second}}
// STDERR: Goroutine 3 acquired M1 here:
// STDERR: {{FILE}}:{{LINE:first}}
// STDERR: main still running
// STDERR-COUNT: 1 WARNING: DEADLOCK
// STDERR-NOT: GOROUTINE LEAK
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdio.h>

static rc_mutex a, b;
static rc_chan *ready, *go_on;

typedef struct { rc_mutex *from, *to; } transfer_args;

static void transfer(void *arg)
{
    transfer_args *t = arg;
    rc_mutex_lock(t->from); // @first
    rc_chan_send(ready, NULL);
    rc_chan_recv(go_on, NULL);
    rc_mutex_lock(t->to); // @second
    rc_mutex_unlock(t->to);
    rc_mutex_unlock(t->from);
}

int main(void)
{
    ready = rc_chan_make(0, 0);
    go_on = rc_chan_make(0, 0);
    rc_go_copy(transfer, &(transfer_args){ &a, &b }, sizeof(transfer_args));
    rc_go_copy(transfer, &(transfer_args){ &b, &a }, sizeof(transfer_args));
    rc_chan_recv(ready, NULL);
    rc_chan_recv(ready, NULL);
    rc_chan_close(go_on);
    for (int i = 0; i < 300; i++) /* main keeps working */
        rc_sleep(10 * RC_MILLISECOND);
    fprintf(stderr, "main still running\n");
    return 0;
}
