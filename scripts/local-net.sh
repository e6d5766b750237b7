#!/usr/bin/env bash
# A local network of validators on 127.0.0.1: `--chain local` (Alice, Bob, Charlie and Dave
# validate; GRANDPA finalizes with three of the four) or a chain spec file of your own.
#
#   scripts/local-net.sh start [N] [--chain local|FILE]   # N validators, default 4, at most 6
#   scripts/local-net.sh status                           # best/finalized block, peers per node
#   scripts/local-net.sh stop                             # SIGTERM, SIGKILL after 30 s
#   scripts/local-net.sh purge                            # stop, then delete every base path
#
# The i-th validator (i from 0: alice bob charlie dave eve ferdie) runs with `--<name>` (its
# well-known development session keys, for testing only), p2p port 30333+i, RPC 9944+i and
# Prometheus 9615+i, in the base path `$OSTROM_LOCAL_NET_DIR/<name>` (default
# `~/.local/share/ostrom-local-net/<name>`), which keeps its database, keystore, node key
# (`node-key`, generated once, so its peer id never changes), pid (`node.pid`) and log
# (`node.log`) across stop and start. Alice is the others' bootnode. `start` returns once every
# node answers RPC, with the nodes running in the background; a node already running is left
# alone. Extra node options go in `OSTROM_LOCAL_NET_ARGS` (e.g. `--pruning archive`). The node
# is `$OSTROM_NODE` (see scripts/env.sh); this script does not build it.
#
# After a runtime change the built-in `--chain local` has another genesis than the kept
# databases: `purge`, then `start` again.
set -euo pipefail
cd "$(dirname "$0")/.."
node_override=${OSTROM_NODE:-}
source scripts/env.sh
OSTROM_NODE=${node_override:-$OSTROM_NODE}

names=(alice bob charlie dave eve ferdie)
dir=${OSTROM_LOCAL_NET_DIR:-$HOME/.local/share/ostrom-local-net}
stop_timeout=30

usage() {
	sed -n '5,8p' "$0" | sed 's/^# *//' >&2
	exit 2
}

# `rpc PORT METHOD [PARAMS]`: the JSON-RPC answer of the node on PORT, or nothing.
rpc() {
	curl -s --max-time 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":[${3:-}]}" \
		"http://127.0.0.1:$1" || true
}

# `field NAME`: the value of the JSON field NAME (a string without quotes, or a number/boolean)
# in the answer on stdin.
field() {
	sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"
}

# `running NAME`: prints the pid of NAME's node if it is running.
running() {
	local pidfile="$dir/$1/node.pid" pid
	[ -f "$pidfile" ] || return 1
	pid=$(cat "$pidfile")
	# The pid must still be our node (of this base path), not a process that reused the number.
	if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "--base-path $dir/$1 "; then
		echo "$pid"
		return 0
	fi
	return 1
}

port_busy() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# `peer_id NAME`: NAME's peer id, generating its node key the first time.
peer_id() {
	local base="$dir/$1"
	mkdir -p "$base"
	if [ ! -f "$base/node-key" ]; then
		"$OSTROM_NODE" key generate-node-key --file "$base/node-key" 2>/dev/null
	fi
	"$OSTROM_NODE" key inspect-node-key --file "$base/node-key"
}

start() {
	local count=4 chain=local
	while [ $# -gt 0 ]; do
		case $1 in
		--chain)
			[ $# -ge 2 ] || usage
			chain=$2
			shift 2
			;;
		[0-9]*)
			count=$1
			shift
			;;
		*) usage ;;
		esac
	done
	if [ "$count" -lt 1 ] || [ "$count" -gt ${#names[@]} ]; then
		echo "local-net: between 1 and ${#names[@]} validators" >&2
		exit 2
	fi
	if [ "$chain" != local ]; then
		[ -f "$chain" ] || { echo "local-net: no chain spec file $chain" >&2; exit 2; }
		chain=$(cd "$(dirname "$chain")" && pwd)/$(basename "$chain")
	fi
	if [ ! -x "$OSTROM_NODE" ]; then
		echo "local-net: no node at $OSTROM_NODE; build it first (cargo build --release --locked -p ostrom-node, or scripts/dev.sh)" >&2
		exit 1
	fi

	local bootnode="/ip4/127.0.0.1/tcp/30333/p2p/$(peer_id alice)"
	local started=() i name base pid extra
	read -r -a extra <<<"${OSTROM_LOCAL_NET_ARGS:-}"
	for ((i = 0; i < count; i++)); do
		name=${names[$i]}
		base="$dir/$name"
		if running "$name" >/dev/null; then
			echo "local-net: $name is running already (pid $(running "$name"))"
			continue
		fi
		peer_id "$name" >/dev/null
		for port in $((30333 + i)) $((9944 + i)) $((9615 + i)); do
			if port_busy "$port"; then
				echo "local-net: port $port, which $name needs, is taken by another process" >&2
				exit 1
			fi
		done
		local bootnodes=()
		[ "$i" -eq 0 ] || bootnodes=(--bootnodes "$bootnode")
		echo "=== $(date -u +%FT%TZ) local-net start, chain $chain" >>"$base/node.log"
		nohup "$OSTROM_NODE" --chain "$chain" "--$name" --validator --name "$name" \
			--base-path "$base" --node-key-file "$base/node-key" \
			--port $((30333 + i)) --rpc-port $((9944 + i)) --prometheus-port $((9615 + i)) \
			--no-mdns --no-telemetry "${bootnodes[@]}" "${extra[@]}" >>"$base/node.log" 2>&1 &
		echo $! >"$base/node.pid"
		started+=("$i")
	done
	for i in "${started[@]}"; do
		name=${names[$i]}
		if ! wait_for_rpc $((9944 + i)) "$(cat "$dir/$name/node.pid")" "$dir/$name/node.log"; then
			echo "local-net: $name did not start (log: $dir/$name/node.log). A database of another" \
				"genesis (after a runtime change) needs \`$0 purge\`." >&2
			exit 1
		fi
	done

	printf '%-8s %-7s %-22s %-6s %-10s %s\n' NAME PID RPC P2P PROMETHEUS "PEER ID"
	for ((i = 0; i < count; i++)); do
		name=${names[$i]}
		printf '%-8s %-7s %-22s %-6s %-10s %s\n' "$name" "$(running "$name" || echo -)" \
			"ws://127.0.0.1:$((9944 + i))" $((30333 + i)) $((9615 + i)) "$(peer_id "$name")"
	done
	echo "local-net: base paths and logs in $dir/<name>; \`$0 status\` shows finality"
}

status() {
	local i name pid port header best finalized health
	printf '%-8s %-7s %-22s %8s %10s %4s %6s %s\n' NAME PID RPC BEST FINALIZED LAG PEERS SYNCING
	for i in "${!names[@]}"; do
		name=${names[$i]}
		[ -d "$dir/$name" ] || continue
		port=$((9944 + i))
		if ! pid=$(running "$name"); then
			printf '%-8s %-7s %-22s %s\n' "$name" - "ws://127.0.0.1:$port" stopped
			continue
		fi
		best=$(rpc "$port" chain_getHeader | field number)
		header=$(rpc "$port" chain_getFinalizedHead | field result)
		finalized=$(rpc "$port" chain_getHeader "\"$header\"" | field number)
		health=$(rpc "$port" system_health)
		if [ -z "$best" ] || [ -z "$finalized" ]; then
			printf '%-8s %-7s %-22s %s\n' "$name" "$pid" "ws://127.0.0.1:$port" "no RPC answer"
			continue
		fi
		printf '%-8s %-7s %-22s %8d %10d %4d %6s %s\n' "$name" "$pid" "ws://127.0.0.1:$port" \
			"$best" "$finalized" $((best - finalized)) "$(field peers <<<"$health")" \
			"$(field isSyncing <<<"$health")"
	done
}

stop() {
	local name pid pids=() waited
	for name in "${names[@]}"; do
		if pid=$(running "$name"); then
			kill -TERM "$pid" 2>/dev/null || true
			pids+=("$pid")
			echo "local-net: stopping $name (pid $pid)"
		fi
		rm -f "$dir/$name/node.pid"
	done
	for pid in "${pids[@]}"; do
		waited=0
		while kill -0 "$pid" 2>/dev/null; do
			if [ "$waited" -ge $((stop_timeout * 10)) ]; then
				echo "local-net: pid $pid ignored SIGTERM for ${stop_timeout} s; SIGKILL" >&2
				kill -KILL "$pid" 2>/dev/null || true
				break
			fi
			sleep 0.1
			waited=$((waited + 1))
		done
	done
}

purge() {
	stop
	local name
	for name in "${names[@]}"; do
		if [ -d "$dir/$name" ]; then
			rm -rf "${dir:?}/$name"
			echo "local-net: deleted $dir/$name"
		fi
	done
	rmdir "$dir" 2>/dev/null || true
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
start) start "$@" ;;
status) [ $# -eq 0 ] || usage; status ;;
stop) [ $# -eq 0 ] || usage; stop ;;
purge) [ $# -eq 0 ] || usage; purge ;;
*) usage ;;
esac
