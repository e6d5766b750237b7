//! The validator set: every call and error, and what each session rotation does.

use crate::{
	mock::*, Approved, Error, Event, LastAuthored, MissedSessions, Parked, Rules, ValidatorRules,
};
use frame_support::traits::EstimateNextSessionRotation;
use pallet_session::ShouldEndSession;
use sp_runtime::{DispatchError, Permill};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

mod genesis {
	use super::*;

	#[test]
	fn the_genesis_validators_validate_the_first_sessions() {
		build_and_execute(|| {
			assert_eq!(Approved::<Test>::get().into_inner(), GENESIS.to_vec());
			assert_eq!(Session::validators(), GENESIS.to_vec());
			assert_eq!(Session::current_index(), 0);
			assert_eq!(Rules::<Test>::get(), rules());
			assert_eq!(handovers(), 1);
		});
	}

	#[test]
	fn sessions_end_every_session_length_blocks() {
		build_and_execute(|| {
			assert!(!Validators::should_end_session(SESSION - 1));
			assert!(Validators::should_end_session(SESSION));
			assert_eq!(Validators::estimate_next_session_rotation(3).0, Some(SESSION));
			assert_eq!(
				Validators::estimate_current_session_progress(5).0,
				Some(Permill::from_percent(50))
			);
			run_to_block(SESSION);
			assert_eq!(Session::current_index(), 1);
			assert_eq!(Validators::estimate_next_session_rotation(SESSION).0, Some(2 * SESSION));
			run_to_block(2 * SESSION);
			assert_eq!(Session::current_index(), 2);
		});
	}

	#[test]
	fn an_unchanged_set_is_not_handed_over_again() {
		build_and_execute(|| {
			run_to_session(4);
			assert_eq!(handovers(), 1, "Aura and GRANDPA are told of no change");
			assert!(!System::events().iter().any(|record| matches!(
				record.event,
				RuntimeEvent::Session(pallet_session::Event::NewQueued)
			)));
		});
	}
}

mod add_validator {
	use super::*;

	#[test]
	fn an_approved_validator_validates_from_the_second_rotation() {
		build_and_execute(|| {
			set_keys(EVE);
			ok!(Validators::add_validator(root(), EVE));
			assert_eq!(events(), vec![Event::ValidatorAdded { who: EVE }]);
			assert!(Approved::<Test>::get().contains(&EVE));

			run_to_session(1);
			assert!(!Session::validators().contains(&EVE), "queued, not yet validating");
			run_to_session(2);
			assert_eq!(Session::validators(), vec![1, 2, 3, 4, EVE]);
			assert_eq!(handovers(), 2);

			// It authors in its turn, and so does not miss the session.
			run_to_session(3);
			assert_eq!(LastAuthored::<Test>::get(EVE), Some(2));
			assert_eq!(MissedSessions::<Test>::get(EVE), None);
		});
	}

	#[test]
	fn only_the_admin_origin_adds() {
		build_and_execute(|| {
			set_keys(EVE);
			noop!(
				Validators::add_validator(RuntimeOrigin::signed(1), EVE),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_account_without_session_keys_is_refused() {
		build_and_execute(|| {
			noop!(Validators::add_validator(root(), EVE), Error::<Test>::NoSessionKeys);
		});
	}

	#[test]
	fn a_validator_is_not_added_twice() {
		build_and_execute(|| {
			noop!(Validators::add_validator(root(), 1), Error::<Test>::AlreadyValidator);
		});
	}

	#[test]
	fn sessions_must_stay_two_blocks_per_validator_long() {
		build_and_execute(|| {
			set_keys(EVE);
			set_keys(FERDIE);
			ok!(Validators::add_validator(root(), EVE));
			// Six validators need twelve-block sessions.
			noop!(Validators::add_validator(root(), FERDIE), Error::<Test>::SessionTooShort);
		});
	}

	#[test]
	fn no_more_than_max_validators() {
		build_and_execute(|| {
			// Long enough for six, not for seven: a full list is refused as full.
			ok!(Validators::set_rules(root(), ValidatorRules { session_length: 12, ..rules() }));
			for who in [EVE, FERDIE, 7] {
				set_keys(who);
			}
			ok!(Validators::add_validator(root(), EVE));
			ok!(Validators::add_validator(root(), FERDIE));
			assert_eq!(Approved::<Test>::get().len() as u32, MAX_VALIDATORS);
			noop!(Validators::add_validator(root(), 7), Error::<Test>::TooManyValidators);
		});
	}
}

mod remove_validator {
	use super::*;

	#[test]
	fn a_removed_validator_stops_from_the_second_rotation_and_is_forgotten() {
		build_and_execute(|| {
			run_to_block(3);
			ok!(Validators::remove_validator(root(), 4));
			assert_eq!(events(), vec![Event::ValidatorRemoved { who: 4 }]);
			assert!(!Approved::<Test>::get().contains(&4));

			run_to_session(1);
			assert!(Session::validators().contains(&4), "still validating this session");
			run_to_session(2);
			assert_eq!(Session::validators(), vec![1, 2, 3]);
			run_to_session(3);
			assert_eq!(LastAuthored::<Test>::get(4), None, "no trace is left");
			assert_eq!(MissedSessions::<Test>::get(4), None);
		});
	}

	#[test]
	fn only_the_admin_origin_removes() {
		build_and_execute(|| {
			noop!(
				Validators::remove_validator(RuntimeOrigin::signed(4), 4),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_unknown_validator_is_refused() {
		build_and_execute(|| {
			noop!(Validators::remove_validator(root(), OUTSIDER), Error::<Test>::NotValidator);
		});
	}

	#[test]
	fn no_removal_goes_below_the_minimum() {
		build_and_execute(|| {
			ok!(Validators::remove_validator(root(), 4));
			noop!(Validators::remove_validator(root(), 3), Error::<Test>::BelowMinimum);
		});
	}

	#[test]
	fn a_parked_validator_may_be_removed_at_the_minimum() {
		build_and_execute(|| {
			set_offline(4, true);
			run_to_session(3);
			assert!(Parked::<Test>::contains_key(4));
			ok!(Validators::remove_validator(root(), 4));
			assert!(!Parked::<Test>::contains_key(4));
		});
	}
}

mod liveness {
	use super::*;

	#[test]
	fn a_silent_validator_is_parked_and_the_chain_keeps_its_other_validators() {
		build_and_execute(|| {
			set_offline(4, true);
			run_to_session(1);
			assert_eq!(MissedSessions::<Test>::get(4), Some(1));
			assert!(MissedSessions::<Test>::get(1).is_none(), "the others authored");
			run_to_session(2);
			// Two missed sessions: parked when session 2 starts, from the set of session 3.
			assert_eq!(Parked::<Test>::get(4), Some(3));
			assert!(events().contains(&Event::ValidatorParked { who: 4, session: 3, missed: 2 }));
			assert!(Session::validators().contains(&4));
			run_to_session(3);
			assert_eq!(Session::validators(), vec![1, 2, 3]);
			// Parked validators are not counted further.
			run_to_session(5);
			assert_eq!(MissedSessions::<Test>::get(4), None);
		});
	}

	#[test]
	fn a_validator_that_authors_again_is_forgiven() {
		build_and_execute(|| {
			set_offline(4, true);
			run_to_session(1);
			assert_eq!(MissedSessions::<Test>::get(4), Some(1));
			set_offline(4, false);
			run_to_session(2);
			assert_eq!(MissedSessions::<Test>::get(4), None);
			assert!(!Parked::<Test>::contains_key(4));
		});
	}

	#[test]
	fn parking_never_goes_below_the_minimum() {
		build_and_execute(|| {
			set_offline(3, true);
			set_offline(4, true);
			run_to_session(4);
			// Three must stay: only the first of the two silent ones is parked.
			assert!(Parked::<Test>::contains_key(3));
			assert!(!Parked::<Test>::contains_key(4));
			assert_eq!(Session::validators(), vec![1, 2, 4]);
		});
	}

	#[test]
	fn a_validator_without_keys_is_left_out_of_the_plan() {
		build_and_execute(|| {
			frame_support::assert_ok!(Session::purge_keys(RuntimeOrigin::signed(4)));
			run_to_session(2);
			assert_eq!(Session::validators(), vec![1, 2, 3]);
		});
	}

	#[test]
	fn a_validator_without_keys_does_not_hold_up_the_floor() {
		build_and_execute(|| {
			ok!(Session::purge_keys(RuntimeOrigin::signed(4)));
			set_offline(3, true);
			run_to_session(5);
			// 1, 2 and 3 are the three active validators: silent as it is, 3 stays.
			assert!(!Parked::<Test>::contains_key(3));
			assert_eq!(Session::validators(), vec![1, 2, 3]);
			noop!(Validators::remove_validator(root(), 3), Error::<Test>::BelowMinimum);
			noop!(Validators::remove_validator(root(), 4), Error::<Test>::BelowMinimum);
			noop!(
				Validators::set_rules(root(), ValidatorRules { min_validators: 4, ..rules() }),
				Error::<Test>::BelowMinimum
			);
		});
	}

	#[test]
	fn with_no_active_validator_left_the_parked_ones_with_keys_validate() {
		build_and_execute(|| {
			set_offline(4, true);
			run_to_session(3);
			assert_eq!(Session::validators(), vec![1, 2, 3]);
			for who in [1, 2, 3] {
				ok!(Session::purge_keys(RuntimeOrigin::signed(who)));
			}
			set_offline(4, false);
			run_to_session(5);
			assert_eq!(Session::validators(), vec![4]);
		});
	}

	#[test]
	fn a_set_whose_keys_were_all_purged_comes_back_when_they_are_registered_again() {
		build_and_execute(|| {
			for who in GENESIS {
				ok!(Session::purge_keys(RuntimeOrigin::signed(who)));
			}
			run_to_session(3);
			// pallet-session queued the current validators that had keys: none.
			assert!(Session::validators().is_empty());
			for who in GENESIS {
				set_keys(who);
			}
			run_to_session(5);
			assert_eq!(Session::validators(), GENESIS.to_vec());
		});
	}
}

mod rejoin {
	use super::*;

	fn park_four() {
		set_offline(4, true);
		run_to_session(3);
		assert!(Parked::<Test>::contains_key(4));
		set_offline(4, false);
	}

	#[test]
	fn a_parked_validator_rejoins_the_next_set() {
		build_and_execute(|| {
			park_four();
			ok!(Validators::rejoin(RuntimeOrigin::signed(4)));
			assert!(events().contains(&Event::ValidatorRejoined { who: 4 }));
			assert!(!Parked::<Test>::contains_key(4));
			run_to_session(5);
			assert_eq!(Session::validators(), GENESIS.to_vec());
		});
	}

	#[test]
	fn only_a_parked_validator_rejoins() {
		build_and_execute(|| {
			noop!(Validators::rejoin(RuntimeOrigin::signed(4)), Error::<Test>::NotParked);
			noop!(Validators::rejoin(RuntimeOrigin::signed(OUTSIDER)), Error::<Test>::NotParked);
			noop!(Validators::rejoin(root()), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn a_parked_validator_without_keys_cannot_rejoin() {
		build_and_execute(|| {
			park_four();
			frame_support::assert_ok!(Session::purge_keys(RuntimeOrigin::signed(4)));
			noop!(Validators::rejoin(RuntimeOrigin::signed(4)), Error::<Test>::NoSessionKeys);
		});
	}
}

mod set_rules {
	use super::*;

	#[test]
	fn new_rules_take_effect_from_the_current_session_start() {
		build_and_execute(|| {
			let longer = ValidatorRules { session_length: 20, ..rules() };
			ok!(Validators::set_rules(root(), longer));
			assert_eq!(events(), vec![Event::RulesSet { rules: longer }]);
			run_to_block(19);
			assert_eq!(Session::current_index(), 0);
			run_to_block(20);
			assert_eq!(Session::current_index(), 1);
		});
	}

	#[test]
	fn bad_rules_are_refused() {
		build_and_execute(|| {
			noop!(
				Validators::set_rules(RuntimeOrigin::signed(1), rules()),
				DispatchError::BadOrigin
			);
			noop!(
				Validators::set_rules(root(), ValidatorRules { min_validators: 0, ..rules() }),
				Error::<Test>::InvalidRules
			);
			noop!(
				Validators::set_rules(root(), ValidatorRules { max_missed_sessions: 0, ..rules() }),
				Error::<Test>::InvalidRules
			);
			noop!(
				Validators::set_rules(
					root(),
					ValidatorRules { min_validators: MAX_VALIDATORS + 1, ..rules() }
				),
				Error::<Test>::InvalidRules
			);
			noop!(
				Validators::set_rules(root(), ValidatorRules { session_length: 7, ..rules() }),
				Error::<Test>::SessionTooShort
			);
			noop!(
				Validators::set_rules(root(), ValidatorRules { min_validators: 5, ..rules() }),
				Error::<Test>::BelowMinimum
			);
		});
	}
}

mod views {
	use super::*;

	#[test]
	fn the_view_shows_each_validators_standing() {
		build_and_execute(|| {
			set_offline(4, true);
			run_to_session(1);
			let views = Validators::validator_views();
			assert_eq!(views.len(), 4);
			assert!(views.iter().all(|view| view.has_keys && view.in_current_set));
			assert_eq!(views[0].last_authored, Some(0));
			assert_eq!(views[3].missed_sessions, 1);
			assert_eq!(views[3].last_authored, None);
			assert_eq!(Validators::rules(), (rules(), 2 * SESSION));
		});
	}
}
