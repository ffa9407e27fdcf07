// A blocked select wakes on the case that became ready, whichever it is, for receive
// and send cases, and its other cases are left untouched (no value lost or taken).
// STDOUT: recv wake-ups: 300 correct
// STDOUT: send wake-ups: 300 correct
// STDOUT: leftover values: 0
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define NC 4
#define ROUNDS 300

static rc_chan *ch[NC], *req;

/* Told which channel to act on, acts on it once. */
static void actor(void *arg)
{
    int which;
    while (rc_chan_recv(req, &which)) {
        int v = which * 100;
        if (which >= 0)
            rc_chan_send(ch[which], &v);
        else
            rc_chan_recv(ch[-which - 1], &v);
    }
}

int main(void)
{
    for (int i = 0; i < NC; i++)
        ch[i] = rc_chan_make(sizeof(int), 0);
    req = rc_chan_make(sizeof(int), 1);
    rc_go(actor, NULL);
    int good = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int which = r % NC, v[NC];
        for (int i = 0; i < NC; i++)
            v[i] = -7;
        rc_chan_send(req, &which);
        rc_case cs[NC];
        for (int i = 0; i < NC; i++)
            cs[i] = rc_recv_case(ch[i], &v[i]);
        int k = rc_select(cs, NC);
        bool others = true;
        for (int i = 0; i < NC; i++)
            if (i != k && v[i] != -7)
                others = false;
        good += k == which && v[k] == which * 100 && cs[k].ok && others;
    }
    printf("recv wake-ups: %d %s\n", good, good == ROUNDS ? "correct" : "FAIL");
    good = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int which = r % NC, v[NC];
        for (int i = 0; i < NC; i++)
            v[i] = i;
        int cmd = -which - 1;
        rc_chan_send(req, &cmd);
        rc_case cs[NC];
        for (int i = 0; i < NC; i++)
            cs[i] = rc_send_case(ch[i], &v[i]);
        int k = rc_select(cs, NC);
        good += k == which;
    }
    printf("send wake-ups: %d %s\n", good, good == ROUNDS ? "correct" : "FAIL");
    rc_chan_close(req);
    int left = 0;
    for (int i = 0; i < NC; i++) {
        bool ok;
        left += rc_chan_try_recv(ch[i], NULL, &ok);
    }
    printf("leftover values: %d\n", left);
    return 0;
}
