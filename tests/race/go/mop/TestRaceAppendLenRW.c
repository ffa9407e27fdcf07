// Port of Go's TestRaceAppendLenRW (runtime/race/testdata/mop_test.go): a = append(a, 1)
// assigns the slice header (array, length, capacity) while main reads len(a).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"
#include <stdlib.h>
#include <string.h>

typedef struct { int64_t *array; int64_t len, cap; } ints;
typedef struct { ints a; rc_chan *ch; } env;

static ints make(int64_t n)
{
    int64_t *a = calloc((size_t)(n ? n : 1), sizeof *a);
    if (!a)
        abort();
    return (ints){ a, n, n };
}

/* Go's append(s, v): a full slice grows as growslice does (capacity doubled, the old
 * elements copied into the new array), then v is stored. */
static ints append(ints s, int64_t v)
{
    if (s.len == s.cap) {
        ints g = make(s.cap ? 2 * s.cap : 1);
        if (s.len)
            memmove(g.array, s.array, (size_t)s.len * sizeof *s.array);
        s.array = g.array, s.cap = g.cap;
    }
    s.array[s.len++] = v;
    return s;
}

static void worker(void *arg)
{
    env *e = arg;
    e->a = append(e->a, 1); // @g
    rc_chan_send(e->ch, &(bool){true});
}

int main(void)
{
    env e = { make(0), rc_chan_make(sizeof(bool), 0) };
    rc_go(worker, &e);
    volatile int64_t n = e.a.len; /* Go: _ = len(a) */ // @main
    (void)n;
    rc_chan_recv(e.ch, NULL);
    return 0;
}
