/* gotest.h: the helpers of tests/race/go/gotest.h, for the pending tests (which keep
 * their relative paths, so that they can move back unchanged). */
#include "../go/gotest.h"
