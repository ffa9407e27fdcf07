// A WaitGroup passed by value (Go's copylocks mistake: `go worker(wg)` with
// `func worker(wg sync.WaitGroup)`): each worker calls Done on its own copy, so the
// caller's counter never drops and its Wait never returns. The results the workers
// write are in their own slots and are never read.
// Verdict: DEADLOCK, main alone on sync.WaitGroup.Wait (the workers have finished); no
// race or leak report.
// EXIT: 2
// STDERR: fatal error: all goroutines are asleep - deadlock!
// STDERR: goroutine 1 [sync.WaitGroup.Wait
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR-NOT: goroutine 2 [
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDOUT-NOT: all done
#include <racecheck.h>
#include <stdio.h>

#define N 3

typedef struct job { int id; rc_waitgroup wg; } job; /* wg copied in: the bug */

static int results[N];

static void worker(void *arg)
{
    job *j = arg;               /* the goroutine's own copy (rc_go_copy) */
    results[j->id] = j->id * 10;
    rc_waitgroup_done(&j->wg);  /* Done on the copy */
}

int main(void)
{
    rc_waitgroup wg = { 0 };
    for (int i = 0; i < N; i++) {
        rc_waitgroup_add(&wg, 1);
        job j = { i, wg };      /* copies the WaitGroup, counter included */
        rc_go_copy(worker, &j, sizeof j);
    }
    rc_waitgroup_wait(&wg); // @wait
    printf("all done\n");
    return 0;
}
