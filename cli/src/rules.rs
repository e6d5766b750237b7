//! The DAO's governance rules as `Proposals.Rules` stores them, and the changes a member
//! proposes to them: every rule not named keeps its current value.

use crate::units::{format_ost, parse_ost, parse_percent, Perbill};
use subxt::ext::{scale_decode, scale_encode};

/// The thresholds of one track.
#[derive(
	Clone, Copy, Debug, PartialEq, Eq, scale_decode::DecodeAsType, scale_encode::EncodeAsType,
)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
#[encode_as_type(crate_path = "subxt::ext::scale_encode")]
pub struct TrackRules {
	pub quorum: Perbill,
	pub approval: Perbill,
}

/// `pallet_ostrom_proposals::GovernanceRules` of the runtime (blocks are `u32`, balances
/// `u128`).
#[derive(
	Clone, Copy, Debug, PartialEq, Eq, scale_decode::DecodeAsType, scale_encode::EncodeAsType,
)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
#[encode_as_type(crate_path = "subxt::ext::scale_encode")]
pub struct GovernanceRules {
	pub voting_period: u32,
	pub enactment_delay: u32,
	pub proposal_deposit: u128,
	pub standard: TrackRules,
	pub root: TrackRules,
}

/// The rules a member wants changed; the others stay as they are.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct RuleChanges {
	/// How long a proposal is open to votes, in blocks.
	#[arg(long, value_name = "BLOCKS")]
	pub voting_period: Option<u32>,
	/// How long after approval a call is enacted, in blocks.
	#[arg(long, value_name = "BLOCKS")]
	pub enactment_delay: Option<u32>,
	/// The proposal deposit, in OST.
	#[arg(long, value_name = "OST", value_parser = parse_ost)]
	pub deposit: Option<u128>,
	/// The share of eligible members who must vote on a Standard proposal, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
	pub standard_quorum: Option<u32>,
	/// The share of ayes a Standard proposal must exceed, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
	pub standard_approval: Option<u32>,
	/// The share of eligible members who must vote on a Root proposal, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
	pub root_quorum: Option<u32>,
	/// The share of ayes a Root proposal must exceed, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
	pub root_approval: Option<u32>,
}

impl GovernanceRules {
	/// These rules with `changes` made.
	pub fn changed(self, changes: &RuleChanges) -> GovernanceRules {
		let share = |change: Option<u32>, current: Perbill| change.map_or(current, Perbill);
		GovernanceRules {
			voting_period: changes.voting_period.unwrap_or(self.voting_period),
			enactment_delay: changes.enactment_delay.unwrap_or(self.enactment_delay),
			proposal_deposit: changes.deposit.unwrap_or(self.proposal_deposit),
			standard: TrackRules {
				quorum: share(changes.standard_quorum, self.standard.quorum),
				approval: share(changes.standard_approval, self.standard.approval),
			},
			root: TrackRules {
				quorum: share(changes.root_quorum, self.root.quorum),
				approval: share(changes.root_approval, self.root.approval),
			},
		}
	}

	/// One line per rule, `name: old → new` for those that differ from `self` in `new`.
	pub fn differences(&self, new: &GovernanceRules) -> Vec<String> {
		let (old, new) = (self.described(), new.described());
		old.into_iter()
			.zip(new)
			.filter(|((_, before), (_, after))| before != after)
			.map(|((name, before), (_, after))| format!("{name}: {before} → {after}"))
			.collect()
	}

	/// Each rule's name and value, as people read them.
	fn described(&self) -> [(&'static str, String); 7] {
		[
			("voting period", format!("{} blocks", self.voting_period)),
			("enactment delay", format!("{} blocks", self.enactment_delay)),
			("proposal deposit", format_ost(self.proposal_deposit)),
			("Standard quorum", self.standard.quorum.to_string()),
			("Standard approval", format!("more than {}", self.standard.approval)),
			("Root quorum", self.root.quorum.to_string()),
			("Root approval", format!("more than {}", self.root.approval)),
		]
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::units::PLANCK_PER_OST;

	/// Rules like the development preset's.
	fn development() -> GovernanceRules {
		GovernanceRules {
			voting_period: 10,
			enactment_delay: 2,
			proposal_deposit: 10 * PLANCK_PER_OST,
			standard: TrackRules { quorum: Perbill(500_000_000), approval: Perbill(500_000_000) },
			root: TrackRules { quorum: Perbill(600_000_000), approval: Perbill(666_666_667) },
		}
	}

	#[test]
	fn unnamed_rules_keep_their_values() {
		let changes = RuleChanges {
			voting_period: Some(20),
			standard_quorum: Some(400_000_000),
			..RuleChanges::default()
		};
		let changed = development().changed(&changes);
		assert_eq!(changed.voting_period, 20);
		assert_eq!(changed.standard.quorum, Perbill(400_000_000));
		assert_eq!(changed.enactment_delay, 2);
		assert_eq!(changed.proposal_deposit, 10 * PLANCK_PER_OST);
		assert_eq!(changed.standard.approval, Perbill(500_000_000));
		assert_eq!(changed.root, development().root);
		assert_eq!(development().changed(&RuleChanges::default()), development());
	}

	#[test]
	fn differences_name_only_what_changes() {
		let changes = RuleChanges {
			deposit: Some(PLANCK_PER_OST / 2),
			root_approval: Some(750_000_000),
			..RuleChanges::default()
		};
		let rules = development();
		assert_eq!(
			rules.differences(&rules.changed(&changes)),
			[
				"proposal deposit: 10 OST → 0.5 OST",
				"Root approval: more than 66.6666667% → more than 75%"
			]
		);
		assert!(rules.differences(&rules).is_empty());
	}
}
