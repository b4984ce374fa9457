# State-test suites run through `paraevm statetest`, one CTest entry per suite (the EEST suite per
# feature-fork folder, so the entries run in parallel and report separately). Each entry is
# skipped (exit 77) when PARAEVM_DATA is unset or its folder is missing; expected failures are
# listed, with their reasons, in known_failures.txt.
set(PARAEVM_KNOWN_FAILURES ${CMAKE_CURRENT_SOURCE_DIR}/spec/known_failures.txt)

function(paraevm_statetest name subdir)
  add_test(NAME ${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_with_data.sh ${subdir}
                   $<TARGET_FILE:paraevm> statetest --known-failures ${PARAEVM_KNOWN_FAILURES})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 3600
                       LABELS "spec;statetest")
endfunction()

foreach(fork frontier homestead byzantium constantinople istanbul berlin london paris shanghai
             cancun prague osaka static)
  paraevm_statetest(statetest_eest_${fork} eest/state_tests/${fork})
endforeach()
paraevm_statetest(statetest_ethereum_tests ethereum-tests/GeneralStateTests)
paraevm_statetest(statetest_legacy_constantinople
                  ethereum-tests/LegacyTests/Constantinople/GeneralStateTests)
