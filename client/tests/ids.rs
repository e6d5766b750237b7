//! The ids the metadata does not name, because the runtime declares them as aliases of integers,
//! are aliases in the client too: this test compiles only while each is the runtime's type.

#[test]
fn the_ids_are_the_runtimes() {
	let _: fn(pallet_ostrom_commons::ContributionId) -> ostrom_client::ContributionId = |id| id;
	let _: fn(pallet_ostrom_treasury::RoundIndex) -> ostrom_client::RoundIndex = |id| id;
	let _: fn(pallet_ostrom_treasury::GrantIndex) -> ostrom_client::GrantIndex = |id| id;
	let _: fn(pallet_ostrom_treasury::CommonsSpendIndex) -> ostrom_client::CommonsSpendIndex =
		|id| id;
}

#[test]
fn the_basic_types_are_the_runtimes() {
	let _: fn(ostrom_runtime::AccountId) -> [u8; 32] = |account| account.into();
	let _: fn(ostrom_runtime::Balance) -> ostrom_client::Balance = |balance| balance;
	let _: fn(ostrom_runtime::BlockNumber) -> ostrom_client::BlockNumber = |block| block;
}
