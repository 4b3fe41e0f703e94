//! maskline-app's integration tests, one binary mirroring `src/commands/`: the real command
//! handlers driven through Tauri's IPC layer without a window (`support`: the mock app).

mod support;

mod bindings;
mod calls;
mod demo;
mod ipc;
mod privacy;
mod watch;
