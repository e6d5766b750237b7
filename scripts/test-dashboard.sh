#!/usr/bin/env bash
# The web dashboard's tests (web/): unit tests of the page's own logic, the production build with
# its size, and the browser tests (Playwright driving Debian's headless Chromium) against a real
# development node with manual sealing, which the tests seal blocks on. Prints the bundle sizes
# and the first-load times; fails if the main bundle is over its budget of 500 kB gzipped.
# Needs the node built (scripts/test.sh builds it first) and web/node_modules (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cd web

# Types for the client, from the runtime's metadata (client/metadata/ostrom.scale); papi skips
# this when the metadata did not change, unless the generated code is missing.
[ -d .papi/descriptors/dist ] || rm -f .papi/descriptors/generated.json
npx papi generate >/dev/null

npm run --silent test:unit
npm run --silent build >/dev/null

budget=$((500 * 1024))
echo "bundle (gzipped):"
main_size=0
for file in dist/assets/*.js dist/assets/*.css; do
	size=$(gzip -9 -c "$file" | wc -c)
	printf '  %-52s %7d B\n' "${file#dist/assets/}" "$size"
	case "$file" in dist/assets/index-*.js) main_size=$size ;; esac
done
printf '  main bundle: %d kB of a budget of %d kB\n' $((main_size / 1024)) $((budget / 1024))
if [ "$main_size" -gt "$budget" ]; then
	echo "the main bundle is over its budget" >&2
	exit 1
fi

rpc_port=$(free_port)
node_log=$(mktemp)
"$OSTROM_NODE" --dev --tmp --sealing manual --rpc-port "$rpc_port" --port "$(free_port)" \
	--prometheus-port "$(free_port)" >"$node_log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; rm -f "$node_log"' EXIT
wait_for_rpc "$rpc_port" "$node_pid" "$node_log"

rm -rf test-results
mkdir -p test-results/screenshots
OSTROM_NODE_WS="ws://127.0.0.1:$rpc_port" OSTROM_WEB_PORT="$(free_port)" npx playwright test
