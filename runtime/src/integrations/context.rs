//! The request context that a middleware stores for the duration of a request, so that an
//! error's response can carry the request id and instance without the handler passing them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::envelope::Envelope;
use crate::{ApiError, Context, ErrorResponder};

/// What the middleware knows about the current request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestContext {
    /// The incoming `X-Request-Id` when it is a safe header value of at most 128 bytes,
    /// otherwise a generated one.
    pub request_id: String,
    /// The request path, used as the problem `instance`.
    pub instance: String,
    /// The caller's rate-limit state, when an outer layer put a [`RateLimit`](crate::RateLimit)
    /// into the request's extensions.
    pub rate_limit: Option<crate::RateLimit>,
    /// The service's envelope, when the service set one ([`ServiceEnvelope`]).
    pub envelope: Option<ServiceEnvelope>,
}

/// The envelope a whole service answers in, declared once: every derived type that names no
/// `envelope` of its own renders in it (one that names its own keeps it). The middleware reads
/// it from the request: with axum, as an extension layered outside the middleware; with
/// actix-web, as app data.
///
/// ```
/// use apierror::ServiceEnvelope;
/// use apierror::envelope::CodeMessage;
///
/// # #[cfg(feature = "axum-0_8")]
/// # fn router() -> axum::Router {
/// axum::Router::new()
///     .layer(axum::middleware::from_fn(apierror::axum::request_context))
///     .layer(axum::Extension(ServiceEnvelope::new(CodeMessage)))
/// # }
/// ```
#[derive(Clone)]
pub struct ServiceEnvelope(std::sync::Arc<dyn Envelope + Send + Sync>);

impl ServiceEnvelope {
    /// The service answers in `envelope`.
    pub fn new(envelope: impl Envelope + Send + Sync + 'static) -> Self {
        ServiceEnvelope(std::sync::Arc::new(envelope))
    }

    /// The envelope.
    #[must_use]
    pub fn envelope(&self) -> &(dyn Envelope + Send + Sync) {
        &*self.0
    }
}

impl core::fmt::Debug for ServiceEnvelope {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("ServiceEnvelope")
            .field(&self.0.content_type())
            .finish()
    }
}

/// The same envelope (the same allocation), not an equal-looking one.
impl PartialEq for ServiceEnvelope {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for ServiceEnvelope {}

tokio::task_local! {
    static CURRENT: RequestContext;
}

impl RequestContext {
    /// The context of a request with this path and `X-Request-Id` header value.
    #[must_use]
    pub fn new(path: &str, incoming_id: Option<&[u8]>) -> Self {
        let incoming = incoming_id
            .and_then(|id| std::str::from_utf8(id).ok())
            .filter(|id| id.len() <= 128 && crate::response::is_header_text(id));
        RequestContext {
            request_id: incoming.map_or_else(generate_id, str::to_owned),
            instance: path.to_owned(),
            rate_limit: None,
            envelope: None,
        }
    }

    /// Sets the service's envelope.
    #[must_use]
    pub fn with_envelope(mut self, envelope: Option<ServiceEnvelope>) -> Self {
        self.envelope = envelope;
        self
    }

    /// Sets the caller's rate-limit state.
    #[must_use]
    pub fn with_rate_limit(mut self, rate_limit: Option<crate::RateLimit>) -> Self {
        self.rate_limit = rate_limit;
        self
    }

    /// The rendering [`Context`] this request gives errors.
    #[must_use]
    pub fn context(&self) -> Context<'_> {
        let cx = Context::new()
            .with_request_id(&self.request_id)
            .with_instance(&self.instance);
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

/// The header the middlewares read the request id from and echo it in.
pub(crate) const REQUEST_ID: &str = "x-request-id";

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
    let envelope = CURRENT.try_with(|rc| rc.envelope.clone()).ok().flatten();
    match envelope {
        Some(envelope) => response(error, envelope.envelope()),
        None => response(error, &crate::Problem::new()),
    }
}

/// The response of `error` in `envelope`, with the current request's context if there is one.
pub(crate) fn response(error: &dyn ApiError, envelope: &dyn Envelope) -> http::Response<Vec<u8>> {
    let respond = |rc: Option<&RequestContext>| {
        let cx = rc.map_or_else(Context::new, RequestContext::context);
        ErrorResponder::new(envelope).response(error, &cx)
    };
    CURRENT
        .try_with(|rc| respond(Some(rc)))
        .unwrap_or_else(|_| respond(None))
}

#[cfg(test)]
mod tests {
    use super::RequestContext;

    #[test]
    fn incoming_ids_are_kept_only_when_safe() {
        assert_eq!(RequestContext::new("/a", Some(b"abc-123")).request_id, "abc-123");
        for bad in [&b"a\r\nb"[..], b"", b" x", &[0xff, 0xfe], &[b'a'; 129]] {
            let generated = RequestContext::new("/a", Some(bad)).request_id;
            assert!(
                generated.starts_with("req_") && generated.len() == 20,
                "{generated}"
            );
        }
        let a = RequestContext::new("/", None).request_id;
        let b = RequestContext::new("/", None).request_id;
        assert_ne!(a, b);
    }
}
