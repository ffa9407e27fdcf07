// The "panic" report's members: the message, fatal or not, the goroutine, its stack,
// and a key of message and innermost frame (so the same panic from the same place is
// one report across schedules). A fatal error (Go's throw), in a controlled run.
// ENV: RCRACE=format=json log_path=stdout
// ENV: RCSCHED=3
// EXIT: 2
// STDERR: fatal error: sync: unlock of unlocked mutex
// STDERR: goroutine 2 [running]:
// STDOUT: "key":"panic:fatal error: sync: unlock of unlocked mutex|{{FILE}}:{{LINE:unlock}}","message":"sync: unlock of unlocked mutex","fatal":true,"goroutine":{"id":2,"name":"goroutine 2","main":false},"stack":[{"function":"bad_unlock","file":"{{FILE}}","line":{{LINE:unlock}}
// STDOUT-NOT: "kind":"data-race"
#include <racecheck.h>
#include <stdio.h>

static rc_mutex mu;

static void bad_unlock(void *arg)
{
    rc_mutex_unlock(&mu); // @unlock
}

int main(void)
{
    rc_chan *done = rc_chan_make(0, 0);
    rc_go(bad_unlock, NULL);
    rc_chan_recv(done, NULL);
    return 0;
}
