// The frame around every page: the node's address and state, the account that signs, the menu.
import { useState } from "preact/hooks";
import { AccountsProvider, DEVELOPMENT, useAccounts } from "./chain/accounts";
import { ChainProvider, useChain } from "./chain/chain";
import { checkNodeUrl, initialNodeUrl, rememberNodeUrl } from "./chain/node";
import { pages } from "./pages";
import { useRoute } from "./route";

export function App() {
  const [url, setUrl] = useState(initialNodeUrl);
  const connect = (next: string) => {
    rememberNodeUrl(next);
    setUrl(next);
  };
  return (
    <ChainProvider url={url}>
      <AccountsProvider>
        <Frame onConnect={connect} />
      </AccountsProvider>
    </ChainProvider>
  );
}

function Frame(props: { onConnect: (url: string) => void }) {
  const route = useRoute();
  const current = pages.find((p) => p.path === route.page) ?? pages[0]!;
  const Page = current.component;
  return (
    <>
      <a class="skip" href="#main">
        Skip to the page
      </a>
      <header>
        <div class="brand">
          <a href="#/overview">Ostrom</a>
          <BlockHeights />
        </div>
        <nav aria-label="Pages">
          {pages.map((p) => (
            <a href={`#/${p.path}`} aria-current={p === current ? "page" : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
        <AccountPicker />
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Page id={route.id} query={route.query} />
      </main>
      <footer>
        <NodeSetting onConnect={props.onConnect} />
      </footer>
    </>
  );
}

function BlockHeights() {
  const { best, finalized } = useChain();
  return (
    <span class="heights" aria-label="block heights">
      best <strong data-testid="best">#{best?.number ?? "–"}</strong> · finalized{" "}
      <strong data-testid="finalized">#{finalized?.number ?? "–"}</strong>
    </span>
  );
}

function ConnectionBanner() {
  const { status, url } = useChain();
  if (status === "connected") return null;
  const words =
    status === "connecting"
      ? `Connecting to the node at ${url}…`
      : status === "reconnecting"
        ? `Lost the node at ${url}; reconnecting…`
        : `The node at ${url} cannot be reached. Retrying by itself; is it running? Its address can be changed below.`;
  return (
    <p class={`banner ${status}`} role="status" data-testid="connection">
      {words}
    </p>
  );
}

function AccountPicker() {
  const { accounts, selected, select, extensions, connect, problem } = useAccounts();
  return (
    <div class="accounts">
      <label>
        Sign as{" "}
        <select value={selected?.address ?? ""} onChange={(e) => select(e.currentTarget.value)} data-testid="account">
          <option value="">— choose an account —</option>
          {accounts.map((a) => (
            <option value={a.address}>
              {a.name} {a.source === DEVELOPMENT ? "(development account)" : `(${a.source})`}
            </option>
          ))}
        </select>
      </label>
      {extensions.map((name) => (
        <button type="button" onClick={() => connect(name)}>
          Connect {name}
        </button>
      ))}
      {selected?.source === DEVELOPMENT ? (
        <span class="dev-badge" title="Its key is public: use it only on a development chain">
          development account
        </span>
      ) : null}
      {accounts.length === 0 && extensions.length === 0 ? (
        <span class="muted">No wallet extension found: install polkadot.js, Talisman or SubWallet to sign.</span>
      ) : null}
      {problem ? <span role="alert" class="error">{problem}</span> : null}
    </div>
  );
}

function NodeSetting(props: { onConnect: (url: string) => void }) {
  const { url, info } = useChain();
  const [draft, setDraft] = useState(url);
  const problem = checkNodeUrl(draft);
  return (
    <form
      class="node-setting"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) props.onConnect(draft);
      }}
    >
      <label>
        Node{" "}
        <input value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-invalid={problem ? true : undefined} size={28} />
      </label>
      <button type="submit" disabled={!!problem || draft === url}>
        Connect
      </button>
      {problem ? <span class="error">{problem}</span> : null}
      <span class="muted">{info ? `${info.name} · ${info.token.symbol} · ${info.msPerBlock / 1000} s blocks` : ""}</span>
    </form>
  );
}
