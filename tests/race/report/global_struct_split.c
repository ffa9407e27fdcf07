/* A global struct that LLVM splits into one global per field (GlobalOpt's SRA, at -O1
 * and up: the symbols become "visits.0", ...): the report still names the C variable. */
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:race}}
// STDERR: Location is global 'visits' of size
// STDERR-NOT: visits.0
// STDERR: Found 1 data race(s)
#include <racecheck.h>

struct counter {
    long n;
};

static struct counter visits;
static rc_waitgroup wg;

static void visitor(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++)
        visits.n++; // @race
    rc_waitgroup_done(&wg);
}

int main(void)
{
    rc_waitgroup_add(&wg, 2);
    rc_go(visitor, NULL);
    rc_go(visitor, NULL);
    rc_waitgroup_wait(&wg);
    return visits.n > 2000;
}
