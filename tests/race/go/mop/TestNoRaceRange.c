// Port of Go's TestNoRaceRange (runtime/race/testdata/mop_test.go): ranging over an
// array and sending each value, in one goroutine: no race. The values are checked on
// the channel.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: 1 2 3
#include "../gotest.h"
#include <stdio.h>

int main(void)
{
    rc_chan *ch = rc_chan_make(sizeof(int64_t), 3);
    int64_t a[] = { 1, 2, 3 };
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
        int64_t v = a[i];
        rc_chan_send(ch, &v);
    }
    rc_chan_close(ch);
    int64_t v;
    while (rc_chan_recv(ch, &v))
        printf("%lld ", (long long)v);
    printf("\n");
    return 0;
}
