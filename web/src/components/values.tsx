// Shared ways of showing the chain's values: balances, accounts, block countdowns.
import { useAccounts } from "../chain/accounts";
import { useChain } from "../chain/chain";
import { formatBalance, formatCountdown, OST, shortAddress } from "../logic/format";

export function Balance(props: { value: bigint }) {
  const token = useChain().info?.token ?? OST;
  return <span class="balance">{formatBalance(props.value, token)}</span>;
}

/** An account, cut short with the whole address on hover; "you" for the selected account. */
export function Address(props: { value: string }) {
  const { selected, accounts } = useAccounts();
  const known = accounts.find((a) => a.address === props.value);
  return (
    <span class="address" title={props.value}>
      {known ? `${known.name} ` : ""}
      <code>{shortAddress(props.value)}</code>
      {selected?.address === props.value ? <em class="you"> (you)</em> : null}
    </span>
  );
}

/** How long until block `target`, at the chain's block time. */
export function Countdown(props: { target: number }) {
  const { best, info } = useChain();
  if (!best || !info) return <span>block #{props.target}</span>;
  return <span class="countdown">{formatCountdown(best.number, props.target, info.msPerBlock)}</span>;
}

export function Loading(props: { error?: string }) {
  return props.error ? (
    <p role="alert" class="error">
      Could not read it from the node: {props.error}
    </p>
  ) : (
    <p class="muted" aria-busy="true">
      Reading the chain…
    </p>
  );
}
