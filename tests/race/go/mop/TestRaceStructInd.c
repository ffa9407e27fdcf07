// Port of Go's TestRaceStructInd (runtime/race/testdata/mop_test.go): the goroutine
// assigns the whole struct through a pointer while main writes one field.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { int64_t x, y; } Item;
typedef struct { rc_chan *c; Item *p; } arg;

static void worker(void *v)
{
    const arg *a = v;
    *a->p = (Item){ 0 }; // @g
    rc_chan_send(a->c, &(bool){true});
}

int main(void)
{
    rc_chan *c = rc_chan_make(sizeof(bool), 1);
    Item i = { 0 };
    rc_go_copy(worker, &(arg){ c, &i }, sizeof(arg));
    i.y = 42; // @main
    rc_chan_recv(c, NULL);
    return 0;
}
