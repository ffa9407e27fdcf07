// Port of Go's TestNoRaceBlockedSendSync (runtime/race/testdata/chan_test.go): a sender
// that blocked on a full buffered channel still happens before the receive of its value.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: 42
#include "../gotest.h"
#include <stdio.h>
#include <stdlib.h>

static void sender(void *arg)
{
    int *i = malloc(sizeof *i); /* escapes, as in Go */
    *i = 42;
    rc_chan_send(arg, &i);
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(int *), 1);
    rc_chan_send(c, &(int *){NULL});
    rc_go(sender, c);
    rc_sleep(10 * RC_MILLISECOND); /* let the sender block; optional */
    rc_chan_recv(c, NULL);
    int *p;
    rc_chan_recv(c, &p);
    if (*p != 42)
        return 1;
    printf("%d\n", *p);
    return 0;
}
