//! Tests of the codec, one file per concern.
