// L2: Map(funcs...) runs each function in a goroutine but reads only one result;
// called 3 times with 3 functions: 6 goroutines leak, all with one stack.
// EXIT: 66
// STDERR: 6 goroutines blocked forever in chan send with this stack
// STDERR: run_one()
// STDERR: {{FILE}}:{{LINE:send}}
// STDERR: Found 6 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING: GOROUTINE LEAK
#include <racecheck.h>

typedef int (*fn)(void);
typedef struct { fn f; rc_chan *out; } job;

static int one(void) { return 1; }
static int two(void) { return 2; }
static int three(void) { return 3; }

static void run_one(void *arg)
{
    job *j = arg;
    int r = j->f();
    rc_chan_send(j->out, &r); // @send
}

static int map_first(fn *fs, int n)
{
    rc_chan *out = rc_chan_make(sizeof(int), 0);
    for (int i = 0; i < n; i++) {
        job j = { fs[i], out };
        rc_go_copy(run_one, &j, sizeof j);
    }
    int r;
    rc_chan_recv(out, &r);
    return r;
}

int main(void)
{
    fn fs[] = { one, two, three };
    int sum = 0;
    for (int k = 0; k < 3; k++)
        sum += map_first(fs, 3);
    return sum > 0 ? 0 : 1;
}
