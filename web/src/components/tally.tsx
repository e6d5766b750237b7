// A proposal's tally drawn: ayes against nays, turnout against the quorum, the ayes' share
// against the approval threshold.
import { drawTally, type TallyFigures } from "../logic/tally";
import { formatPerbill } from "../logic/format";

export interface TallyProps extends TallyFigures {
  voters: number;
  eligible: number;
  credits: bigint;
  passing: boolean;
}

export function Tally(props: { tally: TallyProps; compact?: boolean }) {
  const t = props.tally;
  const d = drawTally(t);
  return (
    <div class="tally" data-testid="tally">
      <div
        class="bar votes"
        role="img"
        aria-label={`${t.ayes} ayes, ${t.nays} nays`}
      >
        <span class="ayes" style={{ width: `${d.ayePercent}%` }} />
        <span class="nays" style={{ width: `${d.nayPercent}%` }} />
        <span class="threshold" style={{ left: `${d.approvalPercent}%` }} title="approval threshold" />
      </div>
      <p class="figures">
        <span data-testid="ayes">{String(t.ayes)} ayes</span> · <span data-testid="nays">{String(t.nays)} nays</span>
        {props.compact ? null : (
          <>
            {" "}· {t.voters} of {t.eligible} voted · {String(t.credits)} credits spent
          </>
        )}
      </p>
      {props.compact ? null : (
        <>
          <div class="bar turnout" role="img" aria-label={`turnout ${formatPerbill(t.turnout)} of a quorum of ${formatPerbill(t.quorum)}`}>
            <span class="filled" style={{ width: `${Math.min(d.turnoutPercent, 100)}%` }} />
            <span class="threshold" style={{ left: `${d.quorumPercent}%` }} />
          </div>
          <p class="figures">
            Turnout {formatPerbill(t.turnout)} of a quorum of {formatPerbill(t.quorum)} {d.quorumMet ? "✓" : "✗"} ·
            Ayes {Number(d.ayePercent.toFixed(1))} % against more than {formatPerbill(t.approval)} {d.approvalMet ? "✓" : "✗"} ·{" "}
            <strong data-testid="passing">{t.passing ? "passing" : "not passing"}</strong>
          </p>
        </>
      )}
    </div>
  );
}
