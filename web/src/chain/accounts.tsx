// The accounts that can sign: those of browser wallet extensions (polkadot.js, Talisman,
// SubWallet, through the injected-accounts standard) and, on a development chain only, the
// well-known development accounts. The dashboard never sees a secret phrase of a real account.
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { PolkadotSigner, SS58String } from "polkadot-api";
import { connectInjectedExtension, getInjectedExtensions } from "polkadot-api/pjs-signer";
import { useChain } from "./chain";

export interface Account {
  address: SS58String;
  name: string;
  /** `development` for the well-known development accounts, else the extension's name. */
  source: string;
  signer: PolkadotSigner;
}

export const DEVELOPMENT = "development";
const DEVELOPMENT_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];
const SELECTED_KEY = "ostrom.account";

/** The development accounts, derived from the well-known development phrase (`//Alice`, …). */
async function developmentAccounts(): Promise<Account[]> {
  const [{ sr25519CreateDerive }, { DEV_MINI_SECRET, ss58Address }, { getPolkadotSigner }] =
    await Promise.all([
      import("@polkadot-labs/hdkd"),
      import("@polkadot-labs/hdkd-helpers"),
      import("polkadot-api/signer"),
    ]);
  const derive = sr25519CreateDerive(DEV_MINI_SECRET);
  return DEVELOPMENT_NAMES.map((name) => {
    const pair = derive(`//${name}`);
    return {
      address: ss58Address(pair.publicKey),
      name,
      source: DEVELOPMENT,
      signer: getPolkadotSigner(pair.publicKey, "Sr25519", pair.sign),
    };
  });
}

interface Accounts {
  accounts: Account[];
  selected: Account | null;
  select: (address: string) => void;
  /** The extensions the browser has, and connecting to one of them. */
  extensions: string[];
  connect: (extension: string) => Promise<void>;
  problem: string | null;
}

const AccountsContext = createContext<Accounts | null>(null);

export function useAccounts(): Accounts {
  const accounts = useContext(AccountsContext);
  if (!accounts) throw new Error("useAccounts outside <AccountsProvider>");
  return accounts;
}

export function AccountsProvider(props: { children: ComponentChildren }) {
  const { info } = useChain();
  const [development, setDevelopment] = useState<Account[]>([]);
  const [injected, setInjected] = useState<Account[]>([]);
  const [selectedAddress, setSelectedAddress] = useState(
    () => window.localStorage.getItem(SELECTED_KEY) ?? "",
  );
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (info?.development) developmentAccounts().then(setDevelopment, (e) => setProblem(String(e)));
    else setDevelopment([]);
  }, [info?.development]);

  const connect = async (name: string) => {
    try {
      const extension = await connectInjectedExtension(name);
      const found = extension.getAccounts().map((account) => ({
        address: account.address,
        name: account.name ?? account.address,
        source: name,
        signer: account.polkadotSigner,
      }));
      setInjected((previous) => [...previous.filter((a) => a.source !== name), ...found]);
      setProblem(found.length ? null : `${name} shares no account with this page`);
    } catch (error) {
      setProblem(`${name}: ${String(error)}`);
    }
  };

  const accounts = [...injected, ...development];
  const selected = accounts.find((a) => a.address === selectedAddress) ?? null;
  const select = (address: string) => {
    window.localStorage.setItem(SELECTED_KEY, address);
    setSelectedAddress(address);
  };
  const value: Accounts = {
    accounts,
    selected,
    select,
    extensions: getInjectedExtensions(),
    connect,
    problem,
  };
  return <AccountsContext.Provider value={value}>{props.children}</AccountsContext.Provider>;
}
