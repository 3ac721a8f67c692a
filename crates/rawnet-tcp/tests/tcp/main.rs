//! rawnet-tcp's behaviour, end to end over two stacks on an in-memory wire.

mod harness;

mod api;
mod errors;
mod faults;
mod services;
mod transfer;
