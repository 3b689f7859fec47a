//! axum: derived errors implement `IntoResponse`, and [`request_context`] fills the context.
//!
//! ```
//! use apierror::ApiError;
//! use axum::{Router, routing::get};
//!
//! #[derive(Debug, ApiError)]
//! #[api(axum, envelope = apierror::envelope::CodeMessage)]
//! enum ItemError {
//!     #[api(status = 404, detail = "Item {id} not found")]
//!     NotFound { id: u32 },
//! }
//!
//! async fn item() -> Result<&'static str, ItemError> {
//!     Err(ItemError::NotFound { id: 7 })
//! }
//!
//! let app: Router = Router::new()
//!     .route("/items/7", get(item))
//!     .layer(axum::middleware::from_fn(apierror::axum::request_context));
//! ```

use axum::body::{Body, HttpBody as _};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{HeaderValue, header};

use super::context::{self, RequestContext};
use crate::envelope::Envelope;
use crate::{ApiError, FrameworkError, FrameworkKind};

/// Middleware (for `axum::middleware::from_fn`): takes the request id from `X-Request-Id`, or
/// generates one, the path as the problem instance, a [`RateLimit`](crate::RateLimit) an
/// outer layer put into the request's extensions and the service's
/// [`ServiceErrors`](crate::ServiceErrors) (an `Extension` layered outside this one); derived
/// errors returned while handling the request carry them. Every response gets the
/// `X-Request-Id` header (or the one the service names). (Responses to `HEAD` keep their
/// `Content-Length`, as RFC 9110 section 8.6 asks; hyper sends no body for them.)
///
/// The empty-bodied errors axum and tower-http answer with on their own are filled in with the
/// service's framework entries: a 405 (a route without
/// [`method_not_allowed`] as its fallback; its `Allow` is kept) and a timeout
/// (`tower_http::timeout::TimeoutLayer`'s 408, or the status the service gave
/// [`FrameworkKind::Timeout`]).
pub async fn request_context(request: Request, next: Next) -> Response {
    let service = request.extensions().get::<crate::ServiceErrors>().cloned();
    let header = context::request_id_header(service.as_ref());
    let rc = RequestContext::new(
        request.uri().path(),
        request.headers().get(&header).map(HeaderValue::as_bytes),
    )
    .with_rate_limit(request.extensions().get::<crate::RateLimit>().copied())
    .with_service(service);
    let id = rc.request_id().to_owned();
    let mut response = rc.scope(async move { fill_in(next.run(request).await) }).await;
    if !response.headers().contains_key(&header)
        && let Ok(value) = HeaderValue::from_str(&id)
    {
        response.headers_mut().insert(header, value);
    }
    response
}

/// The axum response of `error` (what the derived `IntoResponse` calls): in the envelope its
/// type declares, else the service's ([`ServiceErrors`](crate::ServiceErrors)), else RFC 9457.
pub fn into_service_response(error: &dyn ApiError) -> Response {
    context::service_response(error).map(Body::from)
}

/// An error with its endpoint's rate limit answers like a derived error, whatever the inner
/// type opted into: a handler returns `Result<T, RateLimited<E>>` and attaches the limit with
/// [`ApiErrorExt::with_rate_limit`](crate::ApiErrorExt::with_rate_limit).
///
/// ```
/// use apierror::{ApiError, ApiErrorExt, RateLimit, RateLimited};
///
/// #[derive(Debug, ApiError)]
/// enum SearchError {
///     #[api(status = 429)]
///     TooManySearches,
/// }
///
/// async fn search() -> Result<&'static str, RateLimited<SearchError>> {
///     Err(SearchError::TooManySearches.with_rate_limit(RateLimit::new(10, 0)))
/// }
/// let app: axum::Router = axum::Router::new().route("/search", axum::routing::get(search));
/// ```
impl<E: ApiError> IntoResponse for crate::RateLimited<E> {
    fn into_response(self) -> Response {
        into_service_response(&self)
    }
}

/// The axum response of `error` in `envelope`, unless its type declares its own.
pub fn into_response(error: &dyn ApiError, envelope: &dyn Envelope) -> Response {
    context::response(error, envelope).map(Body::from)
}

/// An empty-bodied error response axum or a tower layer produced, in the service's envelope.
fn fill_in(response: Response) -> Response {
    let empty = (response.status().is_client_error() || response.status().is_server_error())
        && response.body().size_hint().exact() == Some(0)
        && !response.headers().contains_key(header::CONTENT_TYPE);
    let kind = empty
        .then(|| context::framework_errors().filled_in(response.status()))
        .flatten();
    let Some(kind) = kind else { return response };
    let mut filled = context::framework_error(kind).into_response();
    if let Some(allow) = response.headers().get(header::ALLOW) {
        filled.headers_mut().insert(header::ALLOW, allow.clone());
    }
    filled
}

/// The service's error response, for framework errors too: the service's envelope, the
/// request's context.
impl IntoResponse for FrameworkError {
    fn into_response(self) -> Response {
        into_service_response(&self)
    }
}

/// The router's fallback (`Router::fallback(apierror::axum::not_found)`): no route matches, 404
/// [`FrameworkKind::RouteNotFound`] in the service's envelope.
///
/// The whole setup, every framework error answered with the service's entries:
///
/// ```
/// use apierror::axum::{Json, Path, Query};
/// use axum::routing::{get, post};
///
/// #[derive(serde::Deserialize)]
/// struct Order { amount: u32 }
/// #[derive(serde::Deserialize)]
/// struct Page { limit: u32 }
///
/// async fn create(Json(order): Json<Order>) -> String { order.amount.to_string() }
/// async fn show(Path(id): Path<u64>, Query(page): Query<Page>) -> String { format!("{id} {}", page.limit) }
///
/// let app: axum::Router = axum::Router::new()
///     .route("/orders", post(create))
///     .route("/orders/{id}", get(show))
///     .fallback(apierror::axum::not_found)
///     .method_not_allowed_fallback(apierror::axum::method_not_allowed)
///     .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
///     // With tower-http: .layer(CatchPanicLayer::custom(apierror::axum::panic_response))
///     .layer(axum::middleware::from_fn(apierror::axum::request_context))
///     .layer(axum::Extension(apierror::ServiceErrors::default()));
/// ```
#[allow(clippy::unused_async, reason = "axum's fallbacks are async handlers")]
pub async fn not_found() -> Response {
    context::framework_error(FrameworkKind::RouteNotFound).into_response()
}

/// The method-not-allowed fallback
/// (`Router::method_not_allowed_fallback(apierror::axum::method_not_allowed)`): 405
/// [`FrameworkKind::MethodNotAllowed`]; axum adds the `Allow` header.
#[allow(clippy::unused_async, reason = "axum's fallbacks are async handlers")]
pub async fn method_not_allowed() -> Response {
    context::framework_error(FrameworkKind::MethodNotAllowed).into_response()
}

/// The response to a panic, for tower-http's
/// `CatchPanicLayer::custom(apierror::axum::panic_response)` (layered inside
/// [`request_context`], so that the response carries the request id): 500
/// [`FrameworkKind::Internal`], nothing of the panic in the body. With the `tracing` feature
/// the panic's message is logged with the request id.
#[allow(
    clippy::needless_pass_by_value,
    reason = "the signature CatchPanicLayer::custom calls"
)]
#[must_use]
pub fn panic_response(panic: Box<dyn core::any::Any + Send + 'static>) -> Response {
    context::log_panic(&*panic);
    context::framework_error(FrameworkKind::Internal).into_response()
}

/// The first error in `error`'s chain of type `T`.
fn find<'a, T: std::error::Error + 'static>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a T> {
    let mut next = Some(error);
    while let Some(error) = next {
        if let Some(found) = error.downcast_ref::<T>() {
            return Some(found);
        }
        next = error.source();
    }
    None
}

type JsonPathError = serde_path_to_error::Error<serde_json::Error>;

/// `JsonRejection` as the service's entry: 400 malformed JSON, 422 JSON of the wrong shape
/// (with the member as a JSON Pointer), 415 without `Content-Type: application/json`, 413 over
/// `DefaultBodyLimit`; the parser's message is the detail.
impl From<JsonRejection> for FrameworkError {
    fn from(rejection: JsonRejection) -> Self {
        let framework = context::framework_errors();
        let kind = match &rejection {
            JsonRejection::JsonDataError(_) => FrameworkKind::InvalidJson,
            JsonRejection::JsonSyntaxError(_) => FrameworkKind::MalformedJson,
            JsonRejection::MissingJsonContentType(_) => FrameworkKind::UnsupportedMediaType,
            _ => by_status(rejection.status()),
        };
        let error = FrameworkError::new(kind, &framework);
        match kind {
            FrameworkKind::InvalidJson | FrameworkKind::MalformedJson => {
                if let Some(path_error) = find::<JsonPathError>(&rejection) {
                    let error = error.with_detail(path_error.inner().to_string());
                    match context::pointer(path_error.path()) {
                        Some(at) => error.with_pointer(at),
                        None => error,
                    }
                } else if let Some(json_error) = find::<serde_json::Error>(&rejection) {
                    error.with_detail(json_error.to_string())
                } else {
                    error.with_detail(rejection.body_text())
                }
            }
            FrameworkKind::UnsupportedMediaType => {
                error.with_detail("Expected a request with `Content-Type: application/json`.")
            }
            _ => error,
        }
    }
}

/// A rejection axum added after this crate was written, by its status.
fn by_status(status: http::StatusCode) -> FrameworkKind {
    match status.as_u16() {
        413 => FrameworkKind::BodyTooLarge,
        415 => FrameworkKind::UnsupportedMediaType,
        422 => FrameworkKind::InvalidJson,
        500.. => FrameworkKind::Internal,
        _ => FrameworkKind::MalformedJson,
    }
}

/// `PathRejection` as [`FrameworkKind::InvalidPathParameter`], naming the parameter where axum
/// does; a route that asks for parameters it does not have is the server's error
/// ([`FrameworkKind::Internal`]).
impl From<PathRejection> for FrameworkError {
    fn from(rejection: PathRejection) -> Self {
        use axum::extract::path::ErrorKind;
        let framework = context::framework_errors();
        match &rejection {
            PathRejection::FailedToDeserializePathParams(failed) => {
                let error = FrameworkError::new(FrameworkKind::InvalidPathParameter, &framework)
                    .with_detail(failed.kind().to_string());
                match failed.kind() {
                    ErrorKind::ParseErrorAtKey { key, .. }
                    | ErrorKind::InvalidUtf8InPathParam { key }
                    | ErrorKind::DeserializeError { key, .. } => error.with_parameter(key.as_str()),
                    _ => error,
                }
            }
            _ => FrameworkError::new(FrameworkKind::Internal, &framework),
        }
    }
}

/// `QueryRejection` as [`FrameworkKind::InvalidQuery`], naming the parameter.
impl From<QueryRejection> for FrameworkError {
    fn from(rejection: QueryRejection) -> Self {
        type QueryPathError = serde_path_to_error::Error<serde_urlencoded::de::Error>;
        let error = FrameworkError::new(FrameworkKind::InvalidQuery, &context::framework_errors());
        match find::<QueryPathError>(&rejection) {
            Some(failed) => {
                let error = error.with_detail(failed.inner().to_string());
                let name = failed.path().to_string();
                if name == "." {
                    error
                } else {
                    error.with_parameter(name)
                }
            }
            None => error.with_detail(rejection.body_text()),
        }
    }
}

macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident, $inner:ident, $trait:ident, $input:ty, $method:ident) => {
        wrapper!($(#[$doc])* $name);

        impl<T, S> $trait<S> for $name<T>
        where
            axum::extract::$inner<T>: $trait<S>,
            FrameworkError: From<<axum::extract::$inner<T> as $trait<S>>::Rejection>,
            S: Send + Sync,
        {
            type Rejection = FrameworkError;

            async fn $method(input: $input, state: &S) -> Result<Self, Self::Rejection> {
                match axum::extract::$inner::<T>::$method(input, state).await {
                    Ok(axum::extract::$inner(value)) => Ok($name(value)),
                    Err(rejection) => Err(FrameworkError::from(rejection)),
                }
            }
        }
    };
}

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name<T>(pub T);

        impl<T> core::ops::Deref for $name<T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> core::ops::DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }
    };
}

extractor!(
    /// `axum::Json` whose rejection is the service's entry (see
    /// [`From<JsonRejection> for FrameworkError`](FrameworkError#impl-From<JsonRejection>-for-FrameworkError)):
    /// use it in place of axum's in handlers, and `axum::Json` for responses.
    ///
    /// ```
    /// async fn create(apierror::axum::Json(order): apierror::axum::Json<serde_json::Value>) {}
    /// let app: axum::Router = axum::Router::new().route("/orders", axum::routing::post(create));
    /// ```
    Json, Json, FromRequest, Request, from_request
);
wrapper!(
    /// `axum::extract::Path` whose rejection is the service's
    /// [`FrameworkKind::InvalidPathParameter`], naming the parameter: the one axum names, or, when
    /// axum gives only a position (a tuple, or a single value), the route's parameter there.
    ///
    /// ```
    /// async fn order(apierror::axum::Path(id): apierror::axum::Path<u64>) -> String {
    ///     id.to_string()
    /// }
    /// let app: axum::Router = axum::Router::new().route("/orders/{id}", axum::routing::get(order));
    /// ```
    Path
);

impl<T, S> FromRequestParts<S> for Path<T>
where
    axum::extract::Path<T>: FromRequestParts<S, Rejection = PathRejection>,
    S: Send + Sync,
{
    type Rejection = FrameworkError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::path::ErrorKind;
        let rejection = match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => return Ok(Path(value)),
            Err(rejection) => rejection,
        };
        // axum names the key for a struct or a map; for a tuple or a single value only the
        // position, which the route's own parameters turn into a name.
        let position = match &rejection {
            PathRejection::FailedToDeserializePathParams(failed) => match failed.kind() {
                ErrorKind::ParseErrorAtIndex { index, .. } => Some((*index, false)),
                ErrorKind::ParseError { .. } => Some((0, true)),
                _ => None,
            },
            _ => None,
        };
        let error = FrameworkError::from(rejection);
        let Some((index, only)) = position else {
            return Err(error);
        };
        let Ok(raw) = axum::extract::RawPathParams::from_request_parts(parts, state).await else {
            return Err(error);
        };
        let mut params = raw.iter();
        match (params.nth(index), only && params.next().is_some()) {
            (Some((name, _)), false) => Err(error.with_parameter(name)),
            _ => Err(error),
        }
    }
}
extractor!(
    /// `axum::extract::Query` whose rejection is the service's [`FrameworkKind::InvalidQuery`].
    Query, Query, FromRequestParts, &mut Parts, from_request_parts
);
