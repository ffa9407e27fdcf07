// R15: a struct holding a mutex is passed by value: each goroutine locks its own copy,
// so the locks exclude nothing and the shared counter races. The relaxed `step`
// (orders nothing) makes the second goroutine increment after the first.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: {{FILE}}:{{LINE:inc}}
// STDERR: Previous write at 0x
// STDERR: {{FILE}}:{{LINE:inc}}
// STDOUT: shared=2
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct holder {
    rc_mutex mu;
    int     *shared;
    int      id;
} holder;

static atomic_int step; /* relaxed: orders nothing */
static rc_waitgroup wg;

static void worker(void *arg)
{
    holder *h = arg; /* the goroutine's own copy, mutex included */
    while (atomic_load_explicit(&step, memory_order_relaxed) < h->id)
        rc_yield();
    rc_mutex_lock(&h->mu);
    (*h->shared)++; // @inc
    rc_mutex_unlock(&h->mu);
    atomic_store_explicit(&step, h->id + 1, memory_order_relaxed);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    holder h = { .shared = calloc(1, sizeof(int)) };
    for (int i = 0; i < 2; i++) {
        h.id = i;
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(worker, &h, sizeof h); /* copies the mutex: the bug */
    }
    rc_waitgroup_wait(&wg);
    printf("shared=%d\n", *h.shared);
    free(h.shared);
    return 0;
}
