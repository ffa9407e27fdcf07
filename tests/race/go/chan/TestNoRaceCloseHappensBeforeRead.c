// Port of Go's TestNoRaceCloseHappensBeforeRead (runtime/race/testdata/chan_test.go,
// golang.org/issue/36714): close happens before a select receive that sees the channel
// closed.
// EXIT: 0
// STDERR-NOT: DATA RACE
#include "../gotest.h"
#include <stdio.h>
#include <stdlib.h>

typedef struct { int *loc; rc_chan *write, *read; long seen; } env;

static void reader(void *arg)
{
    env *e = arg;
    rc_case cs[] = { rc_recv_case(e->write, NULL) };
    if (rc_select_try(cs, 1) == 0)
        e->seen = *e->loc;
    rc_chan_close(e->read);
}

static void writer(void *arg)
{
    env *e = arg;
    *e->loc = 1;
    rc_chan_close(e->write);
}

int main(void)
{
    env *es[100];
    long seen = 0;
    for (int i = 0; i < 100; i++) {
        env *e = es[i] = malloc(sizeof *e);
        *e = (env){ malloc(sizeof(int)), rc_chan_make(0, 0), rc_chan_make(0, 0), 0 };
        *e->loc = 0;
        rc_go(reader, e);
        rc_go(writer, e);
        rc_chan_recv(e->read, NULL);
        seen += e->seen;
    }
    wait_others();
    printf("seen=%ld\n", seen);
    return 0;
}
