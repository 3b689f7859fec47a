//! RFC 9457 problem details: the type and its builders (`model.rs`), and the body on the wire
//! (`wire.rs`: schema, rendering, decoding).

mod model;
mod wire;

pub use model::{Problem, ReservedMember};
