#!/usr/bin/env bash
# Builds the node and the dashboard if needed and starts a development validator beside the
# dashboard: Alice authors and finalizes blocks, six dev accounts are funded, RPC on
# 127.0.0.1:9944, a throw-away ParityDB database; the dashboard on http://127.0.0.1:8080
# (`OSTROM_WEB_PORT` to change it). Extra arguments go to the node, e.g.
# `scripts/dev.sh --base-path /tmp/ostrom` to keep the chain.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
build_everything

web_port=${OSTROM_WEB_PORT:-8080}
# The dashboard is rebuilt when a source or the runtime's metadata is newer than the last build.
if [ ! -f web/dist/index.html ] ||
	[ -n "$(find web/src web/index.html client/metadata/ostrom.scale -newer web/dist/index.html -print -quit)" ]; then
	echo "dev: building the dashboard"
	(cd web && { [ -d .papi/descriptors/dist ] || rm -f .papi/descriptors/generated.json; } &&
		npx papi generate >/dev/null && npm run --silent build >/dev/null)
fi
(cd web && exec npx vite preview --host 127.0.0.1 --port "$web_port" --strictPort >/dev/null) &
web_pid=$!
trap 'kill "$web_pid" 2>/dev/null' EXIT
echo "dev: the dashboard is on http://127.0.0.1:$web_port (node: ws://127.0.0.1:9944)"
"$OSTROM_NODE" --dev --rpc-port 9944 "$@"
