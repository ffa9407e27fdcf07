// Two goroutines writing adjacent bytes of one word do not race; two writing the
// same byte do (reported once: same pair of sites). On one P, so that the four run one
// after another: run at the same instant on several CPUs, two first checks of one
// word can both store into the same empty cell (the shadow is updated without a lock,
// as in TSan), and a writer that finishes before the other's store lands never sees
// it: the race went unreported in about one run in a thousand.
// ENV: RCMAXPROCS=1
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Write at
// STDERR: {{FILE}}:{{LINE:same}}
#include <racecheck.h>
#include <stdio.h>

static unsigned char bytes[8];
static rc_chan *done;

static void low(void *arg)  { for (int i = 0; i < 1000; i++) bytes[0]++; rc_chan_send(done, NULL); }
static void high(void *arg) { for (int i = 0; i < 1000; i++) bytes[1]++; rc_chan_send(done, NULL); }
static void same(void *arg) { for (int i = 0; i < 1000; i++) bytes[5]++; rc_chan_send(done, NULL); } // @same

int main(void)
{
    done = rc_chan_make(0, 0);
    rc_go(low, NULL);
    rc_go(high, NULL);
    rc_go(same, NULL);
    rc_go(same, NULL);
    for (int i = 0; i < 4; i++)
        rc_chan_recv(done, NULL);
    printf("%d %d\n", bytes[0], bytes[1]);
    return 0;
}
