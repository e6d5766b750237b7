// Members: each member's standing, probation, reputation and voice credits left; applicants with
// their sponsors; applying and sponsoring.
import { useState } from "preact/hooks";
import { useAccounts } from "../chain/accounts";
import { useChain, useView } from "../chain/chain";
import { TransactionStatus, useTransaction } from "../chain/transaction";
import { Address, Balance, Countdown, Loading } from "../components/values";
import { bytes } from "../logic/format";
import type { PageProps } from ".";

const PAGE = 50;

export function Members(_: PageProps) {
  const [from, setFrom] = useState<string | undefined>(undefined);
  const members = useView((api, at) => api.apis.OstromApi.members(from, PAGE, { at }), [from]);
  const applicants = useView((api, at) => api.apis.OstromApi.applicants(undefined, PAGE, { at }), []);
  const { best } = useChain();
  const sponsor = useTransaction();
  const { api } = useChain();
  const { selected } = useAccounts();
  return (
    <>
      <section aria-labelledby="members-title">
        <h1 id="members-title">Members</h1>
        {!members.data ? (
          <Loading error={members.error} />
        ) : (
          <table data-testid="members">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Standing</th>
                <th scope="col">Reputation</th>
                <th scope="col">Credits left</th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr>
                  <td>
                    <Address value={m.account} />
                  </td>
                  <td>
                    {m.status.type}
                    {m.probation_ends !== undefined && best && m.probation_ends > best.number ? (
                      <small>
                        {" "}
                        · on probation, ends <Countdown target={m.probation_ends} />
                      </small>
                    ) : null}
                    {m.suspended_until !== undefined ? (
                      <small>
                        {" "}
                        · until <Countdown target={m.suspended_until} />
                      </small>
                    ) : null}
                  </td>
                  <td>{m.reputation}</td>
                  <td>{String(m.credits_left)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p class="pager">
          {from !== undefined ? (
            <button type="button" onClick={() => setFrom(undefined)}>
              First page
            </button>
          ) : null}
          {members.data?.next !== undefined ? (
            <button type="button" onClick={() => setFrom(members.data!.next)}>
              More members
            </button>
          ) : null}
        </p>
      </section>
      <section aria-labelledby="applicants-title">
        <h2 id="applicants-title">Applicants</h2>
        {!applicants.data ? (
          <Loading error={applicants.error} />
        ) : applicants.data.items.length === 0 ? (
          <p class="muted">No one is applying.</p>
        ) : (
          <ul class="list" data-testid="applicants">
            {applicants.data.items.map((a) => (
              <li>
                <Address value={a.account} /> · <Balance value={a.deposit} /> held ·{" "}
                <span data-testid="sponsor-count">
                  {a.sponsors.length} of {a.sponsors_required} sponsors
                </span>
                {a.sponsors.length ? (
                  <>
                    {": "}
                    {a.sponsors.map((s) => (
                      <Address value={s} />
                    ))}
                  </>
                ) : null}{" "}
                {selected && selected.address !== a.account && !a.sponsors.includes(selected.address) ? (
                  <button
                    type="button"
                    disabled={sponsor.busy}
                    onClick={() => sponsor.submit("Sponsoring", api.tx.Membership.sponsor({ applicant: a.account }))}
                  >
                    Sponsor
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <TransactionStatus state={sponsor.state} />
      </section>
      <Apply />
    </>
  );
}

function Apply() {
  const { api } = useChain();
  const [metadata, setMetadata] = useState("");
  const transaction = useTransaction();
  const deposit = useView((api) => api.constants.Membership.ApplicationDeposit(), [], false);
  return (
    <section aria-labelledby="apply-title">
      <h2 id="apply-title">Apply to join</h2>
      <form
        class="form"
        data-testid="apply"
        onSubmit={(e) => {
          e.preventDefault();
          transaction.submit("Applying", api.tx.Membership.apply({ metadata: bytes(metadata) }));
        }}
      >
        <label>
          About you (a link, or a few words)
          <input value={metadata} onInput={(e) => setMetadata(e.currentTarget.value)} name="metadata" />
        </label>
        <p class="muted">
          Holds {deposit.data !== undefined ? <Balance value={deposit.data} /> : "a deposit"} until members sponsor you
          or you withdraw.
        </p>
        <button type="submit" disabled={transaction.busy}>
          Sign and apply
        </button>
        <TransactionStatus state={transaction.state} />
      </form>
    </section>
  );
}
