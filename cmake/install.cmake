# install.cmake: the installed layout and everything that depends on it. `cmake --install`
# puts in place bin/racecheck, the pass plugin (lib/racecheck/), libracecheck.a and
# libracecheck_race.a, include/racecheck.h, the man page, two pkg-config files
# (racecheck.pc: pass + detector; racecheck-rt.pc: the runtime alone) and the CMake
# package (find_package(racecheck): racecheck::race, racecheck::runtime). It also tells
# `racecheck cc` (cli/cc.c) where the plugin, runtime and header are relative to its
# executable, in the installed layout and in the build tree. Included last by the
# top-level CMakeLists.txt, when every target and the pass's cache variables exist.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Every install directory relative to the prefix, so the tree works under any
# --prefix given at install time and can be moved as a whole.
foreach(d BINDIR LIBDIR INCLUDEDIR MANDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${d}}")
    message(FATAL_ERROR "racecheck: CMAKE_INSTALL_${d} must be relative to the prefix")
  endif()
endforeach()
set(RC_INSTALL_PLUGINDIR ${CMAKE_INSTALL_LIBDIR}/racecheck)
set(RC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/racecheck)
set(RC_INSTALL_PCDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH rc_bin_to_lib /p/${CMAKE_INSTALL_BINDIR} /p/${CMAKE_INSTALL_LIBDIR})
file(RELATIVE_PATH rc_bin_to_include /p/${CMAKE_INSTALL_BINDIR} /p/${CMAKE_INSTALL_INCLUDEDIR})
file(RELATIVE_PATH rc_pc_to_prefix /p/${RC_INSTALL_PCDIR} /p)
string(REGEX REPLACE "/$" "" rc_pc_to_prefix "${rc_pc_to_prefix}")

# libracecheck(_race).a's link dependencies as compiler-driver flags (racecheck cc, .pc)
get_filename_component(rc_unwind_dir "${LIBUNWIND_LIBRARY}" DIRECTORY)
if(rc_unwind_dir IN_LIST CMAKE_C_IMPLICIT_LINK_DIRECTORIES)
  set(RC_LINK_DEPS "-lunwind -pthread -ldl")
else()
  set(RC_LINK_DEPS "-L${rc_unwind_dir} -lunwind -pthread -ldl")
endif()

if(RC_WITH_PASS)
  get_target_property(rc_cli_src racecheck_cli SOURCE_DIR)
  get_target_property(rc_cli_bin racecheck_cli BINARY_DIR)
  get_target_property(rc_rt_bin racecheck_race BINARY_DIR)
  get_filename_component(rc_pass_bin "${RACECHECK_PASS_PATH}" DIRECTORY)
  file(RELATIVE_PATH rc_cli_to_pass ${rc_cli_bin} ${rc_pass_bin})
  file(RELATIVE_PATH rc_cli_to_rt ${rc_cli_bin} ${rc_rt_bin})
  foreach(def
      "RC_CC_CLANG=\"${RACECHECK_CLANG}\""
      "RC_CC_CLANGXX=\"${RACECHECK_LLVM_TOOLS_DIR}/clang++\""
      "RC_CC_LLVM_MAJOR=\"${RACECHECK_LLVM_VERSION_MAJOR}\""
      "RC_CC_INSTALL_LIB=\"${rc_bin_to_lib}\""
      "RC_CC_INSTALL_INCLUDE=\"${rc_bin_to_include}\""
      "RC_CC_BUILD_PASS=\"${rc_cli_to_pass}\""
      "RC_CC_BUILD_RT=\"${rc_cli_to_rt}\""
      "RC_CC_BUILD_INCLUDE=\"${PROJECT_SOURCE_DIR}/rt/include\""
      "RC_CC_LINK_DEPS=\"${RC_LINK_DEPS}\"")
    set_property(SOURCE ${rc_cli_src}/cc.c DIRECTORY ${rc_cli_src}
                 APPEND PROPERTY COMPILE_DEFINITIONS "${def}")
  endforeach()
endif()

install(TARGETS racecheck_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set_target_properties(racecheck PROPERTIES EXPORT_NAME runtime)
set_target_properties(racecheck_race PROPERTIES EXPORT_NAME race_runtime)
install(TARGETS racecheck racecheck_race EXPORT racecheckTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${PROJECT_SOURCE_DIR}/rt/include/racecheck.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/racecheck.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(EXPORT racecheckTargets NAMESPACE racecheck:: DESTINATION ${RC_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/racecheckConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/racecheckConfig.cmake
  INSTALL_DESTINATION ${RC_INSTALL_CMAKEDIR}
  PATH_VARS RC_INSTALL_PLUGINDIR)
# 0.x: minor versions may break the interface
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/racecheckConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/racecheckConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/racecheckConfigVersion.cmake
        DESTINATION ${RC_INSTALL_CMAKEDIR})

configure_file(${CMAKE_CURRENT_LIST_DIR}/racecheck-rt.pc.in
               ${PROJECT_BINARY_DIR}/cmake/racecheck-rt.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/racecheck-rt.pc DESTINATION ${RC_INSTALL_PCDIR})

if(RC_WITH_PASS)
  install(TARGETS racecheck_pass LIBRARY DESTINATION ${RC_INSTALL_PLUGINDIR})
  configure_file(${CMAKE_CURRENT_LIST_DIR}/racecheck.pc.in
                 ${PROJECT_BINARY_DIR}/cmake/racecheck.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/cmake/racecheck.pc DESTINATION ${RC_INSTALL_PCDIR})
endif()
