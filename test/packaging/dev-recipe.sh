#!/usr/bin/env bash
# The README's dev recipe in an app of .ci/packaging (run from the app's directory, after `nest build`):
# ALTINN_ENV=simulator boots on the embedded simulator and an SMS shows up in the app's output; NODE_ENV=production
# and Maskinporten variables refuse it. Usage: dev-recipe.sh <port>
set -uo pipefail
port=$1
out=$(mktemp)
ALTINN_ENV=simulator ALTINN_SIMULATOR_PORT=0 PORT=$port node dist/main.js >"$out" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; rm -f "$out"' EXIT
body='{"recipientSms":{"phoneNumber":"+4799999999","timeToLiveInSeconds":300,"smsSettings":{"body":"dev recipe"}}}'
status=000
for _ in $(seq 1 60); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/sms" \
    -H 'Content-Type: application/json' -d "$body")
  [ "$status" != 000 ] && break
  sleep 0.5
done
sleep 0.5
echo "POST /sms: $status"
cat "$out"
[ "$status" = 201 ] && grep -q 'SMS to +4799999999.*dev recipe' "$out" || exit 1
for refused in NODE_ENV=production MASKINPORTEN_CLIENT_ID=6f1e2d3c; do
  if env ALTINN_ENV=simulator "$refused" PORT=$port timeout 60 node dist/main.js >"$out" 2>&1; then
    echo "$refused: started anyway"
    exit 1
  fi
  grep -q 'ALTINN_ENV=simulator is refused' "$out" || { cat "$out"; exit 1; }
  echo "$refused: refused"
done
