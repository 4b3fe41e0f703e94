//! maskline-cli's integration tests, one binary mirroring `src/`: each runs the built `maskline`
//! binary (against the simulator where it talks to the platform).

mod support;

mod bind;
mod bind_modes;
mod bulk;
mod cli;
mod recordings;
