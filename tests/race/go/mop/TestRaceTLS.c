// Port of Go's TestRaceTLS (runtime/race/testdata/mop_test.go): a goroutine's local x,
// whose address it sends, is written by it and by the receiver with nothing between:
// the unbuffered send's completion does not order the receiver's later write.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:own}}
// STDERR-ANY: {{FILE}}:{{LINE:other}}
#include "../gotest.h"

typedef struct { rc_chan *comm, *done; } env;

static void owner(void *arg)
{
    env *e = arg;
    int64_t x = 0;
    int64_t *p = &x;
    rc_chan_send(e->comm, &p);
    x = 1; // @own
    rc_chan_recv(e->comm, &p);
    x = *p;
    rc_chan_send(e->done, &(bool){true});
}

static void other(void *arg)
{
    env *e = arg;
    int64_t *p;
    rc_chan_recv(e->comm, &p);
    *p = 2; // @other
    rc_chan_send(e->comm, &p);
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { rc_chan_make(sizeof(int64_t *), 0), rc_chan_make(sizeof(bool), 2) };
    rc_go(owner, &e);
    rc_go(other, &e);
    rc_chan_recv(e.done, NULL);
    rc_chan_recv(e.done, NULL);
    return 0;
}
