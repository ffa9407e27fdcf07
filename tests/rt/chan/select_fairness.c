// select chooses uniformly among ready cases: two always-ready cases, 100 000 selects,
// each chosen 45%..55% of the time (about 30 standard deviations of margin), and the
// same for three cases of which one is a send (each 30%..37%), and for forty cases,
// more than one 64-bit draw orders (each 2.25%..2.75% of 200 000, 7 deviations).
// STDOUT: two cases: fair
// STDOUT: three cases: fair
// STDOUT: forty cases: fair
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>

#define N 100000

int main(void)
{
    rc_chan *a = rc_chan_make(sizeof(int), 1), *b = rc_chan_make(sizeof(int), 1);
    int one = 1, v;
    rc_chan_send(a, &one);
    rc_chan_send(b, &one);
    long count[3] = { 0 };
    for (int i = 0; i < N; i++) {
        rc_case cs[] = { rc_recv_case(a, &v), rc_recv_case(b, &v) };
        int k = rc_select(cs, 2);
        count[k]++;
        rc_chan_send(k ? b : a, &one);
    }
    bool fair = count[0] >= N * 45 / 100 && count[0] <= N * 55 / 100;
    printf("two cases: %s (%ld / %ld)\n", fair ? "fair" : "FAIL unfair", count[0], count[1]);

    rc_chan *s = rc_chan_make(sizeof(int), 1); /* empty: a send is always ready */
    count[0] = count[1] = count[2] = 0;
    for (int i = 0; i < N; i++) {
        rc_case cs[] = { rc_recv_case(a, &v), rc_send_case(s, &one), rc_recv_case(b, &v) };
        int k = rc_select(cs, 3);
        count[k]++;
        if (k == 1)
            rc_chan_recv(s, NULL);
        else
            rc_chan_send(k ? b : a, &one);
    }
    fair = true;
    for (int k = 0; k < 3; k++)
        fair &= count[k] >= N * 30 / 100 && count[k] <= N * 37 / 100;
    printf("three cases: %s (%ld / %ld / %ld)\n", fair ? "fair" : "FAIL unfair", count[0],
           count[1], count[2]);

    enum { K = 40, NK = 200000 };
    rc_chan *csk[K];
    rc_case ck[K];
    long countk[K] = { 0 };
    for (int k = 0; k < K; k++) {
        csk[k] = rc_chan_make(sizeof(int), 1);
        rc_chan_send(csk[k], &one);
        ck[k] = rc_recv_case(csk[k], &v);
    }
    for (int i = 0; i < NK; i++) {
        int k = rc_select(ck, K);
        countk[k]++;
        rc_chan_send(csk[k], &one);
    }
    fair = true;
    for (int k = 0; k < K; k++)
        fair &= countk[k] >= NK * 225 / 10000 && countk[k] <= NK * 275 / 10000;
    printf("forty cases: %s (first %ld, last %ld)\n", fair ? "fair" : "FAIL unfair",
           countk[0], countk[K - 1]);
    return 0;
}
