// Port of Go's TestNoRaceChanPtr (runtime/race/testdata/chan_test.go): a message built
// before it is sent may be written by the receiver.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"
#include <stdlib.h>

typedef struct { int x; } msg;

static void sender(void *arg)
{
    msg *m = malloc(sizeof *m);
    m->x = 1;
    rc_chan_send(arg, &m);
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(msg *), 0);
    rc_go(sender, c);
    msg *m;
    rc_chan_recv(c, &m);
    m->x = 2;
    wait_others();
    return 0;
}
