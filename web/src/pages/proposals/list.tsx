import { Enum } from "polkadot-api";
import { useState } from "preact/hooks";
import { useView } from "../../chain/chain";
import { CallWords } from "../../components/call";
import { Tally } from "../../components/tally";
import { Countdown, Loading } from "../../components/values";
import { text } from "../../logic/format";

export const STATUSES = ["Voting", "Approved", "Rejected", "Cancelled", "Killed", "Executed", "Revoked"] as const;
const PAGE = 20;

export function ProposalList(props: { status: string }) {
  const status = STATUSES.find((s) => s === props.status);
  // `from` of each page shown so far: the list goes on from the last one's `next`.
  const [from, setFrom] = useState(0);
  const view = useView(
    (api, at) => api.apis.OstromApi.proposals(status ? Enum(status) : undefined, from, PAGE, { at }),
    [status, from],
  );
  const choose = (next: string) => {
    setFrom(0);
    window.location.hash = next ? `#/proposals?status=${next}` : "#/proposals";
  };
  return (
    <section aria-labelledby="proposals-title">
      <h1 id="proposals-title">Proposals</h1>
      <label>
        Status{" "}
        <select value={status ?? ""} onChange={(e) => choose(e.currentTarget.value)} data-testid="status-filter">
          <option value="">all</option>
          {STATUSES.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
      </label>
      {!view.data ? (
        <Loading error={view.error} />
      ) : view.data.items.length === 0 ? (
        <p class="muted">No proposal {status ? `is ${status}` : "yet"}.</p>
      ) : (
        <ul class="list" data-testid="proposal-list">
          {view.data.items.map((p) => (
            <li>
              <a href={`#/proposals/${p.id}`}>
                <strong>#{p.id}</strong> <CallWords proposal={p.id} name={p.call} />
              </a>
              <span class={`status ${p.status.type}`}>{p.status.type}</span>
              <p class="muted">{text(p.metadata)}</p>
              <Tally tally={p.tally} compact />
              {p.status.type === "Voting" ? (
                <p>
                  Voting ends <Countdown target={p.voting_ends} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p class="pager">
        {from > 0 ? (
          <button type="button" onClick={() => setFrom(0)}>
            First page
          </button>
        ) : null}
        {view.data?.next !== undefined ? (
          <button type="button" onClick={() => setFrom(view.data!.next!)}>
            Later proposals
          </button>
        ) : null}
      </p>
    </section>
  );
}
