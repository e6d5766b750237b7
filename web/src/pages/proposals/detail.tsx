import { useAccounts } from "../../chain/accounts";
import { useChain, useView } from "../../chain/chain";
import { TransactionStatus, useTransaction } from "../../chain/transaction";
import { CallWords } from "../../components/call";
import { Tally } from "../../components/tally";
import { Address, Balance, Countdown, Loading } from "../../components/values";
import { text } from "../../logic/format";
import { VotePanel } from "./vote";

export function ProposalDetail(props: { id: number }) {
  const { best, api } = useChain();
  const view = useView(async (api, at) => {
    const [proposal, votes] = await Promise.all([
      api.apis.OstromApi.proposal(props.id, { at }),
      api.apis.OstromApi.votes(props.id, undefined, 100, { at }),
    ]);
    return { proposal, votes };
  }, [props.id]);
  const close = useTransaction();
  const { selected } = useAccounts();
  if (!view.data) return <Loading error={view.error} />;
  const { proposal: p, votes } = view.data;
  if (!p) return <p>There is no proposal #{props.id}.</p>;
  const votingOver = best !== null && best.number >= p.voting_ends;
  return (
    <article aria-labelledby="proposal-title">
      <p>
        <a href="#/proposals">← all proposals</a>
      </p>
      <h1 id="proposal-title">
        Proposal #{p.id} <span class={`status ${p.status.type}`} data-testid="proposal-status">{p.status.type}</span>
      </h1>
      <p class="lead">
        <CallWords proposal={p.id} name={p.call} />
      </p>
      <dl class="facts">
        <dt>Text</dt>
        <dd>{text(p.metadata) || "—"}</dd>
        <dt>Proposer</dt>
        <dd>
          <Address value={p.proposer} />
        </dd>
        <dt>Track</dt>
        <dd>{p.track.type}</dd>
        <dt>Deposit held</dt>
        <dd>
          <Balance value={p.deposit} />
        </dd>
        <dt>Submitted</dt>
        <dd>block #{p.submitted_at}</dd>
        <dt>Voting {votingOver ? "ended" : "ends"}</dt>
        <dd>
          <Countdown target={p.voting_ends} />
        </dd>
        {p.enactment !== undefined ? (
          <>
            <dt>Enactment</dt>
            <dd data-testid="enactment">
              <Countdown target={p.enactment} />
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Tally</h2>
      <Tally tally={p.tally} />
      {p.status.type === "Voting" && !votingOver ? <VotePanel proposal={p.id} /> : null}
      {p.status.type === "Voting" && votingOver ? (
        <p>
          Voting is over: anyone may close the proposal to count it.{" "}
          <button
            type="button"
            disabled={close.busy || !selected}
            onClick={() => close.submit(`Closing #${p.id}`, api.tx.Proposals.close({ id: p.id }))}
          >
            Close proposal #{p.id}
          </button>
        </p>
      ) : null}
      <TransactionStatus state={close.state} />
      <h2>Votes on chain</h2>
      {votes.items.length === 0 ? (
        <p class="muted">
          {p.status.type === "Voting" ? "No votes yet." : "The chain keeps no votes of this proposal any more."}
        </p>
      ) : (
        <table data-testid="votes">
          <thead>
            <tr>
              <th scope="col">Voter</th>
              <th scope="col">Vote</th>
              <th scope="col">Votes</th>
              <th scope="col">Credits</th>
            </tr>
          </thead>
          <tbody>
            {votes.items.map((vote) => (
              <tr>
                <td>
                  <Address value={vote.voter} />
                </td>
                <td>{vote.aye ? "aye" : "nay"}</td>
                <td>{vote.votes}</td>
                <td>{String(vote.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {votes.next !== undefined ? <p class="muted">The first {votes.items.length} votes are shown.</p> : null}
    </article>
  );
}
