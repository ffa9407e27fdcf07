// Port of Go's TestRaceIntRWGlobalFuncs (runtime/race/testdata/mop_test.go): top-level
// functions reading and writing a global race.
// EXIT: 66
// STDERR: WARNING: DATA RACE
// STDERR: {{FILE}}:{{LINE:r}}
#include "../gotest.h"

int64_t GlobalX, GlobalY;
rc_chan *GlobalCh;

static void GlobalFunc1(void *arg)
{
    GlobalY = GlobalX; // @r
    rc_chan_send(GlobalCh, &(int){1});
}

static void GlobalFunc2(void *arg)
{
    GlobalX = 1;
    rc_chan_send(GlobalCh, &(int){1});
}

int main(void)
{
    GlobalCh = rc_chan_make(sizeof(int), 2);
    rc_go(GlobalFunc1, NULL);
    rc_go(GlobalFunc2, NULL);
    rc_chan_recv(GlobalCh, NULL);
    rc_chan_recv(GlobalCh, NULL);
    return 0;
}
