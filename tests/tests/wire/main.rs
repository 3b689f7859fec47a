//! What goes on the wire: headers, the security rules (nothing private leaks), every envelope's body and the member schemas.
//!
//! One test binary per concern (the integration tests link once per binary).

pub mod envelopes;
pub mod responses;
pub mod schemas;
pub mod security;
