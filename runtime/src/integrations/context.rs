//! The request context that a middleware stores for the duration of a request, so that an
//! error's response can carry the request id and instance without the handler passing them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::envelope::Envelope;
use crate::{
    ApiError, Context, ErrorResponder, FrameworkError, FrameworkErrors, FrameworkKind, ServiceErrors,
};

/// What the middleware knows about the current request: the request id, the path (the
/// problem `instance`), the caller's rate-limit state and how the service answers errors.
///
/// The middlewares ([`axum::request_context`](crate::axum::request_context),
/// `actix::request_context`) build it; a handler or a test can build one too, and read it back.
///
/// ```
/// use apierror::{RateLimit, RequestContext};
///
/// let rc = RequestContext::new("/v1/orders", Some(b"req-7"))
///     .with_rate_limit(Some(RateLimit::new(100, 0)))
///     .with_api_version(Some("v1"));
/// assert_eq!(rc.request_id(), "req-7");
/// assert_eq!(rc.instance(), "/v1/orders");
/// assert_eq!(rc.rate_limit().map(|rl| rl.remaining()), Some(0));
/// let cx = rc.context();
/// assert_eq!((cx.request_id(), cx.instance(), cx.version()), (Some("req-7"), Some("/v1/orders"), Some("v1")));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RequestContext {
    request_id: String,
    instance: String,
    rate_limit: Option<crate::RateLimit>,
    service: Option<ServiceErrors>,
    api_version: Option<&'static str>,
}

tokio::task_local! {
    static CURRENT: RequestContext;
}

impl RequestContext {
    /// The context of a request with this path and request-id header value: the incoming id
    /// when it is a safe header value of at most 128 bytes, otherwise a generated one.
    #[must_use]
    pub fn new(path: &str, incoming_id: Option<&[u8]>) -> Self {
        let incoming = incoming_id
            .and_then(|id| std::str::from_utf8(id).ok())
            .filter(|id| id.len() <= 128 && crate::response::is_header_text(id));
        RequestContext {
            request_id: incoming.map_or_else(generate_id, str::to_owned),
            instance: path.to_owned(),
            rate_limit: None,
            service: None,
            api_version: None,
        }
    }

    /// Sets how the service answers errors; its API version
    /// ([`ServiceErrors::with_api_version`]) becomes this request's, unless one is set already.
    #[must_use]
    pub fn with_service(mut self, service: Option<ServiceErrors>) -> Self {
        if self.api_version.is_none() {
            self.api_version = service.as_ref().and_then(ServiceErrors::api_version);
        }
        self.service = service;
        self
    }

    /// Sets the caller's rate-limit state.
    #[must_use]
    pub fn with_rate_limit(mut self, rate_limit: Option<crate::RateLimit>) -> Self {
        self.rate_limit = rate_limit;
        self
    }

    /// Sets the API version errors of this request name (`meta.version` of `SuccessFlag`).
    #[must_use]
    pub fn with_api_version(mut self, version: Option<&'static str>) -> Self {
        self.api_version = version;
        self
    }

    /// The request id: the incoming one, or the one generated for this request.
    #[must_use]
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The request path, the problem `instance`.
    #[must_use]
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// The caller's rate-limit state, when an outer layer put a [`RateLimit`](crate::RateLimit)
    /// into the request's extensions.
    #[must_use]
    pub fn rate_limit(&self) -> Option<crate::RateLimit> {
        self.rate_limit
    }

    /// How the service answers errors, when it declared it ([`ServiceErrors`]).
    #[must_use]
    pub fn service(&self) -> Option<&ServiceErrors> {
        self.service.as_ref()
    }

    /// The API version errors of this request name.
    #[must_use]
    pub fn api_version(&self) -> Option<&'static str> {
        self.api_version
    }

    /// The rendering [`Context`] this request gives errors.
    #[must_use]
    pub fn context(&self) -> Context<'_> {
        let mut cx = Context::new()
            .with_request_id(&self.request_id)
            .with_instance(&self.instance);
        if let Some(version) = self.api_version {
            cx = cx.with_version(version);
        }
        match self.rate_limit {
            Some(rate_limit) => cx.with_rate_limit(rate_limit),
            None => cx,
        }
    }

    /// Runs `future` with this context as the current one.
    pub async fn scope<F: Future>(self, future: F) -> F::Output {
        CURRENT.scope(self, future).await
    }

    /// The context of the request being handled, if the middleware set one.
    #[must_use]
    pub fn current() -> Option<RequestContext> {
        CURRENT.try_with(Clone::clone).ok()
    }

    /// Carries the current request's context into `future`, for work a handler spawns: the
    /// context is task-local, so a spawned task starts without it and its errors would carry no
    /// request id. The one line to write:
    ///
    /// ```
    /// # async fn handler() {
    /// let job = tokio::spawn(apierror::RequestContext::propagate(async move {
    ///     // Errors rendered here carry the request id and instance of the spawning request.
    /// }));
    /// # let _ = job;
    /// # }
    /// ```
    pub fn propagate<F: Future>(future: F) -> impl Future<Output = F::Output> {
        let current = Self::current();
        async move {
            match current {
                Some(context) => context.scope(future).await,
                None => future.await,
            }
        }
    }
}

/// The header the middlewares read the request id from and echo it in, unless the service
/// names another.
pub(crate) const REQUEST_ID: &str = "x-request-id";

/// The request-id header of `service`.
pub(crate) fn request_id_header(service: Option<&ServiceErrors>) -> http::HeaderName {
    service.map_or_else(
        || http::HeaderName::from_static(REQUEST_ID),
        |service| service.request_id_header().clone(),
    )
}

/// A process-unique id: time and a counter, as hex.
fn generate_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() & 0xffff_ffff_ffff);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff;
    format!("req_{nanos:012x}{n:04x}")
}

/// The response of `error` in the service's envelope (RFC 9457 when it set none), with the
/// current request's context.
pub(crate) fn service_response(error: &dyn ApiError) -> http::Response<Vec<u8>> {
    let service = CURRENT.try_with(|rc| rc.service.clone()).ok().flatten();
    match service {
        Some(service) => response(error, service.envelope()),
        None => response(error, &crate::Problem::new()),
    }
}

/// The service's framework entries (the defaults when it declared none).
pub(crate) fn framework_errors() -> FrameworkErrors {
    CURRENT
        .try_with(|rc| rc.service.as_ref().map(|s| *s.framework()))
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// A framework error of `kind`, with the service's entry for it.
pub(crate) fn framework_error(kind: FrameworkKind) -> FrameworkError {
    FrameworkError::new(kind, &framework_errors())
}

/// The panic's message, logged with the request id (never sent: the body is the entry's).
#[cfg(feature = "tracing")]
pub(crate) fn log_panic(panic: &(dyn core::any::Any + Send)) {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(not a string)");
    let request_id = CURRENT.try_with(|rc| rc.request_id.clone()).ok();
    tracing::error!(
        request_id = request_id.as_deref(),
        panic = message,
        "handler panicked"
    );
}

#[cfg(not(feature = "tracing"))]
pub(crate) fn log_panic(_: &(dyn core::any::Any + Send)) {}

/// The response of `error` in `envelope`, with the current request's context if there is one.
pub(crate) fn response(error: &dyn ApiError, envelope: &dyn Envelope) -> http::Response<Vec<u8>> {
    let respond = |rc: Option<&RequestContext>| {
        let cx = rc.map_or_else(Context::new, RequestContext::context);
        let responder = ErrorResponder::new(envelope);
        match rc.and_then(|rc| rc.service.as_ref()) {
            Some(service) => responder
                .with_request_id_header(service.request_id_header().clone())
                .with_rate_limit_headers(service.rate_limit_headers())
                .response(error, &cx),
            None => responder.response(error, &cx),
        }
    };
    CURRENT
        .try_with(|rc| respond(Some(rc)))
        .unwrap_or_else(|_| respond(None))
}

/// A JSON Pointer (RFC 6901) from the path `serde_path_to_error` recorded; none when the path
/// is empty or has a segment it could not name.
pub(crate) fn pointer(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path {
        pointer.push('/');
        match segment {
            Segment::Seq { index } => pointer.push_str(itoa::Buffer::new().format(*index)),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => return None,
        }
    }
    (!pointer.is_empty()).then_some(pointer)
}

#[cfg(test)]
mod tests {
    use super::RequestContext;

    #[test]
    fn incoming_ids_are_kept_only_when_safe() {
        assert_eq!(
            RequestContext::new("/a", Some(b"abc-123")).request_id(),
            "abc-123"
        );
        for bad in [&b"a\r\nb"[..], b"", b" x", &[0xff, 0xfe], &[b'a'; 129]] {
            let generated = RequestContext::new("/a", Some(bad)).request_id().to_owned();
            assert!(
                generated.starts_with("req_") && generated.len() == 20,
                "{generated}"
            );
        }
        let a = RequestContext::new("/", None).request_id().to_owned();
        let b = RequestContext::new("/", None).request_id().to_owned();
        assert_ne!(a, b);
    }
}
