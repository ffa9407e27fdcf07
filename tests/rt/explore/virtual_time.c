// Controlled mode runs on a virtual clock: this program waits 6000 s of timers, sleeps,
// a ticker, an AfterFunc and a context deadline, and finishes at once (without virtual
// time the test would be killed by its timeout). Every channel timer delivers exactly
// its deadline (so, the clock never going back, they fire in deadline order), and a
// sleeper, an AfterFunc and a context deadline run at or after theirs, whatever the
// schedule: the program checks it itself, for the deadlines as they were armed (the
// strategy may move the clock at the start of an arming call).
// ENV: RCSCHED=6
// TIMEOUT: 30
// STDOUT: 4 channel timers fired exactly at their deadlines
// STDOUT: sleeper woke at or after its deadline
// STDOUT: AfterFunc ran at or after its deadline
// STDOUT: 5 ticks, each a whole number of periods after the previous
// STDOUT: context: context deadline exceeded, at or after its deadline
// STDOUT: virtual time elapsed >= 6000 s
#include <racecheck.h>
#include <stdio.h>

#define S 1000000000LL

static rc_chan *events;

static bool sleeper_ok, after_ok;

static void sleeper(void *arg)
{
    int64_t deadline = rc_now() + 2500 * S; /* (rc_sleep's point may only move it later) */
    rc_sleep(2500 * S);
    sleeper_ok = rc_now() >= deadline;
    rc_chan_send(events, NULL);
}

static int64_t af_deadline;
static void after(void *arg)
{
    after_ok = rc_now() >= af_deadline;
    rc_chan_send(events, NULL);
}

int main(void)
{
    int64_t start = rc_now();
    events = rc_chan_make(0, 0);
    rc_go(sleeper, NULL);
    int64_t dur[4] = { 3000 * S, 1000 * S, 2000 * S, 6000 * S };
    int64_t deadline[4];
    rc_timer *t[4];
    for (int i = 0; i < 4; i++) { /* (the clock may move at the call's start, not after) */
        t[i] = rc_timer_new(dur[i]);
        deadline[i] = rc_now() + dur[i];
    }
    rc_timer *af = rc_timer_after_func(1500 * S, after, NULL);
    af_deadline = rc_now() + 1500 * S;

    /* the four channel timers, received in whatever order they fire */
    int exact = 0;
    for (int n = 0; n < 4; n++) {
        rc_case cs[4];
        for (int i = 0; i < 4; i++)
            cs[i] = rc_recv_case(t[i] ? rc_timer_chan(t[i]) : NULL, NULL);
        int64_t v[4];
        for (int i = 0; i < 4; i++)
            cs[i].elem = &v[i];
        int i = rc_select(cs, 4);
        exact += v[i] == deadline[i] && rc_now() >= v[i];
        rc_timer_free(t[i]);
        t[i] = NULL;
    }
    printf("%d channel timers fired exactly at their deadlines\n", exact);
    rc_chan_recv(events, NULL);
    rc_chan_recv(events, NULL);
    rc_timer_free(af);
    printf("sleeper woke at or after its deadline%s\n", sleeper_ok ? "" : ": NO");
    printf("AfterFunc ran at or after its deadline%s\n", after_ok ? "" : ": NO");

    rc_ticker *tk = rc_ticker_new(7 * S);
    int64_t prev;
    rc_chan_recv(rc_ticker_chan(tk), &prev);
    int good = 0;
    for (int i = 0; i < 5; i++) {
        int64_t v;
        rc_chan_recv(rc_ticker_chan(tk), &v);
        /* a slow receiver loses ticks (the channel holds one), never their phase */
        good += v > prev && (v - prev) % (7 * S) == 0;
        prev = v;
    }
    rc_ticker_free(tk);
    printf("%d ticks, each a whole number of periods after the previous\n", good);

    int64_t cd = rc_now() + 30 * S;
    rc_ctx *ctx = rc_ctx_with_timeout(rc_ctx_background(), 30 * S);
    rc_chan_recv(rc_ctx_done(ctx), NULL);
    printf("context: %s, %s\n", rc_ctx_err_string(rc_ctx_err_of(ctx)),
           rc_now() >= cd ? "at or after its deadline" : "EARLY");
    rc_ctx_release(ctx);

    printf("virtual time elapsed %s 6000 s\n", rc_now() - start >= 6000 * S ? ">=" : "<");
    return 0;
}
