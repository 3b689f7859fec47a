//! Behaviour of declarations: what the derive makes of each shape, its regressions and hardening, hand-written impls, violations, the service-level catalog and the property tests.
//!
//! One test binary per concern (the integration tests link once per binary).

pub mod custom_envelope;
pub mod generics;
pub mod hardening;
pub mod properties;
pub mod regressions;
pub mod service;
pub mod shapes;
pub mod violations;
