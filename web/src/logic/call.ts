// A proposal's call in words: "Treasury.spend 250 OST to 5Grwva…utQY". Calls the dashboard
// knows are written as sentences; any other is written as its name and arguments.
import { formatBalance, shortAddress, type Token } from "./format";

/** A decoded call as polkadot-api gives it: pallet, then call, then named arguments. */
export interface DecodedCall {
  type: string;
  value: { type: string; value: unknown };
}

type Describer = (args: Record<string, unknown>, token: Token) => string;

const amount = (value: unknown, token: Token): string =>
  typeof value === "bigint" ? formatBalance(value, token) : String(value);
const account = (value: unknown): string => shortAddress(String(value));

const sentences: Record<string, Describer> = {
  "Treasury.spend": (a, t) => `${amount(a.amount, t)} to ${account(a.beneficiary)}`,
  "Treasury.grant": (a, t) =>
    `${amount(a.amount, t)} to ${account(a.beneficiary)}, vesting over ${a.duration} blocks`,
  "Treasury.open_round": (a, t) =>
    `a matching pool of ${amount(a.matching, t)}, enrolment ${a.enrolment} blocks, ${a.duration} blocks in all`,
  "Membership.add_member": (a) => `admit ${account(a.who)}`,
  "Membership.remove_member": (a) => `remove ${account(a.who)}`,
};

/** Writes one argument value for the generic form: amounts as numbers, bytes as text. */
function argument(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) {
    const decoded = new TextDecoder("utf-8", { fatal: false }).decode(value);
    return JSON.stringify(decoded);
  }
  if (value && typeof value === "object") {
    if ("type" in value) {
      const inner = (value as { value?: unknown }).value;
      return inner === undefined ? String(value.type) : `${String(value.type)}(${argument(inner)})`;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    return `{ ${entries.map(([k, v]) => `${k}: ${argument(v)}`).join(", ")} }`;
  }
  if (typeof value === "string" && value.length > 20) return shortAddress(value);
  return String(value);
}

export function describeCall(call: DecodedCall, token: Token): string {
  const name = `${call.type}.${call.value.type}`;
  const args = (call.value.value ?? {}) as Record<string, unknown>;
  const sentence = sentences[name];
  if (sentence) return `${name} ${sentence(args, token)}`;
  const written = Object.entries(args).map(([key, value]) => `${key}: ${argument(value)}`);
  return written.length ? `${name}(${written.join(", ")})` : name;
}
