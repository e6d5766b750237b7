#!/usr/bin/env bash
# Builds the node if needed and starts a development validator: Alice authors and finalizes
# blocks, six dev accounts are funded, RPC on 127.0.0.1:9944, a throw-away ParityDB database.
# Extra arguments go to the node, e.g. `scripts/dev.sh --base-path /tmp/ostrom` to keep the chain.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
build_everything
exec "$OSTROM_NODE" --dev --rpc-port 9944 "$@"
