// A goroutine created 12 frames deep: its creation stack is whole in the report
// ("Goroutine N (running) created at:"), every frame from the go statement out to
// main. (A creator deeper than a birth record holds makes the child's state itself:
// race.c.)
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: created at:
// STDERR: nest()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: nest()
// STDERR: {{FILE}}:{{LINE:recurse}}
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: nest()
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:main}}
// STDERR: Found 1 data race(s)
#include <racecheck.h>

long shared; /* not static: -O2 keeps the stores */
static rc_chan *done;

static void writer(void *arg)
{
    (void)arg;
    shared = 1;
    rc_chan_send(done, &(int){1});
}

__attribute__((noinline)) static void nest(int depth)
{
    if (depth > 1) {
        nest(depth - 1); // @recurse
        __asm__ volatile("" ::: "memory"); /* not a tail call */
        return;
    }
    rc_go(writer, NULL); // @go
}

int main(void)
{
    done = rc_chan_make(sizeof(int), 0);
    nest(12); // @main
    shared = 2;
    int v;
    rc_chan_recv(done, &v);
    return 0;
}
