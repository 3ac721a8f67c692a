#![cfg_attr(not(feature = "std"), no_std)]
//! Placeholder: see the issue tracker.
