// Port of Go's TestRaceRange (runtime/race/testdata/mop_test.go): before Go 1.22 a range
// loop has one iteration variable v for the whole loop; the first goroutine reads it
// while the loop writes the next element into it. At -O2 clang hoists the two arms' reads
// of v into one with no line, so the goroutine side is asserted by function.
//
// PENDING (detector bug): missed in about 3% of runs with two Ps (never with one), at -O0
// and -O2, and in 1 run in 4 if the first goroutine is slowed down before its read. When
// the second goroutine (created after main's second write, so ordered after it) reads v
// before the first does, its read is stored over the cell of main's write, because that
// write is ordered before it (rt/race/access.c check_word); the first goroutine, which is
// not ordered after that write, then finds only reads and reports nothing. A cell ordered
// before us may only be replaced by an access at least as strong (a read must not replace
// a write; TSan's IsRWWeakerOrEqual).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:v}}
// STDERR-ANY: worker()
#include "../gotest.h"

enum { N = 2 };

typedef struct { int64_t a[N]; int64_t x, y, v; rc_chan *done; } env;
typedef struct { env *e; int64_t i; } arg;

static void worker(void *p)
{
    const arg *a = p;
    env *e = a->e;
    if (a->i == 0)
        e->x = e->v;
    else
        e->y = e->v;
    rc_chan_send(e->done, &(bool){true});
}

int main(void)
{
    env e = { .done = rc_chan_make(sizeof(bool), N) };
    for (int64_t i = 0; i < N; i++) {
        e.v = e.a[i]; // @v
        rc_go_copy(worker, &(arg){ &e, i }, sizeof(arg));
        rc_yield(); /* the goroutine runs before the loop goes on */
    }
    for (int i = 0; i < N; i++)
        rc_chan_recv(e.done, NULL);
    return 0;
}
