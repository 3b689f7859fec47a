//! The [`Envelope`] trait: what a JSON shape for error bodies implements.

use serde_json::{Value, json};

use super::{Output, RenderError};
use crate::{ApiError, Context};

/// A JSON shape for error bodies. Implement it for a shape of your own; the built-in ones are
/// listed in the [module documentation](crate::envelope).
///
/// A renderer writes through [`Output`], which has the entry's static text already escaped
/// (copied, never escaped again per response), the shared writers for the detail, message,
/// `resolve` and fields, and the escaping helpers for anything else.
///
/// ```
/// use apierror::envelope::{Envelope, Output, RenderError};
/// use apierror::{ApiError, ApiErrorExt, Context};
///
/// /// `{"error_code": ..., "http_status": ..., "details": {...}}`
/// struct Minimal;
///
/// impl Envelope for Minimal {
///     fn content_type(&self) -> &'static str {
///         "application/json"
///     }
///     fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
///         out.raw(b"{\"error_code\":");
///         out.code(error.entry());
///         out.raw(b",\"http_status\":");
///         out.number(u64::from(error.status().as_u16()));
///         out.fields_object(b",\"details\":", error)?;
///         out.raw(b"}");
///         Ok(())
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404)]
/// struct NotFound {
///     id: u32,
/// }
///
/// let mut body = Vec::new();
/// Minimal.render(&NotFound { id: 7 }, &Context::new(), &mut Output::new(&mut body)).unwrap();
/// assert_eq!(body, br#"{"error_code":"NOT_FOUND","http_status":404,"details":{"id":7}}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an envelope",
    label = "not an `apierror::envelope::Envelope`",
    note = "`envelope = ...` takes a constant of a type that implements `apierror::envelope::Envelope`, such as `apierror::envelope::CodeMessage` or `apierror::Problem::new().with_code_member(\"error_code\")`"
)]
pub trait Envelope {
    /// The `Content-Type` of bodies in this shape.
    fn content_type(&self) -> &'static str;

    /// Appends the body of `error` to `out`.
    ///
    /// # Errors
    /// When an exposed field fails to serialize, or the envelope reports a failure of its own
    /// ([`RenderError::custom`]); `out` may then hold a partial body, which
    /// [`ErrorResponder`](crate::ErrorResponder) discards.
    fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Output<'_>)
    -> Result<(), RenderError>;

    /// Whether bodies in this shape have a top-level member `name` of their own, next to the
    /// exposed fields, so that a field exposed under that name would collide with it.
    ///
    /// No body ever has a member twice: an envelope leaves such a field out (its own member
    /// wins), and [`ServiceCatalog::collisions`], checked
    /// with the lock, lists every field a service's envelope would leave out. The default,
    /// `false`, suits envelopes that put the fields in an object of their own (`details`,
    /// `meta`).
    ///
    /// ```
    /// use apierror::envelope::{CodeMessage, Envelope};
    /// use apierror::Problem;
    ///
    /// assert!(Problem::new().writes_member("title"));
    /// assert!(Problem::new().with_code_member("error_code").writes_member("error_code"));
    /// assert!(!CodeMessage.writes_member("code"));
    /// ```
    #[doc = service_catalog_link!("collisions")]
    fn writes_member(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of bodies in this shape. `code` is the
    /// schema of the code member: a string enum of every code in the catalog, or a `$ref` to
    /// one. The default describes any JSON object.
    fn schema(&self, code: Value) -> Value {
        let _ = code;
        json!({"type": "object"})
    }

    /// The schema of one code's bodies: [`Envelope::schema`] with the exposed members described
    /// where this shape puts them. `members` is an object schema (`properties`, `required`) of
    /// the code's fields. The default ignores them.
    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        let _ = members;
        self.schema(code)
    }

    /// Where the code sits in this shape's [`schema`](Envelope::schema): a JSON Pointer to the
    /// object schema that holds the code member (`""` for the body itself), and that member's
    /// name. The OpenAPI document puts its union of one schema per code there, discriminated on
    /// that member. `None` (the default) when no object holds the code as a plain member: each
    /// code's schema is then the whole body, and the union has no discriminator.
    ///
    /// ```
    /// use apierror::envelope::{Envelope, GoogleRpc, JsonApi, SuccessFlag};
    /// use apierror::Problem;
    ///
    /// assert_eq!(Problem::new().code_schema_at(), Some(("", "code")));
    /// assert_eq!(SuccessFlag.code_schema_at(), Some(("/properties/error", "code")));
    /// assert_eq!(JsonApi.code_schema_at(), Some(("/properties/errors/items", "code")));
    /// assert_eq!(GoogleRpc::new("example.com").code_schema_at(), None);
    /// ```
    fn code_schema_at(&self) -> Option<(&'static str, &'static str)> {
        None
    }

    /// The AIP-193 domain of this shape's errors (`ErrorInfo.domain`), for a shape that has one:
    /// [`GoogleRpc`](crate::envelope::GoogleRpc)'s. gRPC statuses of a type that declares such an
    /// envelope carry the same domain. `None` (the default) otherwise.
    ///
    /// ```
    /// use apierror::envelope::{Envelope, GoogleRpc};
    ///
    /// assert_eq!(GoogleRpc::new("example.com").domain(), Some("example.com"));
    /// assert_eq!(apierror::Problem::new().domain(), None);
    /// ```
    fn domain(&self) -> Option<&'static str> {
        None
    }
}

/// References and boxes of envelopes are envelopes, so a service can choose one at run time
/// (`Box<dyn Envelope>`) or lend one out (`&dyn Envelope`).
macro_rules! forward_envelope {
    ($($ptr:ty),*) => {$(
        impl<E: Envelope + ?Sized> Envelope for $ptr {
            fn content_type(&self) -> &'static str {
                (**self).content_type()
            }
            fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
                (**self).render(error, cx, out)
            }
            fn writes_member(&self, name: &str) -> bool {
                (**self).writes_member(name)
            }
            fn schema(&self, code: Value) -> Value {
                (**self).schema(code)
            }
            fn schema_with_members(&self, code: Value, members: Value) -> Value {
                (**self).schema_with_members(code, members)
            }
            fn code_schema_at(&self) -> Option<(&'static str, &'static str)> {
                (**self).code_schema_at()
            }
            fn domain(&self) -> Option<&'static str> {
                (**self).domain()
            }
        }
    )*};
}
forward_envelope!(&E, Box<E>, std::sync::Arc<E>);
