#!/usr/bin/env bash
# run_with_data.sh SUBDIR COMMAND...: runs COMMAND with "$PARAEVM_DATA/SUBDIR" appended, or exits
# 77 (CTest's SKIP_RETURN_CODE) with a reason when the test data is not there.
set -u
subdir=$1
shift
if [[ -z ${PARAEVM_DATA:-} ]]; then
  echo "SKIPPED: PARAEVM_DATA is not set (unpack ../shared/data with its unpack.sh)"
  exit 77
fi
if [[ ! -e $PARAEVM_DATA/$subdir ]]; then
  echo "SKIPPED: $PARAEVM_DATA/$subdir does not exist"
  exit 77
fi
exec "$@" "$PARAEVM_DATA/$subdir"
