//! Real servers on 127.0.0.1 (axum and actix-web) with real clients, and the tracing integration.
//!
//! One test binary per concern (the integration tests link once per binary).

pub mod actix_server;
pub mod axum_server;
pub mod tracing_log;
