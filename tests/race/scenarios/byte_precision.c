// Two goroutines writing adjacent bytes of one word do not race; two writing the
// same byte do (reported once: same pair of sites). The writers' first checks of the
// word often run at the same instant on two CPUs: a word's first record is stored by
// a compare-and-swap (rt/race/access.c), so neither is lost (before it, the race went
// unreported in about one run in a thousand, and this test ran on one P).
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
