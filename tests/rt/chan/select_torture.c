// select torture: producers and consumers do random selects (random subsets of a
// shared set of buffered and unbuffered channels, random send/receive mixes, with or
// without a default) and every value sent is received exactly once: the count and
// the sum of the values received equal those sent. Consumers block only on every
// open channel (a blocked random subset could stall the run); producers block on
// random subsets.
// TIMEOUT: 120
// STDOUT: sent=320000 received=320000 sums equal
// STDOUT-NOT: FAIL
#include <racecheck.h>
#include <stdio.h>
#include <stdint.h>

#define NCH 6
#define NPROD 8
#define NCONS 8
#define PER 40000

static rc_chan *ch[NCH], *pdone, *results;

typedef struct { long n, sum; } tally;

static uint32_t xrand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void producer(void *arg)
{
    int id = *(int *)arg;
    uint32_t rs = 0x9e3779b9u * (uint32_t)(id + 1);
    long next = (long)id * PER, end = next + PER; /* values next+1 .. end */
    long scratch[NCH];
    while (next < end) {
        rc_case cs[NCH];
        long sendv = next + 1;
        int n = 0;
        uint32_t mask = xrand(&rs) % ((1u << NCH) - 1) + 1;
        for (int i = 0; i < NCH; i++) {
            if (!(mask >> i & 1))
                continue;
            /* a few receive cases too: producers may consume each other's values */
            if (n > 0 && xrand(&rs) % 8 == 0) /* the first is a send: some value moves */
                cs[n] = rc_recv_case(ch[i], &scratch[n]);
            else
                cs[n] = rc_send_case(ch[i], &sendv);
            n++;
        }
        bool dflt = xrand(&rs) % 4 == 0;
        int k = dflt ? rc_select_try(cs, n) : rc_select(cs, n);
        if (k < 0) {
            rc_yield();
        } else if (cs[k].dir == RC_CASE_SEND) {
            next++;
        } else {
            /* received someone's value: put it back with a plain send */
            rc_chan_send(ch[xrand(&rs) % NCH], &scratch[k]);
        }
    }
    rc_chan_send(pdone, NULL);
}

static void consumer(void *arg)
{
    int id = *(int *)arg;
    uint32_t rs = 0x85ebca6bu * (uint32_t)(id + 1);
    bool closed[NCH] = { false };
    int nclosed = 0;
    tally t = { 0, 0 };
    while (nclosed < NCH) {
        rc_case cs[NCH];
        long v[NCH];
        int n = 0;
        uint32_t mask = xrand(&rs) % ((1u << NCH) - 1) + 1;
        bool dflt = xrand(&rs) % 2 == 0;
        for (int i = 0; i < NCH; i++, n++) {
            bool pick = !dflt || (mask >> i & 1);
            cs[n] = rc_recv_case(closed[i] || !pick ? NULL : ch[i], &v[n]);
        }
        int k = dflt ? rc_select_try(cs, n) : rc_select(cs, n);
        if (k < 0) {
            rc_yield();
            continue;
        }
        if (cs[k].ok) {
            t.n++;
            t.sum += v[k];
        } else {
            for (int i = 0; i < NCH; i++)
                if (ch[i] == cs[k].ch && !closed[i]) {
                    closed[i] = true;
                    nclosed++;
                }
        }
    }
    rc_chan_send(results, &t);
}

int main(void)
{
    for (int i = 0; i < NCH; i++)
        ch[i] = rc_chan_make(sizeof(long), i % 3 == 0 ? 0 : (size_t)i * 2);
    pdone = rc_chan_make(0, 0);
    results = rc_chan_make(sizeof(tally), NCONS);
    for (int i = 0; i < NCONS; i++)
        rc_go_copy(consumer, &i, sizeof i);
    for (int i = 0; i < NPROD; i++)
        rc_go_copy(producer, &i, sizeof i);
    for (int i = 0; i < NPROD; i++)
        rc_chan_recv(pdone, NULL);
    for (int i = 0; i < NCH; i++)
        rc_chan_close(ch[i]);
    tally total = { 0, 0 };
    for (int i = 0; i < NCONS; i++) {
        tally t;
        rc_chan_recv(results, &t);
        total.n += t.n;
        total.sum += t.sum;
    }
    long n = (long)NPROD * PER;
    long want = n * (n + 1) / 2;
    printf("sent=%ld received=%ld %s\n", n, total.n,
           total.sum == want ? "sums equal" : "FAIL sums differ");
    return 0;
}
