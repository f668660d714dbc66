// Settings the test process takes before any test runs: see environment.c.
#ifndef HOTELLINE_TEST_ENVIRONMENT_H
#define HOTELLINE_TEST_ENVIRONMENT_H
#endif
