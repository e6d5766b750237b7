// A chain error in words: `QuadraticVoting.NotEnoughCredits: The vote costs more voice credits
// than the member has left in this epoch.` The explanation is the pallet's own documentation of
// the error, read from the connected chain's metadata (so it matches the runtime that ran).
import { decAnyMetadata, unifyMetadata } from "@polkadot-api/substrate-bindings";
import type { PolkadotClient } from "polkadot-api";

type Docs = Map<string, string>;
const cache = new Map<string, Promise<Docs>>();

async function readDocs(client: PolkadotClient, blockHash: string): Promise<Docs> {
  const raw = await client.getMetadata(blockHash);
  const metadata = unifyMetadata(decAnyMetadata(raw));
  const docs: Docs = new Map();
  for (const pallet of metadata.pallets) {
    if (!pallet.errors) continue;
    const entry = metadata.lookup[pallet.errors.type];
    if (entry?.def.tag !== "variant") continue;
    for (const variant of entry.def.value) {
      docs.set(`${pallet.name}.${variant.name}`, variant.docs.join(" ").trim());
    }
  }
  return docs;
}

/** A dispatch error as polkadot-api reports it: `{ type: "Module", value: { type: pallet, value: { type: error } } }`. */
export interface DispatchErrorLike {
  type: string;
  value?: unknown;
}

function named(value: unknown): { type: string; value?: unknown } | null {
  return value && typeof value === "object" && "type" in value && typeof value.type === "string"
    ? (value as { type: string; value?: unknown })
    : null;
}

/** The error's name, `Pallet.Error` for a pallet's error, else the kind of error. */
export function errorName(error: DispatchErrorLike): string {
  const pallet = named(error.value);
  const inner = pallet && named(pallet.value);
  if (error.type === "Module" && pallet && inner) return `${pallet.type}.${inner.type}`;
  return pallet ? `${error.type}.${pallet.type}` : error.type;
}

export async function explainError(
  client: PolkadotClient,
  blockHash: string,
  error: DispatchErrorLike,
): Promise<string> {
  const name = errorName(error);
  let docs = cache.get(blockHash);
  if (!docs) {
    docs = readDocs(client, blockHash);
    cache.set(blockHash, docs);
  }
  const explanation = (await docs.catch(() => new Map<string, string>())).get(name);
  return explanation ? `${name}: ${explanation}` : name;
}
