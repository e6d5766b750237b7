// The connection to the node, shared by every page: the typed API generated from Ostrom's
// metadata, the best and finalized blocks as they come, and what the chain says about itself.
import { ostrom } from "@polkadot-api/descriptors";
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import {
  BlockNotPinnedError,
  createClient,
  type BlockInfo,
  type PolkadotClient,
  type TypedApi,
} from "polkadot-api";
import { getWsProvider } from "polkadot-api/ws";
import { OST, type Token } from "../logic/format";

export type OstromApi = TypedApi<typeof ostrom>;

/** `reconnecting` is `connecting` after the node was reached once. */
export type Status = "connecting" | "connected" | "reconnecting" | "unreachable";

export interface ChainInfo {
  name: string;
  token: Token;
  msPerBlock: number;
  /** A development chain: its well-known accounts may be offered. */
  development: boolean;
}

export interface Chain {
  url: string;
  status: Status;
  client: PolkadotClient;
  api: OstromApi;
  best: BlockInfo | null;
  finalized: BlockInfo | null;
  info: ChainInfo | null;
}

const ChainContext = createContext<Chain | null>(null);

export function useChain(): Chain {
  const chain = useContext(ChainContext);
  if (!chain) throw new Error("useChain outside <ChainProvider>");
  return chain;
}

async function readInfo(client: PolkadotClient, api: OstromApi): Promise<ChainInfo> {
  const [spec, chainType, slot] = await Promise.all([
    client.getChainSpecData(),
    client._request<string | { [kind: string]: null }>("system_chainType", []),
    api.constants.Aura.SlotDuration(),
  ]);
  const properties = spec.properties as { tokenSymbol?: unknown; tokenDecimals?: unknown };
  const token: Token = {
    symbol: typeof properties.tokenSymbol === "string" ? properties.tokenSymbol : OST.symbol,
    decimals: typeof properties.tokenDecimals === "number" ? properties.tokenDecimals : OST.decimals,
  };
  const development = chainType === "Development" || (typeof chainType === "object" && "Development" in chainType);
  return { name: spec.name, token, msPerBlock: Number(slot), development };
}

/** Connects to `url` and keeps the connection: the provider reconnects by itself. */
export function ChainProvider(props: { url: string; children: ComponentChildren }) {
  const [chain, setChain] = useState<Chain | null>(null);

  useEffect(() => {
    // Since the last connection: whether the node was reached, and whether an attempt failed.
    let reached = false;
    let failed = false;
    let update: (change: Partial<Chain>) => void = () => {};
    const provider = getWsProvider(props.url, {
      onStatusChanged: (change) => {
        if (change.type === "CONNECTED") {
          reached = true;
          failed = false;
          return update({ status: "connected" });
        }
        if (change.type !== "CONNECTING") failed = true;
        // The provider retries by itself: a retry after a failure is still "unreachable".
        update({ status: reached ? "reconnecting" : failed ? "unreachable" : "connecting" });
      },
    });
    const client = createClient(provider);
    const api = client.getTypedApi(ostrom);
    let current: Chain = {
      url: props.url,
      status: "connecting",
      client,
      api,
      best: null,
      finalized: null,
      info: null,
    };
    update = (change) => {
      current = { ...current, ...change };
      setChain(current);
    };
    update({});
    const best = client.bestBlocks$.subscribe({
      next: (blocks) => update({ best: blocks[0] ?? null }),
      error: () => update({ status: "unreachable" }),
    });
    const finalized = client.finalizedBlock$.subscribe({
      next: (block) => update({ finalized: block }),
      error: () => update({ status: "unreachable" }),
    });
    readInfo(client, api).then(
      (info) => update({ info }),
      () => update({ status: "unreachable" }),
    );
    return () => {
      update = () => {};
      best.unsubscribe();
      finalized.unsubscribe();
      client.destroy();
    };
  }, [props.url]);

  if (!chain) return null;
  return <ChainContext.Provider value={chain}>{props.children}</ChainContext.Provider>;
}

export interface View<T> {
  data: T | undefined;
  error: string | undefined;
}

/**
 * Reads `read` at the best block, again at every new best block (unless `live` is false: for
 * what a block cannot change, such as constants or a submitted call) and whenever `deps` change;
 * keeps the last answer while the next is on its way, so that pages do not flicker.
 */
export function useView<T>(
  read: (api: OstromApi, at: string) => Promise<T>,
  deps: unknown[],
  live = true,
): View<T> {
  const { api, best } = useChain();
  const [view, setView] = useState<View<T>>({ data: undefined, error: undefined });
  const at = best?.hash;
  useEffect(() => {
    if (!at) return;
    let live = true;
    read(api, at).then(
      (data) => live && setView({ data, error: undefined }),
      (error: unknown) => {
        // A block that is no longer pinned was overtaken by a newer one, which reads again.
        if (live && !(error instanceof BlockNotPinnedError)) {
          setView((previous) => ({ data: previous.data, error: String(error) }));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [api, live ? at : at !== undefined, ...deps]);
  return view;
}
