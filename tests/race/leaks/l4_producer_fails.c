// L4: the producer fails early and returns without closing its channel; the consumer
// ranges over it forever.
// EXIT: 66
// STDERR: WARNING: GOROUTINE LEAK
// STDERR: blocked forever in chan receive:
// STDERR: consume()
// STDERR: {{FILE}}:{{LINE:range}}
// STDERR: Found 1 leaked goroutine(s)
#include <racecheck.h>
#include <stdatomic.h>

static rc_chan *items, *produced;
static atomic_int consumed;

static void consume(void *arg)
{
    (void)arg;
    int v;
    while (rc_chan_recv(items, &v)) // @range
        atomic_fetch_add(&consumed, 1);
}

static int produce(int n)
{
    for (int i = 0; i < n; i++) {
        if (i == 3)
            return -1; /* error: returns without rc_chan_close(items) */
        rc_chan_send(items, &i);
    }
    rc_chan_close(items);
    return 0;
}

int main(void)
{
    items = rc_chan_make(sizeof(int), 0);
    produced = rc_chan_make(sizeof(int), 0);
    rc_go(consume, NULL);
    return produce(10) == -1 ? 0 : 1;
}
