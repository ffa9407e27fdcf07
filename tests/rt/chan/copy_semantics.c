// Values are copied: changing the sender's variable after the send (buffered), or after
// the rendezvous (unbuffered), does not change what the receiver gets, and the receiver
// owns its copy.
// STDOUT: buffered: got {1, first} then {2, second}
// STDOUT: unbuffered: got {3, third}
// STDOUT: closed-buffer value survives: {4, fourth}
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int n; char s[12]; } item;

static rc_chan *c, *ack;

static void unbuf_sender(void *arg)
{
    item it = { 3, "third" };
    rc_chan_send(c, &it);
    /* the receiver already has its copy: scribbling here cannot reach it */
    memset(&it, 0x5a, sizeof it);
    rc_chan_send(ack, NULL);
}

int main(void)
{
    c = rc_chan_make(sizeof(item), 2);
    item it = { 1, "first" };
    rc_chan_send(c, &it);
    it.n = 2;
    strcpy(it.s, "second");
    rc_chan_send(c, &it);
    memset(&it, 0, sizeof it);
    item a, b;
    rc_chan_recv(c, &a);
    rc_chan_recv(c, &b);
    printf("buffered: got {%d, %s} then {%d, %s}\n", a.n, a.s, b.n, b.s);
    rc_chan_release(c);

    c = rc_chan_make(sizeof(item), 0);
    ack = rc_chan_make(0, 0);
    rc_go(unbuf_sender, NULL);
    rc_chan_recv(c, &a);
    rc_chan_recv(ack, NULL);
    printf("unbuffered: got {%d, %s}\n", a.n, a.s);

    rc_chan *d = rc_chan_make(sizeof(item), 1);
    item f = { 4, "fourth" };
    rc_chan_send(d, &f);
    memset(&f, 0xff, sizeof f);
    rc_chan_close(d);
    item g;
    bool ok = rc_chan_recv(d, &g);
    if (!ok) {
        printf("FAIL: value lost at close\n");
        return 1;
    }
    printf("closed-buffer value survives: {%d, %s}\n", g.n, g.s);
    return 0;
}
