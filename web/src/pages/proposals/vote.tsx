// Voting: aye or nay and how many votes, with the quadratic cost and the credits it leaves shown
// before signing. The chain's quote gives the voter's credits and what an earlier vote gives
// back; the page's own arithmetic (`planVote`) does the rest as the slider moves.
import { useState } from "preact/hooks";
import { useAccounts } from "../../chain/accounts";
import { useChain, useView } from "../../chain/chain";
import { TransactionStatus, useTransaction } from "../../chain/transaction";
import { maxVotes, planVote } from "../../logic/quadratic";

export function VotePanel(props: { proposal: number }) {
  const { api } = useChain();
  const { selected } = useAccounts();
  const [aye, setAye] = useState(true);
  const [votes, setVotes] = useState(1);
  const transaction = useTransaction();
  const quote = useView(
    (api, at) =>
      selected ? api.view.QuadraticVoting.vote_quote(selected.address, props.proposal, 0, { at }) : Promise.resolve(null),
    [selected?.address, props.proposal],
  );
  if (!selected) {
    return (
      <p class="notice" data-testid="vote-panel">
        Choose an account above to vote.
      </p>
    );
  }
  if (!quote.data) return null;
  const budget = quote.data.credits_left + quote.data.refund;
  const most = Math.max(maxVotes(budget), 1);
  const chosen = Math.min(votes, most);
  const plan = planVote(chosen, quote.data.credits_left, quote.data.refund);
  return (
    <form
      class="vote-panel"
      data-testid="vote-panel"
      onSubmit={(e) => {
        e.preventDefault();
        transaction.submit(
          `Voting ${chosen} ${aye ? "aye" : "nay"} on #${props.proposal}`,
          api.tx.QuadraticVoting.vote({ proposal: props.proposal, aye, votes: chosen }),
        );
      }}
    >
      <h2>Your vote</h2>
      <fieldset>
        <legend>Direction</legend>
        <label>
          <input type="radio" name="direction" checked={aye} onChange={() => setAye(true)} /> Aye
        </label>
        <label>
          <input type="radio" name="direction" checked={!aye} onChange={() => setAye(false)} /> Nay
        </label>
      </fieldset>
      <label>
        Votes: <strong data-testid="vote-count">{chosen}</strong>
        <input
          type="range"
          min={1}
          max={most}
          value={chosen}
          onInput={(e) => setVotes(Number(e.currentTarget.value))}
          aria-valuetext={`${chosen} votes costing ${plan.cost} credits`}
          data-testid="vote-slider"
        />
      </label>
      <p>
        Costs <strong data-testid="vote-cost">{String(plan.cost)}</strong> voice credits ({chosen}²)
        {plan.refund > 0n ? <> after your earlier vote's {String(plan.refund)} are given back</> : null}; you have{" "}
        <span data-testid="credits-left">{String(quote.data.credits_left)}</span> and would have{" "}
        <strong data-testid="credits-after">{String(plan.leftAfter)}</strong> left.
      </p>
      <button type="submit" disabled={transaction.busy || !plan.affordable}>
        Sign and vote
      </button>
      <TransactionStatus state={transaction.state} />
    </form>
  );
}
