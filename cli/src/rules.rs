//! The DAO's governance rules as `Proposals.Rules` stores them, and the changes a member
//! proposes to them: every rule not named keeps its current value.

use crate::{
	commands::count,
	units::{format_ost, parse_ost, parse_percent, Perbill},
};
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
	/// How long an Emergency proposal (a kill) is open to votes, in blocks.
	pub emergency_voting_period: u32,
	pub emergency: TrackRules,
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
	/// How long an Emergency proposal (a kill) is open to votes, in blocks; shorter than the
	/// enactment delay, so that a kill lands before its target is enacted.
	#[arg(long, value_name = "BLOCKS")]
	pub emergency_voting_period: Option<u32>,
	/// The share of eligible members who must vote on an Emergency proposal, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
	pub emergency_quorum: Option<u32>,
	/// The share of ayes an Emergency proposal must exceed, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
	pub emergency_approval: Option<u32>,
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
			emergency_voting_period: changes
				.emergency_voting_period
				.unwrap_or(self.emergency_voting_period),
			emergency: TrackRules {
				quorum: share(changes.emergency_quorum, self.emergency.quorum),
				approval: share(changes.emergency_approval, self.emergency.approval),
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
	fn described(&self) -> [(&'static str, String); 10] {
		[
			("voting period", count(self.voting_period, "block")),
			("enactment delay", count(self.enactment_delay, "block")),
			("proposal deposit", format_ost(self.proposal_deposit)),
			("Standard quorum", self.standard.quorum.to_string()),
			("Standard approval", format!("more than {}", self.standard.approval)),
			("Root quorum", self.root.quorum.to_string()),
			("Root approval", format!("more than {}", self.root.approval)),
			// The development preset votes on kills for one block: "1 block", not "1 blocks".
			("Emergency voting period", count(self.emergency_voting_period, "block")),
			("Emergency quorum", self.emergency.quorum.to_string()),
			("Emergency approval", format!("more than {}", self.emergency.approval)),
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
			root: TrackRules { quorum: Perbill(600_000_000), approval: Perbill(660_000_000) },
			emergency_voting_period: 1,
			emergency: TrackRules { quorum: Perbill(750_000_000), approval: Perbill(750_000_000) },
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
		assert_eq!(changed.emergency_voting_period, 1);
		assert_eq!(changed.emergency, development().emergency);
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
			["proposal deposit: 10 OST → 0.5 OST", "Root approval: more than 66% → more than 75%"]
		);
		assert!(rules.differences(&rules).is_empty());
	}

	#[test]
	fn the_emergency_track_is_changed_on_its_own() {
		let changes = RuleChanges {
			emergency_voting_period: Some(2),
			emergency_approval: Some(800_000_000),
			..RuleChanges::default()
		};
		let rules = development();
		let changed = rules.changed(&changes);
		assert_eq!(changed.emergency.quorum, Perbill(750_000_000));
		assert_eq!((changed.voting_period, changed.root), (10, rules.root));
		assert_eq!(
			rules.differences(&changed),
			[
				"Emergency voting period: 1 block → 2 blocks",
				"Emergency approval: more than 75% → more than 80%"
			]
		);
	}
}
