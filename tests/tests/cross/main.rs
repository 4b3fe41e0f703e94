//! What crosses every crate: SIGKILL in the middle of long work, a scan of everything written
//! for secrets, and CLI journeys with faults (a full disk, an unsure bind), each running the
//! built binaries against the simulator. One binary; `support` is its one support module.

mod support;

mod bind_unsure_cli;
mod cli_faults;
mod crash_kill;
mod import_cli;
mod secret_scan;
