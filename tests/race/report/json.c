// RCRACE format=json: each report is one JSON object on one line (docs/REPORTS.md),
// the summary another; no text report. The racy memory is a heap block, so the
// location carries the allocation's stack. strip_path_prefix=/ applies to the JSON's
// file names too.
// ENV: RCRACE=format=json strip_path_prefix=/
// EXIT: 66
// STDERR: {"schema":"racecheck-report/1","kind":"data-race","pid":
// STDERR-ANY: "key":"data-race:
// STDERR-ANY: "access":{"kind":"read","address":"0x
// STDERR-ANY: "size":4,"goroutine":{"id":1,"name":"main goroutine","main":true,"state":"running"},"stack":[{"function":"main","file":"
// STDERR-ANY: "previous":{"kind":"write"
// STDERR-ANY: "goroutine":{"id":2,"name":"goroutine 2","main":false,"state":"finished"},"stack":[{"function":"writer","file":"
// STDERR-ANY: "location":{"kind":"heap","address":"0x
// STDERR-ANY: "allocated_by":{"id":1,"name":"main goroutine","main":true},"stack":[{"function":"main"
// STDERR-ANY: "goroutines":[{"id":2,"name":"goroutine 2","state":"finished","created_at":[{"function":"main"
// STDERR-ANY: report/json.c","line":{{LINE:read}},"pc":"0x
// STDERR-ANY: report/json.c","line":{{LINE:write}},"pc":"0x
// STDERR-ANY: report/json.c","line":{{LINE:alloc}},"pc":"0x
// STDERR-ANY: report/json.c","line":{{LINE:go}},"pc":"0x
// STDERR: {"schema":"racecheck-report/1","kind":"summary","pid":
// STDERR-ANY: ,"data_races":1,"leaked_goroutines":0,"deadlocks":0,"lock_order_inversions":0}
// STDERR-COUNT: 2 {"schema":"racecheck-report/1"
// STDERR-NOT: "file":"/
// STDERR-ANY: "text":"==================\nWARNING: DATA RACE\nRead at 0x
// STDERR-ANY: report/json.c:{{LINE:write}} +0x
// STDERR-NOT: Found
#include <racecheck.h>
#include <stdatomic.h>
#include <stdlib.h>

static volatile int sink;
static atomic_int step; /* relaxed: orders nothing */

static void writer(void *arg)
{
    int *p = arg;
    p[1] = 7; // @write
    atomic_store_explicit(&step, 1, memory_order_relaxed);
}

int main(void)
{
    int *p = calloc(4, sizeof *p); // @alloc
    rc_go(writer, p); // @go
    while (atomic_load_explicit(&step, memory_order_relaxed) == 0)
        rc_yield();
    sink = p[1]; // @read
    return 0;
}
