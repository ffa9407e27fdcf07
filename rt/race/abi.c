/*
 * abi.c: the link check of docs/ABI.md, and the marker the racecheck command looks
 * for (cli/elf.c). Every module the pass instrumented calls
 * __rc_abi_v1_link_with_racecheck_race_runtime from its constructor, and nothing else
 * refers to this file, so the linker takes it from libracecheck_race.a exactly when
 * the program holds instrumented code. Its section racecheck_abi then says "built
 * with the pass and linked with the detector" even in a stripped executable (strip
 * keeps allocated sections and the section header table).
 */
#ifndef __has_attribute
#define __has_attribute(x) 0
#endif
#if __has_attribute(retain)
#define RC_RETAIN __attribute__((retain)) /* survives --gc-sections */
#else
#define RC_RETAIN
#endif

__attribute__((used, section("racecheck_abi"))) RC_RETAIN
static const char rc_abi_marker[] = "racecheck race runtime, ABI v1";

void __rc_abi_v1_link_with_racecheck_race_runtime(void) {}
