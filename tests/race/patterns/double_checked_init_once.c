// double_checked_init.c fixed with rc_once (sync.Once): every Do returns after the one
// initialisation has returned, so every reader sees the initialised config. Sixteen
// goroutines get the config concurrently, with no forced order.
// Verdict: NO REPORT.
// STDOUT: loads=1 port_sum=129280 host=localhost
// STDERR-NOT: WARNING:
// STDERR-NOT: Found 
// STDERR-NOT: fatal error
#include <racecheck.h>
#include <stdio.h>

#define N 16

typedef struct { int port; char host[16]; } config_t;

static rc_once once;
static config_t config;
static int loads;
static int ports[N];
static rc_waitgroup wg;

static void load_config(void *arg)
{
    config_t *c = arg;
    c->port = 8080;
    snprintf(c->host, sizeof c->host, "localhost");
    loads++;
}

static const config_t *get_config(void)
{
    rc_once_do(&once, load_config, &config);
    return &config;
}

static void user(void *arg)
{
    int id = *(int *)arg;
    ports[id] = get_config()->port;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        rc_waitgroup_add(&wg, 1);
        rc_go_copy(user, &i, sizeof i);
    }
    rc_waitgroup_wait(&wg);
    int sum = 0;
    for (int i = 0; i < N; i++)
        sum += ports[i];
    printf("loads=%d port_sum=%d host=%s\n", loads, sum, get_config()->host);
    return 0;
}
