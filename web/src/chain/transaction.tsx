// Signing and following a transaction to finalisation, for any page: `useTransaction` gives a
// `submit` to call with a transaction, and the state to show with <TransactionStatus>.
import { useEffect, useState } from "preact/hooks";
import { InvalidTxError, type PolkadotSigner, type TxEvent } from "polkadot-api";
import { useAccounts } from "./accounts";
import { useChain } from "./chain";
import { errorName, explainError, type DispatchErrorLike } from "./errors";

export type TransactionState =
  | { stage: "idle" }
  | { stage: "signing" | "broadcast"; label: string }
  | { stage: "in-block"; label: string; block: number }
  | { stage: "finalized"; label: string; block: number }
  | { stage: "failed"; label: string; error: string };

/** What is used here of any transaction of the typed API: signing and watching it. */
interface Signable {
  signSubmitAndWatch(from: PolkadotSigner): {
    subscribe(observer: { next: (event: TxEvent) => void; error: (error: unknown) => void }): unknown;
  };
}

export function useTransaction() {
  const { client } = useChain();
  const { selected } = useAccounts();
  const [state, setState] = useState<TransactionState>({ stage: "idle" });
  // Another account's transaction is not this one's business.
  useEffect(() => setState({ stage: "idle" }), [selected?.address]);

  /** Signs `transaction` with the selected account; resolves once it is final, true if it succeeded. */
  const submit = (label: string, transaction: Signable): Promise<boolean> =>
    new Promise((resolve) => {
      if (!selected) {
        setState({ stage: "failed", label, error: "Choose an account to sign with first." });
        return resolve(false);
      }
      setState({ stage: "signing", label });
      const fail = (error: string) => {
        setState({ stage: "failed", label, error });
        resolve(false);
      };
      transaction.signSubmitAndWatch(selected.signer).subscribe({
        next: (event) => {
          if (event.type === "broadcasted") setState({ stage: "broadcast", label });
          if (event.type === "txBestBlocksState" && event.found) {
            setState({ stage: "in-block", label, block: event.block.number });
          }
          if (event.type === "finalized") {
            if (event.ok) {
              setState({ stage: "finalized", label, block: event.block.number });
              resolve(true);
            } else {
              explainError(client, event.block.hash, event.dispatchError).then(fail);
            }
          }
        },
        error: (error: unknown) => {
          if (error instanceof InvalidTxError) {
            fail(`the chain refused it: ${errorName(error.error as DispatchErrorLike)}`);
          }
          else fail(error instanceof Error ? error.message : String(error));
        },
      });
    });

  return { state, submit, busy: state.stage === "signing" || state.stage === "broadcast" || state.stage === "in-block" };
}

export function TransactionStatus(props: { state: TransactionState }) {
  const { state } = props;
  if (state.stage === "idle") return null;
  const words = (() => {
    switch (state.stage) {
      case "signing":
        return "waiting for the signature…";
      case "broadcast":
        return "sent to the network…";
      case "in-block":
        return `in block #${state.block}, waiting for finality…`;
      case "finalized":
        return `done: finalized in block #${state.block}`;
      case "failed":
        return `failed: ${state.error}`;
    }
  })();
  return (
    <p class={`transaction ${state.stage}`} role={state.stage === "failed" ? "alert" : "status"} data-testid="transaction">
      <strong>{state.label}</strong> {words}
    </p>
  );
}
