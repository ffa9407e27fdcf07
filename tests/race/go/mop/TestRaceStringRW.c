// Port of Go's TestRaceStringRW (runtime/race/testdata/mop_test.go): main reads the
// string variable s while the goroutine assigns it. A Go string is a header (pointer,
// length), assigned and read as a whole.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { const char *ptr; int64_t len; } string;
typedef struct { string s; rc_chan *ch; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->s = (string){ "abacaba", 7 }; // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { { "", 0 }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    volatile string r = e.s; /* Go: _ = s */ // @main
    (void)r;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
