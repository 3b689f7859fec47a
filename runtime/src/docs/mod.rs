//! Catalog documentation generated from the declarations: a Markdown table, a page per code, a
//! JSON catalog, an OpenAPI 3.1 document, and a stability lock that stops a release from
//! silently breaking clients.
//!
//! ```
//! use apierror::docs::{ServiceCatalog, Table};
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(category = "Billing")]
//! enum BillingError {
//!     /// The monthly credit pool is empty for this billing cycle.
//!     #[api(status = 402, resolve(message = "Move up a plan."))]
//!     CreditExhausted,
//! }
//!
//! #[derive(Debug, ApiError)]
//! #[api(category = "Usage", challenge = "Bearer")]
//! enum AuthError {
//!     /// More than 5 calls in 60 seconds.
//!     #[api(status = 429, retry_after = 60)]
//!     RateLimited,
//! }
//!
//! let service = ServiceCatalog::new("Example API").with::<BillingError>().with::<AuthError>();
//! assert!(service.duplicates().is_empty());
//! let table = Table::new(&service).to_string();
//! assert!(table.contains("| `CREDIT_EXHAUSTED` | 402 | No | The monthly credit pool is empty for this billing cycle. | Move up a plan. |"));
//! assert!(table.contains("| `RATE_LIMITED` | 429 | Yes, after reset |"));
//! ```

mod catalog;
mod example;
mod files;
mod lock;
mod markdown;
mod openapi;
mod operation;
mod page;
#[cfg(feature = "schemars-1")]
mod schemas;
mod table;

pub use lock::{Changes, Checked, Lock, LockError, LockOptions, UPDATE_ENV, assert_lock};
#[cfg(feature = "schemars-1")]
pub use schemas::MemberSchemas;
#[cfg(feature = "schemars-1")]
#[doc(hidden)]
pub use schemas::schema_of;
pub use table::Table;

pub use catalog::{Collision, Duplicate, ServiceCatalog};
#[cfg(any(feature = "utoipa-6", feature = "aide-0_15"))]
pub(crate) use openapi::inline_operation_responses;
#[cfg(any(feature = "utoipa-6", feature = "aide-0_15"))]
pub(crate) use openapi::inline_responses;
pub use operation::Operation;
