// R12: a doubly linked list: one goroutine pushes back while another removes the
// front. The relaxed `step` (orders nothing) makes the push complete first, so the
// first report is the remover reading the link the pusher wrote.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: list_remove()
// STDERR: {{FILE}}:{{LINE:unlink}}
// STDERR: Previous write at 0x
// STDERR: list_push_back()
// STDERR: {{FILE}}:{{LINE:link}}
// STDOUT: front=2 len=1
#include <racecheck.h>
#include <stdatomic.h>
#include <stdio.h>

typedef struct node {
    struct node *prev, *next;
    int value;
} node;

static node root = { &root, &root, 0 }; /* sentinel: root.next is the front */
static int len;
static node n1 = { 0, 0, 1 }, n2 = { 0, 0, 2 };
static atomic_int step; /* relaxed: orders nothing */
static rc_waitgroup wg;

static __attribute__((noinline)) void list_push_back(node *e)
{
    node *last = root.prev;
    e->prev = last;
    e->next = &root;
    last->next = e; // @link
    root.prev = e;
    len++;
}

static __attribute__((noinline)) void list_remove(node *e)
{
    e->prev->next = e->next; // @unlink
    e->next->prev = e->prev;
    e->prev = e->next = NULL;
    len--;
}

static void pusher(void *arg)
{
    (void)arg;
    list_push_back(&n2);
    atomic_store_explicit(&step, 1, memory_order_relaxed);
    rc_waitgroup_done(&wg);
}

static void remover(void *arg)
{
    (void)arg;
    while (atomic_load_explicit(&step, memory_order_relaxed) < 1)
        rc_yield();
    list_remove(&n1);
    rc_waitgroup_done(&wg);
}

int main(void)
{
    list_push_back(&n1);
    rc_waitgroup_add(&wg, 2);
    rc_go(pusher, NULL);
    rc_go(remover, NULL);
    rc_waitgroup_wait(&wg);
    printf("front=%d len=%d\n", root.next->value, len);
    return 0;
}
