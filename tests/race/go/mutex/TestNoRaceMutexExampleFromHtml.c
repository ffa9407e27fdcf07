// Port of Go's TestNoRaceMutexExampleFromHtml (runtime/race/testdata/mutex_test.go): the
// Go memory model's example: Unlock in one goroutine happens before the next Lock.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: hello, world
#include "../gotest.h"
#include <stdio.h>

typedef struct { rc_mutex l; const char *a; } env;

static void worker(void *arg)
{
    env *e = arg;
    e->a = "hello, world";
    rc_mutex_unlock(&e->l);
}

int main(void)
{
    env e = { .a = "" };
    rc_mutex_lock(&e.l);
    rc_go(worker, &e);
    rc_mutex_lock(&e.l);
    puts(e.a);
    return 0;
}
