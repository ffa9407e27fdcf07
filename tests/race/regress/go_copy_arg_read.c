// rc_go_copy reads its argument block in the parent, as Go evaluates the arguments
// of a go statement there: `go f(cfg)` while another goroutine writes cfg is a race.
// The copy is the runtime's, so its read is checked through the access hook, in the
// parent, before the child exists (the child's start is no edge for it).
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: Read at 0x
// STDERR: main()
// STDERR: {{FILE}}:{{LINE:spawn}}
// STDERR: Previous write at 0x
// STDERR: writer()
// STDERR: {{FILE}}:{{LINE:write}}
// STDERR: Location is global 'cfg'
// STDERR: Found 1 data race(s)
// STDERR-ANY: by main goroutine:
#include <racecheck.h>

typedef struct config { long limit, retries; } config;

static config cfg = { 10, 3 };
static rc_waitgroup wg;
static rc_chan *written;

static void writer(void *arg)
{
    (void)arg;
    cfg.limit = 20; // @write
    rc_chan_send(written, &(int){1});
}

static void reader(void *arg)
{
    const config *c = arg; /* its own copy */
    (void)c->limit;
    rc_waitgroup_done(&wg);
}

int main(void)
{
    written = rc_chan_make(sizeof(int), 1);
    rc_go(writer, NULL);
    while (rc_chan_len(written) == 0) /* written, but no edge to main */
        rc_yield();
    rc_waitgroup_add(&wg, 1);
    rc_go_copy(reader, &cfg, sizeof cfg); // @spawn
    rc_waitgroup_wait(&wg);
    return 0;
}
