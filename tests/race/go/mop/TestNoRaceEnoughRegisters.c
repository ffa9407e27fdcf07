// Port of Go's TestNoRaceEnoughRegisters (runtime/race/testdata/mop_test.go): a deep
// floating-point expression (from erf.go) that may crash reckless instrumentation. The
// result is printed so that the computation is checked too.
// EXIT: 0
// STDERR-NOT: DATA RACE
// STDOUT: S=104831.696250
#include "../gotest.h"
#include <stdio.h>

enum { sa1 = 1, sa2 = 2, sa3 = 3, sa4 = 4, sa5 = 5, sa6 = 6, sa7 = 7, sa8 = 8 };

int main(void)
{
    double s, S;
    s = 3.1415;
    S = 1 + s * (sa1 + s * (sa2 + s * (sa3 + s * (sa4 + s * (sa5 + s * (sa6 + s * (sa7 +
        s * sa8)))))));
    s = S;
    printf("S=%f\n", s);
    return 0;
}
