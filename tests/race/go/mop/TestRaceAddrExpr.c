// Port of Go's TestRaceAddrExpr (runtime/race/testdata/mop_test.go): &a.p.x reads the
// pointer a.p, which the goroutine assigns (the padding puts the fields far apart, as in
// Go). The address is kept in a volatile (Go: _ = &a.p.x).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>

typedef struct { uint8_t pad[256]; int64_t x; } AddrT;
typedef struct { uint8_t pad[512]; AddrT *p; } AddrT2;
typedef struct { AddrT2 a; rc_chan *c; } env;

static AddrT *new_addrt(int64_t x)
{
    AddrT *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->x = x;
    return t;
}

static void worker(void *arg)
{
    env *e = arg;
    e->a.p = new_addrt(43); // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { { .p = new_addrt(42) }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    int64_t *volatile px = &e.a.p->x; // @main
    (void)px;
    rc_chan_recv(e.c, NULL);
    return 0;
}
