//! Changes a member proposes to the DAO's governance rules (`Proposals.Rules`): every rule not
//! named keeps its current value.

use crate::commands::count;
use ostrom_client::{
	ostrom::runtime_types::{
		pallet_ostrom_proposals::types::{GovernanceRules, TrackRules},
		sp_arithmetic::per_things::Perbill,
	},
	percent, AmountText, Balance, BlockNumber, Token,
};

/// The rules as the runtime stores them.
pub type Rules = GovernanceRules<BlockNumber, Balance>;

/// The rules a member wants changed; the others stay as they are.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct RuleChanges {
	/// How long a proposal is open to votes, in blocks.
	#[arg(long, value_name = "BLOCKS")]
	pub voting_period: Option<u32>,
	/// How long after approval a call is enacted, in blocks.
	#[arg(long, value_name = "BLOCKS")]
	pub enactment_delay: Option<u32>,
	/// The proposal deposit, in the chain's token (OST).
	#[arg(long, value_name = "OST")]
	pub deposit: Option<AmountText>,
	/// The share of eligible members who must vote on a Standard proposal, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = percent::parse)]
	pub standard_quorum: Option<Perbill>,
	/// The share of ayes a Standard proposal must exceed, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = percent::parse)]
	pub standard_approval: Option<Perbill>,
	/// The share of eligible members who must vote on a Root proposal, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = percent::parse)]
	pub root_quorum: Option<Perbill>,
	/// The share of ayes a Root proposal must exceed, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = percent::parse)]
	pub root_approval: Option<Perbill>,
	/// How long an Emergency proposal (a kill) is open to votes, in blocks; shorter than the
	/// enactment delay, so that a kill lands before its target is enacted.
	#[arg(long, value_name = "BLOCKS")]
	pub emergency_voting_period: Option<u32>,
	/// The share of eligible members who must vote on an Emergency proposal, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = percent::parse)]
	pub emergency_quorum: Option<Perbill>,
	/// The share of ayes an Emergency proposal must exceed, in percent.
	#[arg(long, value_name = "PERCENT", value_parser = percent::parse)]
	pub emergency_approval: Option<Perbill>,
}

impl RuleChanges {
	/// `current` with these changes made; an error if the deposit does not fit the token.
	pub fn applied_to(&self, current: &Rules, token: &Token) -> Result<Rules, String> {
		let share = |change: &Option<Perbill>, current: &Perbill| {
			change.clone().unwrap_or_else(|| current.clone())
		};
		let track = |quorum, approval, current: &TrackRules| TrackRules {
			quorum: share(quorum, &current.quorum),
			approval: share(approval, &current.approval),
		};
		let deposit = self.deposit.as_ref().map(|deposit| token.amount(deposit)).transpose()?;
		Ok(GovernanceRules {
			voting_period: self.voting_period.unwrap_or(current.voting_period),
			enactment_delay: self.enactment_delay.unwrap_or(current.enactment_delay),
			proposal_deposit: deposit.unwrap_or(current.proposal_deposit),
			standard: track(&self.standard_quorum, &self.standard_approval, &current.standard),
			root: track(&self.root_quorum, &self.root_approval, &current.root),
			emergency_voting_period: self
				.emergency_voting_period
				.unwrap_or(current.emergency_voting_period),
			emergency: track(&self.emergency_quorum, &self.emergency_approval, &current.emergency),
		})
	}
}

/// One line per rule, `name: old → new` for those that differ between `old` and `new`.
pub fn differences(old: &Rules, new: &Rules, token: &Token) -> Vec<String> {
	let (old, new) = (described(old, token), described(new, token));
	old.into_iter()
		.zip(new)
		.filter(|((_, before), (_, after))| before != after)
		.map(|((name, before), (_, after))| format!("{name}: {before} → {after}"))
		.collect()
}

/// Each rule's name and value, as people read them.
fn described(rules: &Rules, token: &Token) -> [(&'static str, String); 10] {
	[
		("voting period", count(rules.voting_period, "block")),
		("enactment delay", count(rules.enactment_delay, "block")),
		("proposal deposit", token.format(rules.proposal_deposit)),
		("Standard quorum", rules.standard.quorum.to_string()),
		("Standard approval", format!("more than {}", rules.standard.approval)),
		("Root quorum", rules.root.quorum.to_string()),
		("Root approval", format!("more than {}", rules.root.approval)),
		// The development preset votes on kills for one block: "1 block", not "1 blocks".
		("Emergency voting period", count(rules.emergency_voting_period, "block")),
		("Emergency quorum", rules.emergency.quorum.to_string()),
		("Emergency approval", format!("more than {}", rules.emergency.approval)),
	]
}

#[cfg(test)]
mod tests {
	use super::*;

	fn ost() -> Token {
		Token { symbol: "OST".into(), decimals: 12 }
	}

	const OST: u128 = 1_000_000_000_000;

	fn track(quorum: u32, approval: u32) -> TrackRules {
		TrackRules { quorum: Perbill(quorum), approval: Perbill(approval) }
	}

	/// Rules like the development preset's.
	fn development() -> Rules {
		GovernanceRules {
			voting_period: 10,
			enactment_delay: 2,
			proposal_deposit: 10 * OST,
			standard: track(500_000_000, 500_000_000),
			root: track(600_000_000, 660_000_000),
			emergency_voting_period: 1,
			emergency: track(750_000_000, 750_000_000),
		}
	}

	fn changed(changes: &RuleChanges) -> Rules {
		changes.applied_to(&development(), &ost()).unwrap()
	}

	#[test]
	fn unnamed_rules_keep_their_values() {
		let changes = RuleChanges {
			voting_period: Some(20),
			standard_quorum: Some(Perbill(400_000_000)),
			..RuleChanges::default()
		};
		let changed = changed(&changes);
		assert_eq!(changed.voting_period, 20);
		assert_eq!(changed.standard.quorum, Perbill(400_000_000));
		assert_eq!(changed.enactment_delay, 2);
		assert_eq!(changed.proposal_deposit, 10 * OST);
		assert_eq!(changed.standard.approval, Perbill(500_000_000));
		assert_eq!(changed.root, development().root);
		assert_eq!(changed.emergency_voting_period, 1);
		assert_eq!(changed.emergency, development().emergency);
		assert_eq!(self::changed(&RuleChanges::default()), development());
	}

	#[test]
	fn differences_name_only_what_changes() {
		let changes = RuleChanges {
			deposit: Some("0.5".parse().unwrap()),
			root_approval: Some(Perbill(750_000_000)),
			..RuleChanges::default()
		};
		let rules = development();
		assert_eq!(
			differences(&rules, &changed(&changes), &ost()),
			["proposal deposit: 10 OST → 0.5 OST", "Root approval: more than 66% → more than 75%"]
		);
		assert!(differences(&rules, &rules, &ost()).is_empty());
	}

	#[test]
	fn a_deposit_finer_than_the_token_is_refused() {
		let changes =
			RuleChanges { deposit: Some("0.0000000000001".parse().unwrap()), ..Default::default() };
		assert!(changes.applied_to(&development(), &ost()).is_err());
	}

	#[test]
	fn the_emergency_track_is_changed_on_its_own() {
		let changes = RuleChanges {
			emergency_voting_period: Some(2),
			emergency_approval: Some(Perbill(800_000_000)),
			..RuleChanges::default()
		};
		let rules = development();
		let changed = changed(&changes);
		assert_eq!(changed.emergency.quorum, Perbill(750_000_000));
		assert_eq!((changed.voting_period, &changed.root), (10, &rules.root));
		assert_eq!(
			differences(&rules, &changed, &ost()),
			[
				"Emergency voting period: 1 block → 2 blocks",
				"Emergency approval: more than 75% → more than 80%"
			]
		);
	}
}
