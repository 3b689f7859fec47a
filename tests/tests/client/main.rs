//! The client side: decoding every envelope, the retry policy, and the decoder fuzzed.
//!
//! One test binary per concern (the integration tests link once per binary).

pub mod client;
pub mod client_fuzz;
pub mod progenitor_client;
