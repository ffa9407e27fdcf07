// A Cond waited on without a loop: Push appends to a queue and Signals; the consumer
// Waits once instead of `for len(queue) == 0 { cond.Wait() }`. Here the item is pushed
// (and the Signal sent, to nobody) before the consumer starts, so its Wait has nothing
// left to wake it: a Signal is not remembered. Main takes the lock after the consumer
// has released it inside Wait, then returns.
// Verdict: LEAK of the consumer, blocked in sync.Cond.Wait at the Wait line.
// EXIT: 66
// STDOUT: queued=1
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: blocked forever in sync.Cond.Wait
// STDERR: consumer()
// STDERR: {{FILE}}:{{LINE:wait}}
// STDERR: created at:
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:go}}
// STDERR: Found 1 leaked goroutine(s)
// STDERR-COUNT: 1 WARNING:
// STDERR-NOT: DATA RACE
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

static rc_mutex mu;
static rc_cond cond = RC_COND_INIT(&mu);
static int queue[8], queued;
static atomic_int waiting; /* relaxed: orders nothing */

static void push(int v)
{
    rc_mutex_lock(&mu);
    queue[queued++] = v;
    rc_cond_signal(&cond);
    rc_mutex_unlock(&mu);
}

static void consumer(void *arg)
{
    (void)arg;
    rc_mutex_lock(&mu);
    atomic_store_explicit(&waiting, 1, memory_order_relaxed);
    rc_cond_wait(&cond); // @wait
    int v = queue[--queued]; /* never reached */
    rc_mutex_unlock(&mu);
    printf("got %d\n", v);
}

int main(void)
{
    push(42);
    rc_go(consumer, NULL); // @go
    while (!atomic_load_explicit(&waiting, memory_order_relaxed))
        rc_yield();
    rc_mutex_lock(&mu);    /* free again only once the consumer is inside Wait */
    printf("queued=%d\n", queued);
    rc_mutex_unlock(&mu);
    return 0;
}
