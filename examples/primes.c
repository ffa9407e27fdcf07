/*
 * primes.c: the concurrent prime sieve from Go's tour, on racecheck's runtime.
 * A generator goroutine feeds 2, 3, 4, ... into a chain of filter goroutines, one per
 * prime found; each filter passes on the numbers its prime does not divide.
 */
#include <racecheck.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { rc_chan *in, *out; int prime; } filter_args;

static void generate(void *arg)
{
    rc_chan *ch = arg;
    for (int i = 2;; i++)
        rc_chan_send(ch, &i);
}

static void filter(void *arg)
{
    filter_args *f = arg;
    int v;
    for (;;) {
        rc_chan_recv(f->in, &v);
        if (v % f->prime != 0)
            rc_chan_send(f->out, &v);
    }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 25;
    rc_chan *ch = rc_chan_make(sizeof(int), 0);
    rc_go(generate, ch);
    for (int i = 0; i < n; i++) {
        int prime;
        rc_chan_recv(ch, &prime);
        printf("%d%s", prime, i + 1 < n ? " " : "\n");
        rc_chan *next = rc_chan_make(sizeof(int), 0);
        filter_args f = { ch, next, prime };
        rc_go_copy(filter, &f, sizeof f);
        ch = next;
    }
    return 0; /* as in Go, returning from main ends every goroutine */
}
