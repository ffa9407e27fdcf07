// Port of Go's TestRaceSliceString (runtime/race/testdata/mop_test.go): slicing the
// string x reads its header (pointer, length) while the goroutine assigns x. The result's
// pointer is kept in a volatile (Go: _ = x[2:3]) so that C's optimiser keeps the reads,
// as Go's race build does.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR-ANY: {{FILE}}:{{LINE:g}}
// STDERR-ANY: {{FILE}}:{{LINE:main}}
#include "../gotest.h"

typedef struct { const char *ptr; int64_t len; } string;
typedef struct { string x; rc_chan *c; } env;

/* s[lo:hi], with Go's bounds check. */
static string substr(string s, int64_t lo, int64_t hi)
{
    if (lo < 0 || hi < lo || hi > s.len)
        rc_panicf("runtime error: slice bounds out of range [%lld:%lld]", (long long)lo,
                  (long long)hi);
    return (string){ s.ptr + lo, hi - lo };
}

static void worker(void *arg)
{
    env *e = arg;
    e->x = (string){ "world", 5 }; // @g
    rc_chan_send(e->c, &(bool){true});
}

int main(void)
{
    env e = { { "hello", 5 }, rc_chan_make(sizeof(bool), 1) };
    rc_go(worker, &e);
    string r = substr(e.x, 2, 3); /* Go: _ = x[2:3] */ // @main
    const char *volatile keep = r.ptr;
    (void)keep;
    rc_chan_recv(e.c, NULL);
    return 0;
}
