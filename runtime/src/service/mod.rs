//! What is per service rather than per enum: the envelope every error answers in, and the
//! entries of the errors the framework produces on its own.

mod framework;

pub use framework::{CodeCase, FrameworkError, FrameworkErrors, FrameworkKind};

use std::sync::Arc;

use crate::envelope::Envelope;

/// How a whole service answers errors, declared once: the envelope every derived type that
/// names no `envelope` of its own renders in (one that names its own keeps it), and the
/// framework's own errors ([`FrameworkErrors`]). The middlewares read it from the request: with
/// axum, as an extension layered outside `apierror::axum::request_context`; with actix-web, as
/// app data. Give the catalog docs the same value
/// ([`ServiceCatalog::with_framework`](crate::docs::ServiceCatalog::with_framework)).
///
/// ```
/// use apierror::envelope::CodeMessage;
/// use apierror::{CodeCase, FrameworkErrors, ServiceErrors};
///
/// let service = ServiceErrors::new(CodeMessage)
///     .with_framework(FrameworkErrors::new().with_case(CodeCase::Snake));
/// # #[cfg(feature = "axum-0_8")]
/// # fn router(service: ServiceErrors) -> axum::Router {
/// axum::Router::new()
///     .fallback(apierror::axum::not_found)
///     .layer(axum::middleware::from_fn(apierror::axum::request_context))
///     .layer(axum::Extension(service))
/// # }
/// ```
#[derive(Clone)]
pub struct ServiceErrors {
    envelope: Arc<dyn Envelope + Send + Sync>,
    framework: FrameworkErrors,
}

impl ServiceErrors {
    /// The service answers in `envelope`, with the default framework entries.
    pub fn new(envelope: impl Envelope + Send + Sync + 'static) -> Self {
        ServiceErrors {
            envelope: Arc::new(envelope),
            framework: FrameworkErrors::new(),
        }
    }

    /// The framework's own errors answer with these entries.
    #[must_use]
    pub fn with_framework(mut self, framework: FrameworkErrors) -> Self {
        self.framework = framework;
        self
    }

    /// The envelope.
    #[must_use]
    pub fn envelope(&self) -> &(dyn Envelope + Send + Sync) {
        &*self.envelope
    }

    /// The framework's entries.
    #[must_use]
    pub fn framework(&self) -> &FrameworkErrors {
        &self.framework
    }
}

/// RFC 9457 and the default framework entries.
impl Default for ServiceErrors {
    fn default() -> Self {
        ServiceErrors::new(crate::Problem::new())
    }
}

impl core::fmt::Debug for ServiceErrors {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ServiceErrors")
            .field("envelope", &self.envelope.content_type())
            .field("framework", &self.framework)
            .finish()
    }
}

/// The same envelope (the same allocation) and the same framework entries.
impl PartialEq for ServiceErrors {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.envelope, &other.envelope) && self.framework == other.framework
    }
}

impl Eq for ServiceErrors {}
