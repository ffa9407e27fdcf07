// R16: ConcurrentSlice. Iter() runs a goroutine that sends (index, value) pairs under
// the slice's lock; UpdateOrAppend ranges over Iter() and writes items[i] without the
// lock, with i starting at 1 (off by one): the element it writes is the one Iter's
// goroutine reads next, after the hand-off. Exactly one write and one unordered read,
// in either order: each line appears once in the one report.
// EXIT: 66
// STDERR-COUNT: 1 WARNING: DATA RACE
// STDERR-COUNT: 1 {{FILE}}:{{LINE:update}}
// STDERR-COUNT: 1 {{FILE}}:{{LINE:iterread}}
// STDERR: update_or_append()
// STDERR: Found 1 data race(s)
// STDOUT: items: 5 9 7
#include <racecheck.h>
#include <stdio.h>

typedef struct item {
    int index, value;
} item;

typedef struct cslice {
    rc_mutex mu;
    int      items[16];
    int      n;
} cslice;

static cslice cs = { .items = { 5, 6, 7 }, .n = 3 };

static void iter_body(void *arg)
{
    rc_chan *c = arg;
    rc_mutex_lock(&cs.mu);
    for (int i = 0; i < cs.n; i++) {
        item it = { i, cs.items[i] }; // @iterread
        rc_chan_send(c, &it);
    }
    rc_mutex_unlock(&cs.mu);
    rc_chan_close(c);
    rc_chan_release(c);
}

static rc_chan *iter(void)
{
    rc_chan *c = rc_chan_make(sizeof(item), 0);
    rc_go(iter_body, rc_chan_retain(c));
    return c;
}

/* Replaces the first item equal to old by new, or appends new. */
static __attribute__((noinline)) void update_or_append(int old, int new)
{
    bool found = false;
    int i = 1; /* the bug: should start at 0 */
    rc_chan *c = iter();
    item it;
    while (rc_chan_recv(c, &it)) {
        if (it.value == old) {
            cs.items[i] = new; // @update
            found = true;
        }
        i++;
    }
    rc_chan_release(c);
    if (!found) {
        rc_mutex_lock(&cs.mu);
        cs.items[cs.n++] = new;
        rc_mutex_unlock(&cs.mu);
    }
}

int main(void)
{
    update_or_append(5, 9);
    printf("items:");
    for (int i = 0; i < cs.n; i++)
        printf(" %d", cs.items[i]);
    printf("\n");
    return 0;
}
