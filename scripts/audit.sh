#!/usr/bin/env bash
# Fails on high or critical advisories in production dependencies. Where the registry's advisory
# service cannot be reached (this workplace's registry mirror answers 405), says so and goes on.
set -uo pipefail
output="$(npm audit --omit=dev --audit-level=high 2>&1)"
status=$?
if [ $status -ne 0 ] && grep -q "audit endpoint returned an error" <<<"$output"; then
  echo "npm audit: the registry's advisory service is not reachable from here; dependency audit skipped."
  exit 0
fi
echo "$output" | tail -20
exit $status
