// The whole DAO at a glance: blocks, members, open proposals, the treasury, the voting epoch.
import { Enum } from "polkadot-api";
import { useChain, useView } from "../chain/chain";
import { Balance, Countdown, Loading } from "../components/values";
import type { PageProps } from ".";

export function Overview(_: PageProps) {
  const { best, finalized } = useChain();
  const view = useView(async (api, at) => {
    const [members, voting, treasury] = await Promise.all([
      api.query.Membership.MemberCount.getValue({ at }),
      api.apis.OstromApi.proposals(Enum("Voting"), 0, 100, { at }),
      api.apis.OstromApi.treasury({ at }),
    ]);
    // Anyone has a budget of voice credits; the pot's tells the epoch like any other.
    const credits = await api.view.QuadraticVoting.voice_credits(treasury.account, { at });
    return { members, voting, treasury, credits };
  }, []);
  if (!view.data) return <Loading error={view.error} />;
  const { members, voting, treasury, credits } = view.data;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">The DAO now</h1>
      <dl class="cards">
        <div>
          <dt>Blocks</dt>
          <dd>
            best #{best?.number} · finalized #{finalized?.number}
          </dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd data-testid="member-count">
            <a href="#/members">{members}</a>
          </dd>
        </div>
        <div>
          <dt>Open proposals</dt>
          <dd data-testid="open-proposals">
            <a href="#/proposals?status=Voting">
              {voting.items.length}
              {voting.next !== undefined ? "+" : ""}
            </a>
          </dd>
        </div>
        <div>
          <dt>Treasury pot</dt>
          <dd>
            <Balance value={treasury.pot} />
          </dd>
        </div>
        <div>
          <dt>Spendable this period</dt>
          <dd>
            <Balance value={treasury.spendable_this_period} />
            <small>
              {" "}
              next period <Countdown target={treasury.next_period_at} />
            </small>
          </dd>
        </div>
        <div>
          <dt>Voting epoch</dt>
          <dd>
            #{credits.epoch.index}: every member has {String(credits.per_epoch)} voice credits
            <small>
              {" "}
              renewed <Countdown target={credits.epoch.next_starts_at} />
            </small>
          </dd>
        </div>
      </dl>
    </section>
  );
}
