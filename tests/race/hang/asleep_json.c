// All goroutines asleep with RCRACE format=json: the fatal error's text stays on
// stderr, and one JSON report of kind "all-goroutines-asleep" lists every goroutine:
// id, state, wait reason, how long it has been blocked, its stack, its creator and
// creation stack (docs/REPORTS.md).
// ENV: RCRACE=format=json strip_path_prefix=/
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 2 [chan send, 
// STDERR: {"schema":"racecheck-report/1","kind":"all-goroutines-asleep","pid":
// STDERR-ANY: "key":"all-goroutines-asleep:
// STDERR-ANY: race/hang/asleep_json.c:{{LINE:main_recv}}"
// STDERR-ANY: "goroutines":[{"id":1,"main":true,"state":"waiting","wait_reason":"chan receive","blocked_ns":
// STDERR-ANY: "stack":[{"function":"main","file":"
// STDERR-ANY: race/hang/asleep_json.c","line":{{LINE:main_recv}},
// STDERR-ANY: "created_by":null},{"id":2,"main":false,"state":"waiting","wait_reason":"chan send","blocked_ns":
// STDERR-ANY: "stack":[{"function":"worker","file":"
// STDERR-ANY: race/hang/asleep_json.c","line":{{LINE:send}},
// STDERR-ANY: "created_by":1,"created_at":[{"function":"start_worker","file":"
// STDERR-ANY: race/hang/asleep_json.c","line":{{LINE:go}},
// STDERR-ANY: race/hang/asleep_json.c","line":{{LINE:call_start}},
// STDERR-ANY: "text":"==================\nfatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive, 
// STDERR-COUNT: 1 {"schema":"racecheck-report/1"
// STDERR-NOT: "kind":"summary"
#include <racecheck.h>

static rc_chan *results, *never;

static void worker(void *arg)
{
    (void)arg;
    int v = 42;
    rc_chan_send(results, &v); // @send
}

__attribute__((noinline)) static void start_worker(void)
{
    rc_go(worker, NULL); // @go
}

int main(void)
{
    results = rc_chan_make(sizeof(int), 0);
    never = rc_chan_make(sizeof(int), 0);
    start_worker(); // @call_start
    int v;
    rc_chan_recv(never, &v); // @main_recv
    return 0;
}
