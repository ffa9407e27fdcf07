/*
 * cc.h: `racecheck cc` and `racecheck c++`, the compiler driver (cc.c).
 */
#ifndef RC_CLI_CC_H
#define RC_CLI_CC_H

/*
 * argv[0] is "cc" or "c++", the rest are clang's arguments. Runs the clang the pass was
 * built for with the pass, -g, frame pointers, racecheck.h's directory and, when the
 * command links, the detector runtime. Does not return when clang could be started: its
 * status is clang's. Returns 2 when it could not (after saying why).
 */
int rc_cli_cc(int argc, char **argv);

#endif
