// Submitting a proposal: a signal, a treasury spend or a quadratic-funding round. A call is
// dry-run by the runtime as its enactment would dispatch it (`OstromApi.dry_run_enactment`), so
// that what can only fail is refused before it is signed.
import { Enum } from "polkadot-api";
import { useState } from "preact/hooks";
import { useChain, useView } from "../../chain/chain";
import { explainError } from "../../chain/errors";
import { TransactionStatus, useTransaction } from "../../chain/transaction";
import { Balance } from "../../components/values";
import { bytes, OST, parseBalance } from "../../logic/format";

type Kind = "signal" | "spend" | "round";

export function Propose() {
  const { api, client, best, info } = useChain();
  const token = info?.token ?? OST;
  const [kind, setKind] = useState<Kind>("signal");
  const [metadata, setMetadata] = useState("");
  const [beneficiary, setBeneficiary] = useState("");
  const [amount, setAmount] = useState("");
  const [enrolment, setEnrolment] = useState("5");
  const [duration, setDuration] = useState("20");
  const [problem, setProblem] = useState<string | null>(null);
  const transaction = useTransaction();
  const rules = useView((api, at) => api.query.Proposals.Rules.getValue({ at }), []);

  const callOf = async (): Promise<Uint8Array | null> => {
    const parsed = parseBalance(amount, token);
    if (kind === "signal") return null;
    if (!parsed.ok) throw new Error(parsed.error);
    if (kind === "spend") {
      return api.tx.Treasury.spend({ beneficiary: beneficiary.trim(), amount: parsed.value }).getEncodedData();
    }
    return api.tx.Treasury.open_round({
      matching: parsed.value,
      enrolment: Number(enrolment),
      duration: Number(duration),
    }).getEncodedData();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    let call: Uint8Array | null;
    try {
      call = await callOf();
    } catch (error) {
      return setProblem(error instanceof Error ? error.message : String(error));
    }
    if (call && best) {
      const dryRun = await api.apis.OstromApi.dry_run_enactment(call, Enum("Standard"), { at: best.hash });
      if (!dryRun.success) {
        const words = await explainError(client, best.hash, dryRun.value);
        return setProblem(`enacted now, the call would fail: ${words}`);
      }
    }
    const proposalKind = call ? Enum("Call", Enum("Inline", call)) : Enum("Signal");
    await transaction.submit(
      "Submitting the proposal",
      api.tx.Proposals.submit({ track: Enum("Standard"), kind: proposalKind, metadata: bytes(metadata) }),
    );
  };

  return (
    <section aria-labelledby="propose-title">
      <h2 id="propose-title">Propose</h2>
      <form onSubmit={submit} class="form" data-testid="propose">
        <label>
          What
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)} name="kind">
            <option value="signal">A signal (a statement, nothing enacted)</option>
            <option value="spend">A treasury spend</option>
            <option value="round">A quadratic-funding round</option>
          </select>
        </label>
        <label>
          Text (or a link to it)
          <input value={metadata} onInput={(e) => setMetadata(e.currentTarget.value)} name="metadata" required />
        </label>
        {kind === "spend" ? (
          <label>
            Pay to (address)
            <input value={beneficiary} onInput={(e) => setBeneficiary(e.currentTarget.value)} name="beneficiary" required />
          </label>
        ) : null}
        {kind !== "signal" ? (
          <label>
            {kind === "spend" ? "Amount" : "Matching pool"} ({token.symbol})
            <input value={amount} onInput={(e) => setAmount(e.currentTarget.value)} name="amount" inputMode="decimal" required />
          </label>
        ) : null}
        {kind === "round" ? (
          <>
            <label>
              Enrolment (blocks)
              <input type="number" min={1} value={enrolment} onInput={(e) => setEnrolment(e.currentTarget.value)} name="enrolment" />
            </label>
            <label>
              Whole round (blocks)
              <input type="number" min={1} value={duration} onInput={(e) => setDuration(e.currentTarget.value)} name="duration" />
            </label>
          </>
        ) : null}
        <p class="muted">
          Holds a deposit of {rules.data ? <Balance value={rules.data.proposal_deposit} /> : "…"} until the proposal is decided.
        </p>
        <button type="submit" disabled={transaction.busy}>
          Sign and submit
        </button>
        {problem ? (
          <p role="alert" class="error">
            {problem}
          </p>
        ) : null}
        <TransactionStatus state={transaction.state} />
      </form>
    </section>
  );
}
