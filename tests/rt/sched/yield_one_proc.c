// With one P, rc_yield lets the other goroutines run: main spins on a flag another
// goroutine sets (it would hang without the yield), and two goroutines that yield in
// a loop interleave.
// ENV: RCMAXPROCS=1
// STDOUT: flag seen after yielding
// STDOUT: interleaved: yes
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

static _Atomic int flag;
static char trace[64];
static _Atomic int pos;
static rc_chan *done;

static void setter(void *arg) { flag = 1; }

static void looper(void *arg)
{
    char me = *(char *)arg;
    for (int i = 0; i < 10; i++) {
        trace[pos++] = me;
        rc_yield();
    }
    rc_chan_send(done, NULL);
}

int main(void)
{
    rc_go(setter, NULL);
    while (!flag)
        rc_yield();
    printf("flag seen after yielding\n");

    done = rc_chan_make(0, 0);
    char a = 'a', b = 'b';
    rc_go_copy(looper, &a, 1);
    rc_go_copy(looper, &b, 1);
    rc_chan_recv(done, NULL);
    rc_chan_recv(done, NULL);
    int switches = 0;
    for (int i = 1; i < pos; i++)
        switches += trace[i] != trace[i - 1];
    /* without yielding, one would run all 10 steps before the other: 1 switch */
    printf("interleaved: %s (%s)\n", switches >= 10 ? "yes" : "FAIL", trace);
    return 0;
}
