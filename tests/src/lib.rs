//! Shared helpers for rawnet's workspace integration tests: real peers started on loopback,
//! and the host superloop that drives a whole rawnet stack against them.
//!
//! Every helper here starts a real program (Mosquitto, and later `openssl s_server`) or a
//! server thread (`echo`, `qemu_net`: the network a QEMU guest sees) on 127.0.0.1 with a free
//! port and a configuration it writes itself, and stops it on drop. Nothing listens on or
//! talks to any other address.

pub mod certs;
pub mod cutter;
pub mod defmt_log;
pub mod echo;
pub mod endpoint;
pub mod faults;
pub mod firmware;
pub mod host;
pub mod mosquitto;
pub mod mqtt;
pub mod netns_stack;
pub mod pattern;
pub mod qemu_net;
pub mod secure;
pub mod tap;
pub mod tls;
pub mod tmp;
