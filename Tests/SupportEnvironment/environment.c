// The test process's environment, set when the test bundle is loaded: before Swift Testing
// starts and reads it, which is too early for any Swift code of ours.
#include <stdlib.h>

// Swift Testing captures a backtrace at every Swift error thrown while tests run, in case
// one ends a test. The code under test throws as a matter of course (a date reader that
// finds no date, a byte string that is not UTF-8), and the captures were half a second of
// the suite's CPU. A test that fails on a thrown error still names the error and the line
// of the test; set SWT_SWIFT_ERROR_BACKTRACING_ENABLED=1 to have the backtraces again.
__attribute__((constructor)) static void hotelline_test_environment(void) {
    setenv("SWT_SWIFT_ERROR_BACKTRACING_ENABLED", "0", 0);
}
