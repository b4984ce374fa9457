# Blockchain-test suites run through `paraevm blocktest`, one CTest entry per suite (EEST per
# feature-fork folder, ethereum/tests ValidBlocks and InvalidBlocks), plus runs of the EEST tests
# and of ValidBlocks with --threads 2 (each block's transactions also executed in parallel, on the
# engine and through the optimistic round, compared with the sequential run). Skipped (exit 77) when PARAEVM_DATA is unset or the folder is missing.
# Expected failures, with reasons, would go in blocktest_known_failures.txt (none at present).
set(PARAEVM_BLOCKTEST_KNOWN_FAILURES ${CMAKE_CURRENT_SOURCE_DIR}/spec/blocktest_known_failures.txt)

function(paraevm_blocktest name subdir)
  add_test(NAME ${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_with_data.sh ${subdir}
                   $<TARGET_FILE:paraevm> blocktest --known-failures
                   ${PARAEVM_BLOCKTEST_KNOWN_FAILURES} ${ARGN})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 3600
                       LABELS "spec;blocktest")
endfunction()

foreach(fork frontier london paris shanghai cancun prague osaka)
  paraevm_blocktest(blocktest_eest_${fork} eest/blockchain_tests/${fork})
endforeach()
paraevm_blocktest(blocktest_ethereum_tests_valid ethereum-tests/BlockchainTests/ValidBlocks)
paraevm_blocktest(blocktest_ethereum_tests_invalid ethereum-tests/BlockchainTests/InvalidBlocks)
paraevm_blocktest(blocktest_eest_parallel eest/blockchain_tests --threads 2)
paraevm_blocktest(blocktest_ethereum_tests_parallel ethereum-tests/BlockchainTests/ValidBlocks --threads 2)
