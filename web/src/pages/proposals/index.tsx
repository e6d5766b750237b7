// Proposals: the list by status, one proposal with its tally, votes and countdowns, voting and
// closing, and submitting a new one.
import type { PageProps } from "..";
import { ProposalDetail } from "./detail";
import { ProposalList } from "./list";
import { Propose } from "./propose";

export function Proposals(props: PageProps) {
  if (props.id !== undefined) return <ProposalDetail id={Number(props.id)} />;
  return (
    <>
      <ProposalList status={props.query.get("status") ?? ""} />
      <Propose />
    </>
  );
}
