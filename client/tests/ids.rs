//! The client's basic types are aliases of integers and bytes, as the runtime's are, so the
//! metadata does not name them: this test compiles only while each is the runtime's type.

#[test]
fn the_basic_types_are_the_runtimes() {
	let _: fn(ostrom_runtime::AccountId) -> [u8; 32] = |account| account.into();
	let _: fn(ostrom_runtime::Balance) -> ostrom_client::Balance = |balance| balance;
	let _: fn(ostrom_runtime::BlockNumber) -> ostrom_client::BlockNumber = |block| block;
	let _: fn(pallet_ostrom_quadratic_voting::Credits) -> ostrom_client::Credits =
		|credits| credits;
}
