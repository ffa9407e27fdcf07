// Port of Go's TestNoRaceCase (runtime/race/testdata/mop_test.go): a switch in one
// goroutine does not race with itself.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: y=2
#include "../gotest.h"
#include <stdio.h>

int main(void)
{
    int y = 0;
    for (int x = -1; x <= 1; x++) {
        if (x < 0)
            y = -1;
        else if (x == 0)
            y = 0;
        else if (x > 0)
            y = 1;
    }
    y++;
    printf("y=%d\n", y);
    return 0;
}
