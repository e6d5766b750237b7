// A proposal's call in words, decoded from the call the chain keeps (inline in the proposal, or
// its preimage). Once a proposal is decided the chain may drop the preimage: then the call's
// name, which the proposal records, is all there is.
import { useView } from "../chain/chain";
import { describeCall } from "../logic/call";
import { OST, text } from "../logic/format";
import { useChain } from "../chain/chain";

export function CallWords(props: { proposal: number; name: Uint8Array | undefined }) {
  const token = useChain().info?.token ?? OST;
  const decoded = useView(
    async (api, at) => {
      const proposal = await api.query.Proposals.Proposals.getValue(props.proposal, { at });
      if (!proposal || proposal.kind.type !== "Call") return null;
      const bounded = proposal.kind.value;
      const bytes =
        bounded.type === "Inline"
          ? bounded.value
          : bounded.type === "Lookup"
            ? await api.query.Preimage.PreimageFor.getValue([bounded.value.hash, bounded.value.len], { at })
            : undefined;
      if (!bytes) return null;
      const call = await api.txFromCallData(bytes);
      return describeCall(call.decodedCall, token);
    },
    [props.proposal, token],
    // A proposal's call never changes once submitted.
    false,
  );
  if (!props.name) return <span class="call">Signal (nothing to enact)</span>;
  return <span class="call" data-testid="call">{decoded.data ?? text(props.name)}</span>;
}
