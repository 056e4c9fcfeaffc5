# SPDX-License-Identifier: BSD-3-Clause
# Runs one libFuzzer target for CTest: a bounded time over the work corpus (build tree) and the
# seed corpus (source tree, only read), a hang or a memory blow-up counting as a failure. When it
# fails, says which input did it and how to reproduce it.
# cmake -DFUZZER=<binary> -DSECONDS=<n> -DINPUT_TIMEOUT=<s> -DRSS_LIMIT_MB=<MiB>
#       -DWORK_CORPUS=<dir> -DSEED_CORPUS=<dir> -DARTIFACTS=<dir> -P run_fuzz_target.cmake
foreach(variable FUZZER SECONDS INPUT_TIMEOUT RSS_LIMIT_MB WORK_CORPUS SEED_CORPUS ARTIFACTS)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "run_fuzz_target.cmake: -D${variable}=... is missing")
    endif()
endforeach()
if(NOT IS_DIRECTORY "${SEED_CORPUS}")
    message(FATAL_ERROR "no seed corpus at ${SEED_CORPUS}")
endif()

file(MAKE_DIRECTORY "${WORK_CORPUS}" "${ARTIFACTS}")

execute_process(
    COMMAND "${FUZZER}"
            -max_total_time=${SECONDS}
            -timeout=${INPUT_TIMEOUT}
            -rss_limit_mb=${RSS_LIMIT_MB}
            -artifact_prefix=${ARTIFACTS}/
            -print_final_stats=1
            "${WORK_CORPUS}" "${SEED_CORPUS}"
    RESULT_VARIABLE result
    ERROR_VARIABLE fuzzer_log ECHO_ERROR_VARIABLE)

# Inputs of earlier failures stay for whoever looks into them; only this run's are reported
# (libFuzzer names them by content, so a failure found again overwrites its old file).
string(REGEX MATCHALL "Test unit written to [^\n]+" written "${fuzzer_log}")
set(new_artifacts "")
foreach(line IN LISTS written)
    string(REPLACE "Test unit written to " "" artifact "${line}")
    list(APPEND new_artifacts "${artifact}")
endforeach()

if(NOT result EQUAL 0 OR new_artifacts)
    get_filename_component(target "${FUZZER}" NAME)
    set(report "fuzz target ${target} failed (exit ${result}).")
    if(new_artifacts)
        string(APPEND report "\nInput(s) that failed, in ${ARTIFACTS}:")
        foreach(artifact IN LISTS new_artifacts)
            string(APPEND report "\n  ${artifact}")
        endforeach()
        list(GET new_artifacts 0 first)
        string(APPEND report "\nReproduce with: ${FUZZER} ${first}")
    else()
        string(APPEND report "\nNo input was written to ${ARTIFACTS}: see the output above.")
    endif()
    message(FATAL_ERROR "${report}")
endif()
