// R14: a context value holds a shared table that two request goroutines both write.
// Carrying a pointer in a context publishes the pointer, not later writes through it.
// The relaxed `step` (orders nothing) makes the second request write after the first.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR: Write at 0x
// STDERR: handle()
// STDERR: {{FILE}}:{{LINE:hit}}
// STDERR: Previous write at 0x
// STDERR: handle()
// STDERR: {{FILE}}:{{LINE:hit}}
// STDOUT: hits=2
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

typedef struct stats {
    int hits[4];
} stats;

static const char stats_key[] = "stats";
static atomic_int step; /* relaxed: orders nothing */
static rc_waitgroup wg;

static __attribute__((noinline)) void handle(rc_ctx *ctx, int req)
{
    stats *st = rc_ctx_value(ctx, stats_key);
    while (atomic_load_explicit(&step, memory_order_relaxed) < req)
        rc_yield();
    st->hits[0]++; // @hit
    atomic_store_explicit(&step, req + 1, memory_order_relaxed);
}

typedef struct req {
    rc_ctx *ctx;
    int     n;
} req;

static void request(void *arg)
{
    req *r = arg;
    handle(r->ctx, r->n);
    rc_ctx_release(r->ctx);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    static stats st;
    rc_ctx *ctx = rc_ctx_with_value(rc_ctx_background(), stats_key, &st);
    for (int i = 0; i < 2; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(request, &(req){ rc_ctx_retain(ctx), i }, sizeof(req));
    }
    rc_waitgroup_wait(&wg);
    printf("hits=%d\n", st.hits[0]);
    rc_ctx_release(ctx);
    return 0;
}
