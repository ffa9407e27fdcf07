// select with more cases than the on-stack arrays hold (the heap path): default with
// nothing ready, the one ready case among 40, blocking on 40 cases (with nil and
// duplicate channels) until one becomes ready, and uniform choice among 20 ready.
// ENV: RCMAXPROCS=2
// STDOUT: 40 empty cases: select_try=-1
// STDOUT: one ready of 40: case 37 v=370
// STDOUT: blocked on 40 cases: woke on case 23 v=2300
// STDOUT: duplicate channel: case 5 or 6 got 55, the other untouched
// STDOUT: 20 ready cases: fair
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define NC 40

static rc_chan *ch[NC];

static void late_sender(void *arg)
{
    for (int i = 0; i < 1000; i++)
        rc_yield();
    int v = 2300;
    rc_chan_send(ch[23], &v);
}

int main(void)
{
    for (int i = 0; i < NC; i++)
        ch[i] = rc_chan_make(sizeof(int), 1);
    int v[NC];
    rc_case cs[NC];
    for (int i = 0; i < NC; i++)
        cs[i] = rc_recv_case(ch[i], &v[i]);
    printf("40 empty cases: select_try=%d\n", rc_select_try(cs, NC));

    int x = 370;
    rc_chan_send(ch[37], &x);
    int k = rc_select(cs, NC);
    printf("one ready of 40: case %d v=%d\n", k, v[k]);

    rc_chan *u[NC];
    for (int i = 0; i < NC; i++) {
        u[i] = i % 7 == 3 ? NULL : rc_chan_make(sizeof(int), 0);
        cs[i] = rc_recv_case(u[i], &v[i]);
    }
    ch[23] = u[23];
    rc_go(late_sender, NULL);
    k = rc_select(cs, NC);
    printf("blocked on 40 cases: woke on case %d v=%d\n", k, v[k]);

    /* the same channel in two cases */
    rc_chan *d = rc_chan_make(sizeof(int), 1);
    for (int i = 0; i < NC; i++) {
        v[i] = -1;
        cs[i] = rc_recv_case(i == 5 || i == 6 ? d : u[i], &v[i]);
    }
    int y = 55;
    rc_chan_send(d, &y);
    k = rc_select(cs, NC);
    bool dup_ok = (k == 5 || k == 6) && v[k] == 55 && v[k == 5 ? 6 : 5] == -1;
    printf("duplicate channel: %s\n", dup_ok ? "case 5 or 6 got 55, the other untouched" : "FAIL");

    enum { READY = 20, N = 100000 };
    long count[NC] = { 0 };
    for (int i = 0; i < NC; i++) {
        cs[i] = rc_recv_case(i < READY ? ch[i] : u[i], &v[i]);
        if (i < READY && i != 23 && rc_chan_len(ch[i]) == 0)
            rc_chan_send(ch[i], &i);
    }
    cs[23] = rc_recv_case(ch[0], &v[23]); /* ch[23] is unbuffered now: a second ch[0] */
    for (int r = 0; r < N; r++) {
        k = rc_select(cs, NC);
        count[k]++;
        rc_chan_send(cs[k].ch, &k);
    }
    /* 21 ready cases (ch[0] twice): about 4762 each, sd 67 */
    bool fair = true;
    for (int i = 0; i < READY; i++)
        fair &= count[i] > 4000 && count[i] < 5600;
    fair &= count[23] > 4000 && count[23] < 5600;
    for (int i = READY; i < NC; i++)
        fair &= i == 23 || count[i] == 0;
    printf("20 ready cases: %s\n", fair ? "fair" : "FAIL unfair");
    return 0;
}
