# Mainnet block replays: every snapshot in $PARAEVM_DATA/mainnet must verify (gas used, logs
# bloom, receipts root, transactions root, senders). Skipped (exit 77) without the data.
add_test(NAME mainnet_replay
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_with_data.sh mainnet $<TARGET_FILE:paraevm> replay)
set_tests_properties(mainnet_replay PROPERTIES SKIP_RETURN_CODE 77)

# Parallel execution of the same blocks must be identical to sequential execution.
foreach(threads 2 4)
  add_test(NAME mainnet_replay_parallel_${threads}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_with_data.sh mainnet $<TARGET_FILE:paraevm> replay
                   --threads ${threads})
  set_tests_properties(mainnet_replay_parallel_${threads} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

# Damaged copies of one snapshot (written to a temporary folder by the script, never into the
# repository) must each give an error naming the file and the field, exit status 1, no crash.
find_program(PARAEVM_PYTHON3 python3)
if(PARAEVM_PYTHON3)
  add_test(NAME mainnet_replay_bad_input
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_with_data.sh mainnet ${PARAEVM_PYTHON3}
                   ${CMAKE_CURRENT_SOURCE_DIR}/spec/replay_bad_input.py $<TARGET_FILE:paraevm>)
  set_tests_properties(mainnet_replay_bad_input PROPERTIES SKIP_RETURN_CODE 77)
else()
  message(STATUS "python3 not found: mainnet_replay_bad_input is not registered")
endif()

# The optimistic round on every block, never handing a block to the engine: bench exits 1 when
# any block's receipts, logs or state differ from in-order execution.
add_test(NAME mainnet_optimistic_round
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_with_data.sh mainnet $<TARGET_FILE:paraevm> bench
                 --threads 2,3 --repeat 1 --optimistic --blocks)
set_tests_properties(mainnet_optimistic_round PROPERTIES SKIP_RETURN_CODE 77)
