// Which node the dashboard talks to: `?node=ws://…` in the address, else the last one chosen in
// this browser, else the local development node.

export const DEFAULT_NODE = "ws://127.0.0.1:9944";
const STORAGE_KEY = "ostrom.node";

export function initialNodeUrl(): string {
  const fromAddress = new URLSearchParams(window.location.search).get("node");
  return fromAddress ?? window.localStorage.getItem(STORAGE_KEY) ?? DEFAULT_NODE;
}

export function rememberNodeUrl(url: string): void {
  window.localStorage.setItem(STORAGE_KEY, url);
}

/** A WebSocket address, or why not. */
export function checkNodeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "ws:" || parsed.protocol === "wss:"
      ? null
      : "the node's address starts with ws:// or wss://";
  } catch {
    return `"${url}" is not an address`;
  }
}
