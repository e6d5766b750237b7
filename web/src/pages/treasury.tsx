// The treasury and quadratic funding: the pot, what is earmarked and spendable, grants with
// their vesting, open rounds with each commons' gifts and projected match, giving and enrolling.
// The projected match is the runtime's own (`Treasury.round_projection`, the code that
// finalisation runs), never recomputed here.
import { useState } from "preact/hooks";
import { useAccounts } from "../chain/accounts";
import { useChain, useView } from "../chain/chain";
import { TransactionStatus, useTransaction } from "../chain/transaction";
import { Address, Balance, Countdown, Loading } from "../components/values";
import { formatPerbill, OST, parseBalance, text } from "../logic/format";
import type { PageProps } from ".";

export function Treasury(_: PageProps) {
  const view = useView((api, at) => api.apis.OstromApi.treasury({ at }), []);
  if (!view.data) return <Loading error={view.error} />;
  const t = view.data;
  return (
    <>
      <section aria-labelledby="treasury-title">
        <h1 id="treasury-title">Treasury</h1>
        <dl class="cards">
          <div>
            <dt>Pot</dt>
            <dd>
              <Balance value={t.pot} />
            </dd>
          </div>
          <div>
            <dt>Earmarked</dt>
            <dd>
              <Balance value={t.earmarked} />
              <small> for rounds and grants</small>
            </dd>
          </div>
          <div>
            <dt>Spendable</dt>
            <dd>
              <Balance value={t.spendable} />
            </dd>
          </div>
          <div>
            <dt>Spendable this period</dt>
            <dd>
              <Balance value={t.spendable_this_period} />
              <small>
                {" "}
                (at most {formatPerbill(t.max_share)} per period of {t.period} blocks; the next starts{" "}
                <Countdown target={t.next_period_at} />)
              </small>
            </dd>
          </div>
        </dl>
        <p class="muted">
          The pot's account: <Address value={t.account} />
        </p>
      </section>
      <section aria-labelledby="grants-title">
        <h2 id="grants-title">Grants</h2>
        {t.grants.length === 0 ? (
          <p class="muted">No grant has money left to pay.</p>
        ) : (
          <ul class="list">
            {t.grants.map((g) => (
              <li>
                #{g.id} to <Address value={g.beneficiary} />: <Balance value={g.amount} />, vesting over {g.duration} blocks
                from #{g.start}
                <div
                  class="bar vesting"
                  role="img"
                  aria-label={`${Number((g.vested * 100n) / (g.amount || 1n))} % vested`}
                >
                  <span class="claimed" style={{ width: `${Number((g.claimed * 100n) / (g.amount || 1n))}%` }} />
                  <span class="vested" style={{ width: `${Number(((g.vested - g.claimed) * 100n) / (g.amount || 1n))}%` }} />
                </div>
                <small>
                  vested <Balance value={g.vested} />, claimed <Balance value={g.claimed} />
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">Quadratic-funding rounds</h2>
        {t.open_rounds.length === 0 ? (
          <p class="muted">
            No round is open. A round is opened by a proposal (<a href="#/proposals">Propose</a>: a quadratic-funding round).
          </p>
        ) : (
          t.open_rounds.map((round) => <Round round={round} />)
        )}
      </section>
    </>
  );
}

interface RoundSummary {
  id: number;
  matching: bigint;
  enrolment_ends: number;
  ends_at: number;
  given: bigint;
  gifts: number;
  commons: number;
}

function Round(props: { round: RoundSummary }) {
  const r = props.round;
  const { api, best, info } = useChain();
  const { selected } = useAccounts();
  const projection = useView(async (api, at) => {
    const entries = await api.view.Treasury.round_projection(r.id, { at });
    const commons = await Promise.all(entries.map((entry) => api.apis.OstromApi.commons(entry.commons, { at })));
    return entries.map((entry, index) => ({ ...entry, name: commons[index] ? text(commons[index].name) : "" }));
  }, [r.id]);
  const [commons, setCommons] = useState("");
  const [amount, setAmount] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const transaction = useTransaction();
  const ended = best !== null && best.number >= r.ends_at;
  const enrolling = best !== null && best.number < r.enrolment_ends;
  const give = (e: Event) => {
    e.preventDefault();
    const parsed = parseBalance(amount, info?.token ?? OST);
    if (!parsed.ok) return setProblem(parsed.error);
    setProblem(null);
    transaction.submit(
      `Giving to commons #${commons}`,
      api.tx.Treasury.give({ round: r.id, commons: Number(commons), amount: parsed.value }),
    );
  };
  return (
    <article class="round" data-testid={`round-${r.id}`} aria-labelledby={`round-${r.id}-title`}>
      <h3 id={`round-${r.id}-title`}>Round #{r.id}</h3>
      <p>
        Matching pool <Balance value={r.matching} /> · given <Balance value={r.given} /> in {r.gifts} gifts to {r.commons}{" "}
        commons · enrolment {enrolling ? "ends" : "ended"} <Countdown target={r.enrolment_ends} /> · gifts{" "}
        {ended ? "ended" : "end"} <Countdown target={r.ends_at} />
      </p>
      {!projection.data ? (
        <Loading error={projection.error} />
      ) : projection.data.length === 0 ? (
        <p class="muted">No commons enrolled yet.</p>
      ) : (
        <table data-testid="projection">
          <caption>Each commons' gifts and the match it would get if the round were finalised now</caption>
          <thead>
            <tr>
              <th scope="col">Commons</th>
              <th scope="col">Givers</th>
              <th scope="col">Given</th>
              <th scope="col">Projected match</th>
            </tr>
          </thead>
          <tbody>
            {projection.data.map((c) => (
              <tr data-testid={`projection-${c.commons}`}>
                <td>
                  <a href={`#/commons/${c.commons}`}>
                    #{c.commons} {c.name}
                  </a>{" "}
                  {c.state.type !== "Enrolled" ? `(${c.state.type})` : ""}
                </td>
                <td>{c.givers}</td>
                <td>
                  <Balance value={c.given} />
                </td>
                <td data-testid="projected-match">
                  <Balance value={c.matched} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!ended && selected ? (
        <form class="form inline" onSubmit={give} data-testid="give">
          <label>
            Commons
            <select value={commons} onChange={(e) => setCommons(e.currentTarget.value)} name="commons" required>
              <option value="">—</option>
              {(projection.data ?? [])
                .filter((c) => c.state.type === "Enrolled")
                .map((c) => (
                  <option value={String(c.commons)}>
                    #{c.commons} {c.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Amount ({info?.token.symbol ?? "OST"})
            <input value={amount} onInput={(e) => setAmount(e.currentTarget.value)} name="amount" inputMode="decimal" required />
          </label>
          <button type="submit" disabled={transaction.busy}>
            Sign and give
          </button>
        </form>
      ) : null}
      {enrolling && selected ? <Enrol round={r.id} /> : null}
      {ended && selected ? (
        <button
          type="button"
          disabled={transaction.busy}
          onClick={() => transaction.submit(`Finalising round #${r.id}`, api.tx.Treasury.finalize_round({ round: r.id }))}
        >
          Finalise round #{r.id}
        </button>
      ) : null}
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <TransactionStatus state={transaction.state} />
    </article>
  );
}

function Enrol(props: { round: number }) {
  const { api } = useChain();
  const [commons, setCommons] = useState("");
  const transaction = useTransaction();
  return (
    <form
      class="form inline"
      data-testid="enrol"
      onSubmit={(e) => {
        e.preventDefault();
        transaction.submit(
          `Enrolling commons #${commons}`,
          api.tx.Treasury.enrol({ round: props.round, commons: Number(commons) }),
        );
      }}
    >
      <label>
        Enrol commons # (as its steward)
        <input type="number" min={0} value={commons} onInput={(e) => setCommons(e.currentTarget.value)} name="commons" required />
      </label>
      <button type="submit" disabled={transaction.busy}>
        Sign and enrol
      </button>
      <TransactionStatus state={transaction.state} />
    </form>
  );
}
