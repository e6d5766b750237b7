// The tests' own view of the chain, beside the page's: the same typed API, from Node.js. It
// makes blocks on the manual-sealing development node and reads what the page should show.
import { ostrom } from "@polkadot-api/descriptors";
import { createClient, type PolkadotClient, type TypedApi } from "polkadot-api";
import { getWsProvider } from "polkadot-api/ws";
import WebSocket from "ws";

export const NODE_WS = process.env.OSTROM_NODE_WS ?? "ws://127.0.0.1:9944";

export interface TestChain {
  client: PolkadotClient;
  api: TypedApi<typeof ostrom>;
  /** Seals `count` empty blocks (the node seals one per transaction by itself). */
  seal: (count: number) => Promise<void>;
  bestNumber: () => Promise<number>;
  close: () => void;
}

export function connect(): TestChain {
  const client = createClient(
    getWsProvider(NODE_WS, { websocketClass: WebSocket as unknown as typeof globalThis.WebSocket }),
  );
  const api = client.getTypedApi(ostrom);
  return {
    client,
    api,
    seal: async (count) => {
      for (let i = 0; i < count; i++) await client._request("engine_createBlock", [true, true, null]);
    },
    bestNumber: async () => (await client.getFinalizedBlock()).number,
    close: () => client.destroy(),
  };
}
