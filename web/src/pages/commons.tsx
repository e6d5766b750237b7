// Commons: the registry with kind, licence, stewards, contributions and each commons' account;
// one commons with its contributions; registering, contributing and reviewing.
import { Enum } from "polkadot-api";
import { useState } from "preact/hooks";
import { Blake2256 } from "@polkadot-api/substrate-bindings";
import { toHex } from "polkadot-api/utils";
import { useAccounts } from "../chain/accounts";
import { useChain, useView } from "../chain/chain";
import { TransactionStatus, useTransaction } from "../chain/transaction";
import { Address, Balance, Loading } from "../components/values";
import { bytes, text } from "../logic/format";
import type { PageProps } from ".";

export const KINDS = ["Software", "Knowledge", "Design", "Data", "Energy", "Food", "Space", "Tools", "Other"] as const;
type KindName = (typeof KINDS)[number];
const PAGE = 50;

export function Commons(props: PageProps) {
  if (props.id !== undefined) return <CommonsDetail id={Number(props.id)} />;
  return (
    <>
      <Registry />
      <Register />
    </>
  );
}

function Registry() {
  const [from, setFrom] = useState(0);
  const view = useView((api, at) => api.apis.OstromApi.list_commons(from, PAGE, { at }), [from]);
  return (
    <section aria-labelledby="commons-title">
      <h1 id="commons-title">Commons</h1>
      {!view.data ? (
        <Loading error={view.error} />
      ) : view.data.items.length === 0 ? (
        <p class="muted">No commons is registered yet.</p>
      ) : (
        <ul class="list" data-testid="commons-list">
          {view.data.items.map((c) => (
            <li>
              <a href={`#/commons/${c.id}`}>
                <strong>{text(c.name)}</strong>
              </a>{" "}
              <span class="tag">{c.kind.type}</span> <span class="tag">{text(c.license)}</span>
              {c.status.type !== "Active" ? <span class="status">{c.status.type}</span> : null}
              <p>
                Contributions: {c.contributions.pending} pending · {c.contributions.accepted} accepted ·{" "}
                {c.contributions.rejected} rejected
              </p>
              <p class="muted">
                Stewards: {c.stewards.map((s) => <Address value={s} />)} · account <Address value={c.account} /> holds{" "}
                <Balance value={c.balance} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {view.data?.next !== undefined ? (
        <button type="button" onClick={() => setFrom(view.data!.next!)}>
          More commons
        </button>
      ) : null}
    </section>
  );
}

function Register() {
  const { api } = useChain();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<KindName>("Software");
  const [license, setLicense] = useState("CC0-1.0");
  const [uri, setUri] = useState("");
  const transaction = useTransaction();
  const deposit = useView((api) => api.constants.Commons.RegistrationDeposit(), [], false);
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">Register a commons</h2>
      <form
        class="form"
        data-testid="register"
        onSubmit={(e) => {
          e.preventDefault();
          transaction.submit(
            `Registering ${name}`,
            api.tx.Commons.register({ name: bytes(name), kind: Enum(kind), license: bytes(license), uri: bytes(uri) }),
          );
        }}
      >
        <label>
          Name
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} name="name" required />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as KindName)} name="kind">
            {KINDS.map((k) => (
              <option value={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Licence (SPDX identifier)
          <input value={license} onInput={(e) => setLicense(e.currentTarget.value)} name="license" required />
        </label>
        <label>
          Address (URI)
          <input value={uri} onInput={(e) => setUri(e.currentTarget.value)} name="uri" />
        </label>
        <p class="muted">
          Holds {deposit.data !== undefined ? <Balance value={deposit.data} /> : "a deposit"} until the commons is archived;
          you become its first steward.
        </p>
        <button type="submit" disabled={transaction.busy}>
          Sign and register
        </button>
        <TransactionStatus state={transaction.state} />
      </form>
    </section>
  );
}

function CommonsDetail(props: { id: number }) {
  const { api } = useChain();
  const { selected } = useAccounts();
  const view = useView(async (api, at) => {
    const [commons, contributions] = await Promise.all([
      api.apis.OstromApi.commons(props.id, { at }),
      api.apis.OstromApi.commons_contributions(props.id, 0n, 100, { at }),
    ]);
    return { commons, contributions };
  }, [props.id]);
  const review = useTransaction();
  if (!view.data) return <Loading error={view.error} />;
  const { commons: c, contributions } = view.data;
  if (!c) return <p>There is no commons #{props.id}.</p>;
  return (
    <article aria-labelledby="commons-detail-title">
      <p>
        <a href="#/commons">← all commons</a>
      </p>
      <h1 id="commons-detail-title">{text(c.name)}</h1>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{c.kind.type}</dd>
        <dt>Licence</dt>
        <dd>{text(c.license)}</dd>
        <dt>Address</dt>
        <dd>{text(c.uri) || "—"}</dd>
        <dt>Stewards</dt>
        <dd>{c.stewards.map((s) => <Address value={s} />)}</dd>
        <dt>Account</dt>
        <dd>
          <Address value={c.account} /> holds <Balance value={c.balance} />
        </dd>
      </dl>
      <h2>Contributions</h2>
      {contributions.items.length === 0 ? (
        <p class="muted">No contribution yet.</p>
      ) : (
        <ul class="list" data-testid="contributions">
          {contributions.items.map((k) => (
            <li>
              <strong>#{String(k.id)}</strong> {text(k.note)} by <Address value={k.contributor} />{" "}
              <span class={`status ${k.status.type}`} data-testid="contribution-status">
                {k.status.type}
              </span>{" "}
              <small>
                {k.approvals} approvals · {k.rejections} rejections · content <code>{k.content_hash.slice(0, 10)}…</code>
              </small>
              {k.status.type === "Pending" && selected && selected.address !== k.contributor ? (
                <span class="actions">
                  <button
                    type="button"
                    disabled={review.busy}
                    onClick={() => review.submit("Approving", api.tx.Commons.review({ contribution: k.id, approve: true }))}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    disabled={review.busy}
                    onClick={() => review.submit("Rejecting", api.tx.Commons.review({ contribution: k.id, approve: false }))}
                  >
                    Reject
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <TransactionStatus state={review.state} />
      <Contribute commons={c.id} />
    </article>
  );
}

function Contribute(props: { commons: number }) {
  const { api } = useChain();
  const [content, setContent] = useState("");
  const [note, setNote] = useState("");
  const transaction = useTransaction();
  const deposit = useView((api) => api.constants.Commons.ContributionDeposit(), [], false);
  return (
    <form
      class="form"
      data-testid="contribute"
      onSubmit={(e) => {
        e.preventDefault();
        // The content stays off-chain: the chain records its blake2-256 hash, as `ostrom` does.
        const contentHash = toHex(Blake2256(bytes(content)));
        transaction.submit(
          "Contributing",
          api.tx.Commons.contribute({ commons: props.commons, content_hash: contentHash, note: bytes(note) }),
        );
      }}
    >
      <h2>Contribute</h2>
      <label>
        Content (or a link to it)
        <input value={content} onInput={(e) => setContent(e.currentTarget.value)} name="content" required />
      </label>
      <label>
        Note
        <input value={note} onInput={(e) => setNote(e.currentTarget.value)} name="note" />
      </label>
      <p class="muted">
        Holds {deposit.data !== undefined ? <Balance value={deposit.data} /> : "a deposit"} until the contribution is
        reviewed.
      </p>
      <button type="submit" disabled={transaction.busy}>
        Sign and contribute
      </button>
      <TransactionStatus state={transaction.state} />
    </form>
  );
}
