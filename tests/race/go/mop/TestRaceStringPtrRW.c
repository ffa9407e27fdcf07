// Port of Go's TestRaceStringPtrRW (runtime/race/testdata/mop_test.go): as
// TestRaceStringRW, through a pointer to the string.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { const char *ptr; int64_t len; } string;
typedef struct { string x; string *p; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    *e->p = (string){ "a", 1 }; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { .ch = rc_chan_make(sizeof(bool), 1) };
    e.p = &e.x;
    rc_go(worker, &e);
    volatile string r = *e.p; /* Go: _ = *p */ // @main
    (void)r;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
