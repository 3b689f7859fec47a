//! actix-web: derived errors convert into `actix_web::Error`, so handlers return
//! `Result<T, MyError>` as is, and [`request_context`] fills the request context.
//!
//! actix's `ResponseError` requires `Display`, which a derived type need not have; so instead of
//! implementing it on your type, the derive implements `From<YourError> for actix_web::Error`,
//! which renders the response at once (while the request context is current) into
//! [`Rendered`], a `ResponseError` of this crate.
//!
//! ```
//! use apierror::ApiError;
//! use actix_web::{App, get, middleware::from_fn};
//!
//! #[derive(Debug, ApiError)]
//! #[api(actix_web)]
//! enum ItemError {
//!     #[api(status = 404, detail = "Item {id} not found")]
//!     NotFound { id: u32 },
//! }
//!
//! #[get("/items/7")]
//! async fn item() -> Result<&'static str, ItemError> {
//!     Err(ItemError::NotFound { id: 7 })
//! }
//!
//! let app = App::new().service(item).wrap(from_fn(apierror::actix::request_context));
//! ```

use core::fmt;

use core::panic::AssertUnwindSafe;

use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage as _, HttpRequest, HttpResponse, HttpResponseBuilder, ResponseError};
use futures_util::FutureExt as _;

use super::context::{self, RequestContext};
use crate::envelope::Envelope;
use crate::{ApiError, FrameworkError, FrameworkKind};

/// An error's response, rendered: what `actix_web::Error` holds for a derived error.
pub struct Rendered {
    code: &'static str,
    response: http::Response<Vec<u8>>,
}

impl Rendered {
    /// Renders `error` in `envelope`, with the current request's context if there is one.
    pub fn new(error: &dyn ApiError, envelope: &dyn Envelope) -> Self {
        Rendered {
            code: crate::ApiErrorExt::code(error),
            response: context::response(error, envelope),
        }
    }

    /// The rendered response, in the `http` 1 types the rest of this crate uses.
    #[must_use]
    pub fn response(&self) -> &http::Response<Vec<u8>> {
        &self.response
    }
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rendered")
            .field("code", &self.code)
            .field("status", &self.response.status())
            .finish_non_exhaustive()
    }
}

/// The code and status only: the body may hold client text, and this is what actix logs.
impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.response.status())
    }
}

impl ResponseError for Rendered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::from_u16(self.response.status().as_u16())
            .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut builder = HttpResponseBuilder::new(self.status_code());
        for (name, value) in self.response.headers() {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_str().as_bytes()),
                HeaderValue::from_bytes(value.as_bytes()),
            ) {
                builder.append_header((name, value));
            }
        }
        builder.body(self.response.body().clone())
    }
}

/// The `actix_web::Error` of `error` (what the derived `From` calls): in the envelope its type
/// declares, else the service's ([`ServiceErrors`](crate::ServiceErrors)), else RFC 9457.
pub fn into_service_error(error: &dyn ApiError) -> actix_web::Error {
    actix_web::Error::from(Rendered {
        code: crate::ApiErrorExt::code(error),
        response: context::service_response(error),
    })
}

/// The `actix_web::Error` of `error` in `envelope`, unless its type declares its own.
pub fn into_error(error: &dyn ApiError, envelope: &dyn Envelope) -> actix_web::Error {
    actix_web::Error::from(Rendered::new(error, envelope))
}

/// Middleware (for `actix_web::middleware::from_fn`): takes the request id from `X-Request-Id`,
/// or generates one, the path as the problem instance, a [`RateLimit`](crate::RateLimit) an
/// outer layer put into the request's extensions and the service's
/// [`ServiceErrors`](crate::ServiceErrors) (app data); derived errors returned while handling
/// the request carry them, and every response gets the `X-Request-Id` header (or the one the
/// service names).
///
/// It also answers what actix-web would not put in the envelope: a panic in a handler (500
/// [`FrameworkKind::Internal`], nothing of the panic in the body, logged with the `tracing`
/// feature; without this the connection is dropped), and the empty-bodied 405 of a resource
/// (its `Allow` is kept).
///
/// # Errors
/// Those of the wrapped service.
pub async fn request_context(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let service = request.app_data::<crate::ServiceErrors>().cloned();
    // actix-web has its own `http` 0.2 types: the name crosses over as text.
    let header = HeaderName::from_bytes(context::request_id_header(service.as_ref()).as_str().as_bytes())
        .unwrap_or_else(|_| HeaderName::from_static(context::REQUEST_ID));
    let rc = RequestContext::new(
        request.path(),
        request.headers().get(&header).map(HeaderValue::as_bytes),
    )
    .with_rate_limit(request.extensions().get::<crate::RateLimit>().copied())
    .with_service(service);
    let id = rc.request_id().to_owned();
    let mut response = rc
        .scope(async move {
            match AssertUnwindSafe(next.call(request)).catch_unwind().await {
                Ok(response) => response.map(fill_in),
                // actix-web turns the error into its response; the request itself is gone
                // with the panicked future.
                Err(panic) => {
                    context::log_panic(&*panic);
                    Err(context::framework_error(FrameworkKind::Internal).into())
                }
            }
        })
        .await?;
    if !response.headers().contains_key(&header)
        && let Ok(value) = HeaderValue::from_str(&id)
    {
        response.headers_mut().insert(header, value);
    }
    Ok(response)
}

/// An empty-bodied error response actix-web produced (a resource's 405), in the service's
/// envelope.
fn fill_in<B: MessageBody>(response: ServiceResponse<B>) -> ServiceResponse<EitherBody<B>> {
    let empty = matches!(
        response.response().body().size(),
        BodySize::Sized(0) | BodySize::None
    ) && !response.headers().contains_key(header::CONTENT_TYPE);
    let kind = http::StatusCode::from_u16(response.status().as_u16())
        .ok()
        .filter(|_| empty)
        .and_then(|status| context::framework_errors().filled_in(status));
    let Some(kind) = kind else {
        return response.map_into_left_body();
    };
    let allow = response.headers().get(header::ALLOW).cloned();
    let mut filled = Rendered::in_service(&context::framework_error(kind)).error_response();
    if let Some(allow) = allow {
        filled.headers_mut().insert(header::ALLOW, allow);
    }
    response.into_response(filled).map_into_right_body()
}

impl Rendered {
    /// Renders `error` in the service's envelope.
    fn in_service(error: &dyn ApiError) -> Self {
        Rendered {
            code: crate::ApiErrorExt::code(error),
            response: context::service_response(error),
        }
    }
}

/// An error with its endpoint's rate limit converts like a derived error, whatever the inner
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
/// let app = actix_web::App::new().route("/search", actix_web::web::get().to(search));
/// ```
impl<E: ApiError> From<crate::RateLimited<E>> for actix_web::Error {
    fn from(error: crate::RateLimited<E>) -> Self {
        into_service_error(&error)
    }
}

/// Framework errors convert like derived ones: the service's envelope, the request's context.
impl From<FrameworkError> for actix_web::Error {
    fn from(error: FrameworkError) -> Self {
        into_service_error(&error)
    }
}

/// The app's default service (`App::default_service(web::to(apierror::actix::not_found))`): no
/// resource matches the path, 404 [`FrameworkKind::RouteNotFound`] in the service's envelope.
///
/// The whole setup, every framework error answered with the service's entries:
///
/// ```
/// use actix_web::{App, middleware::from_fn, web};
///
/// #[derive(serde::Deserialize)]
/// struct Order { amount: u32 }
///
/// async fn create(order: web::Json<Order>) -> String { order.amount.to_string() }
///
/// let app = App::new()
///     .app_data(apierror::ServiceErrors::default())
///     .app_data(web::JsonConfig::default().limit(64 * 1024).error_handler(apierror::actix::json_error))
///     .app_data(web::PathConfig::default().error_handler(apierror::actix::path_error))
///     .app_data(web::QueryConfig::default().error_handler(apierror::actix::query_error))
///     // A resource, so that a wrong method is a 405 (with `App::route` it is a 404).
///     .service(web::resource("/orders").route(web::post().to(create)))
///     .default_service(web::to(apierror::actix::not_found))
///     .wrap(from_fn(apierror::actix::request_context));
/// ```
#[allow(clippy::unused_async, reason = "the handler `web::to` calls is async")]
pub async fn not_found() -> HttpResponse {
    Rendered::in_service(&context::framework_error(FrameworkKind::RouteNotFound)).error_response()
}

/// `JsonConfig::default().error_handler(apierror::actix::json_error)`: 400 malformed JSON, 422
/// JSON of the wrong shape, 415 without `Content-Type: application/json`, 413 over the
/// config's `limit`; the parser's message is the detail. (actix-web's JSON extractor does not
/// record the member's path, so there is no location: [`Json`] records it.)
#[allow(
    clippy::needless_pass_by_value,
    reason = "the signature JsonConfig::error_handler calls"
)]
#[must_use]
pub fn json_error(error: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    json_payload_error(&error).into()
}

/// A JSON payload error as the service's entry.
fn json_payload_error(error: &JsonPayloadError) -> FrameworkError {
    let framework = context::framework_errors();
    match error {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            FrameworkError::new(FrameworkKind::BodyTooLarge, &framework)
        }
        JsonPayloadError::ContentType => FrameworkError::new(FrameworkKind::UnsupportedMediaType, &framework)
            .with_detail("Expected a request with `Content-Type: application/json`."),
        JsonPayloadError::Deserialize(parse) if parse.is_data() => {
            FrameworkError::new(FrameworkKind::InvalidJson, &framework).with_detail(parse.to_string())
        }
        JsonPayloadError::Deserialize(parse) => {
            FrameworkError::new(FrameworkKind::MalformedJson, &framework).with_detail(parse.to_string())
        }
        JsonPayloadError::Serialize(_) => FrameworkError::new(FrameworkKind::Internal, &framework),
        _ => FrameworkError::new(FrameworkKind::MalformedJson, &framework).with_detail(error.to_string()),
    }
}

/// `PathConfig::default().error_handler(apierror::actix::path_error)`: 400
/// [`FrameworkKind::InvalidPathParameter`] with the parser's message, naming the parameter when
/// the route has only one (actix's parser names none; [`Path`] always does).
#[allow(
    clippy::needless_pass_by_value,
    reason = "the signature PathConfig::error_handler calls"
)]
#[must_use]
pub fn path_error(error: PathError, req: &HttpRequest) -> actix_web::Error {
    let PathError::Deserialize(parse) = &error else {
        return context::framework_error(FrameworkKind::InvalidPathParameter).into();
    };
    let error = context::framework_error(FrameworkKind::InvalidPathParameter).with_detail(parse.to_string());
    match sole_parameter(req) {
        Some(name) => error.with_parameter(name).into(),
        None => error.into(),
    }
}

/// `QueryConfig::default().error_handler(apierror::actix::query_error)`: 400
/// [`FrameworkKind::InvalidQuery`] with the parser's message (actix's parser names no parameter:
/// use [`Query`] for that).
#[allow(
    clippy::needless_pass_by_value,
    reason = "the signature QueryConfig::error_handler calls"
)]
#[must_use]
pub fn query_error(error: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    let QueryPayloadError::Deserialize(parse) = &error else {
        return context::framework_error(FrameworkKind::InvalidQuery).into();
    };
    context::framework_error(FrameworkKind::InvalidQuery)
        .with_detail(parse.to_string())
        .into()
}

/// The parameter a path error is about, when the route has only one: actix's path parser names
/// none.
fn sole_parameter(req: &HttpRequest) -> Option<String> {
    let mut params = req.match_info().iter();
    match (params.next(), params.next()) {
        (Some((name, _)), None) => Some(name.to_owned()),
        _ => None,
    }
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

wrapper!(
    /// `web::Json` whose failures are the service's entries and name the member: the body is
    /// read by `web::Json` (its `JsonConfig` limit and content type apply), then deserialized
    /// recording the path, so a member of the wrong type is a 422 [`FrameworkKind::InvalidJson`]
    /// at its JSON Pointer (`/lines/1/count`), which actix's own extractor does not record.
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct Order { amount: u32 }
    ///
    /// async fn create(apierror::actix::Json(order): apierror::actix::Json<Order>) -> String {
    ///     order.amount.to_string()
    /// }
    /// let app = actix_web::App::new().route("/orders", actix_web::web::post().to(create));
    /// ```
    Json
);

impl<T: serde::de::DeserializeOwned + 'static> actix_web::FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let body = actix_web::web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let value = match body.await {
                Ok(actix_web::web::Json(value)) => value,
                // The JsonConfig's handler ran (`json_error` answers in the service's entries);
                // without one, actix's own error is turned into the entry here.
                Err(error) => {
                    return Err(match error.as_error::<JsonPayloadError>() {
                        Some(payload) => json_payload_error(payload).into(),
                        None => error,
                    });
                }
            };
            serde_path_to_error::deserialize(value)
                .map(Json)
                .map_err(|failed| {
                    let error = context::framework_error(FrameworkKind::InvalidJson)
                        .with_detail(failed.inner().to_string());
                    match context::pointer(failed.path()) {
                        Some(at) => error.with_pointer(at).into(),
                        None => error.into(),
                    }
                })
        })
    }
}

wrapper!(
    /// `web::Path` whose rejection is the service's [`FrameworkKind::InvalidPathParameter`],
    /// naming the parameter (the one the deserializer was at, or the route's only one).
    ///
    /// ```
    /// async fn order(apierror::actix::Path(id): apierror::actix::Path<u64>) -> String {
    ///     id.to_string()
    /// }
    /// let app = actix_web::App::new().route("/orders/{id}", actix_web::web::get().to(order));
    /// ```
    Path
);

impl<T: serde::de::DeserializeOwned> actix_web::FromRequest for Path<T> {
    type Error = actix_web::Error;
    type Future = core::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let parsed = serde_path_to_error::deserialize(actix_router::PathDeserializer::new(req.match_info()));
        core::future::ready(parsed.map(Path).map_err(|failed| {
            let error = context::framework_error(FrameworkKind::InvalidPathParameter)
                .with_detail(failed.inner().to_string());
            let name = failed.path().to_string();
            let name = if name == "." {
                sole_parameter(req)
            } else {
                Some(name)
            };
            match name {
                Some(name) => error.with_parameter(name).into(),
                None => error.into(),
            }
        }))
    }
}

wrapper!(
    /// `web::Query` whose rejection is the service's [`FrameworkKind::InvalidQuery`], naming the
    /// parameter (actix's own extractor reports only the parser's message).
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct Page { limit: u32 }
    ///
    /// async fn list(apierror::actix::Query(page): apierror::actix::Query<Page>) -> String {
    ///     page.limit.to_string()
    /// }
    /// let app = actix_web::App::new().route("/orders", actix_web::web::get().to(list));
    /// ```
    Query
);

impl<T: serde::de::DeserializeOwned> actix_web::FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = core::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let query =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(req.query_string().as_bytes()));
        core::future::ready(
            serde_path_to_error::deserialize(query)
                .map(Query)
                .map_err(|failed| {
                    let error = context::framework_error(FrameworkKind::InvalidQuery)
                        .with_detail(failed.inner().to_string());
                    let name = failed.path().to_string();
                    if name == "." {
                        error.into()
                    } else {
                        error.with_parameter(name).into()
                    }
                }),
        )
    }
}
