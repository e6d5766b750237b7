use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	// The version string shown by `--version` and `system_version` includes the git commit.
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
