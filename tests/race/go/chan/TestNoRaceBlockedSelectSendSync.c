// Port of Go's TestNoRaceBlockedSelectSendSync (runtime/race/testdata/chan_test.go): as
// TestNoRaceBlockedSendSync, with the value received in a select.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: 42
#include "../gotest.h"
#include <stdio.h>
#include <stdlib.h>

static void sender(void *arg)
{
    int *i = malloc(sizeof *i);
    *i = 42;
    rc_chan_send(arg, &i);
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int *), 1);
    rc_chan_send(c, &(int *){NULL});
    rc_go(sender, c);
    rc_sleep(10 * RC_MILLISECOND);
    rc_chan_recv(c, NULL);
    int *p;
    rc_chan *never = rc_chan_make(sizeof(int), 0); /* <-make(chan int) */
    rc_case cs[] = { rc_recv_case(c, &p), rc_recv_case(never, NULL) };
    if (rc_select(cs, 2) == 0) {
        if (*p != 42)
            return 1;
        printf("%d\n", *p);
    }
    return 0;
}
