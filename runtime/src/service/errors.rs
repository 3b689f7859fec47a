//! [`ServiceErrors`]: how a whole service answers errors, declared once.

use std::sync::Arc;

use http::HeaderName;

use super::framework::FrameworkErrors;
use crate::RateLimitHeaders;
use crate::envelope::Envelope;

/// How a whole service answers errors, declared once: the envelope every derived type that
/// names no `envelope` of its own renders in (one that names its own keeps it), the framework's
/// own errors ([`FrameworkErrors`]), the request-id header and the rate-limit headers. The middlewares read it from the request: with
/// axum, as an extension layered outside `apierror::axum::request_context`; with actix-web, as
/// app data. Give the catalog docs the same value
/// ([`ServiceCatalog::with_framework`]).
///
/// ```
/// use apierror::envelope::CodeMessage;
/// use apierror::{CodeCase, FrameworkErrors, ServiceErrors};
///
/// let service = ServiceErrors::new(CodeMessage)
///     .with_framework(FrameworkErrors::new().with_case(CodeCase::Snake))
///     .with_request_id_header(apierror::http::HeaderName::from_static("x-correlation-id"));
/// # #[cfg(feature = "axum-0_8")]
/// # fn router(service: ServiceErrors) -> axum::Router {
/// axum::Router::new()
///     .fallback(apierror::axum::not_found)
///     .layer(axum::middleware::from_fn(apierror::axum::request_context))
///     .layer(axum::Extension(service))
/// # }
/// ```
#[doc = service_catalog_link!("with_framework")]
#[derive(Clone)]
pub struct ServiceErrors {
    pub(crate) envelope: Arc<dyn Envelope + Send + Sync>,
    pub(crate) framework: FrameworkErrors,
    pub(crate) request_id_header: HeaderName,
    pub(crate) rate_limit_headers: RateLimitHeaders,
    pub(crate) api_version: Option<&'static str>,
}

impl ServiceErrors {
    /// The service answers in `envelope`, with the default framework entries.
    pub fn new(envelope: impl Envelope + Send + Sync + 'static) -> Self {
        ServiceErrors {
            envelope: Arc::new(envelope),
            framework: FrameworkErrors::new(),
            request_id_header: HeaderName::from_static("x-request-id"),
            rate_limit_headers: RateLimitHeaders::Legacy,
            api_version: None,
        }
    }

    /// The API version every error of the service names, where its envelope has a place for it
    /// (`meta.version` of [`SuccessFlag`](crate::envelope::SuccessFlag)); the middlewares put it
    /// on each request's context.
    ///
    /// ```
    /// use apierror::ServiceErrors;
    /// use apierror::envelope::SuccessFlag;
    ///
    /// let service = ServiceErrors::new(SuccessFlag).with_api_version("2024-06-01");
    /// assert_eq!(service.api_version(), Some("2024-06-01"));
    /// ```
    #[must_use]
    pub fn with_api_version(mut self, version: &'static str) -> Self {
        self.api_version = Some(version);
        self
    }

    /// The API version set with [`ServiceErrors::with_api_version`].
    #[must_use]
    pub fn api_version(&self) -> Option<&'static str> {
        self.api_version
    }

    /// The middlewares read the incoming request id from `name`, and every response echoes it
    /// there (`X-Request-Id` by default).
    #[must_use]
    pub fn with_request_id_header(mut self, name: HeaderName) -> Self {
        self.request_id_header = name;
        self
    }

    /// The rate-limit headers error responses carry (`X-RateLimit-*` by default).
    #[must_use]
    pub fn with_rate_limit_headers(mut self, headers: RateLimitHeaders) -> Self {
        self.rate_limit_headers = headers;
        self
    }

    /// The request-id header.
    #[must_use]
    pub fn request_id_header(&self) -> &HeaderName {
        &self.request_id_header
    }

    /// The rate-limit headers.
    #[must_use]
    pub fn rate_limit_headers(&self) -> RateLimitHeaders {
        self.rate_limit_headers
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
            .field("request_id_header", &self.request_id_header)
            .field("rate_limit_headers", &self.rate_limit_headers)
            .field("api_version", &self.api_version)
            .finish()
    }
}
