//! utoipa: derived errors implement `IntoResponses`, so `#[utoipa::path(responses(MyError))]`
//! lists every status of the catalog with one example per code. Several error types on one path
//! go in one [`Merged`]: utoipa replaces a status's response with the last type's, where
//! `Merged` keeps every code of every type.

use std::collections::BTreeMap;

use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;

use crate::Catalog;
use crate::docs::ServiceCatalog;
use crate::envelope::Envelope;

/// What `IntoResponses::responses` returns.
pub type Responses = BTreeMap<String, RefOr<Response>>;

/// The responses of `C`'s catalog in `envelope`, keyed by status, with schema and headers
/// inlined (a path's responses cannot rely on components the document may not have).
pub fn responses<C: Catalog>(envelope: &dyn Envelope) -> Responses {
    responses_of(
        &ServiceCatalog::new(std::any::type_name::<C>()).with::<C>(),
        envelope,
    )
}

/// The responses of a whole catalog in `envelope`: every code at each status.
pub fn responses_of(service: &ServiceCatalog, envelope: &dyn Envelope) -> Responses {
    crate::docs::inline_responses(service, envelope)
        .into_iter()
        .filter_map(|(status, value)| {
            // Our responses use only what utoipa's schema model holds (the tests check every
            // status arrives); a failure would drop that status rather than the document.
            let response: Response = serde_json::from_value(value).ok()?;
            Some((status.to_string(), RefOr::T(response)))
        })
        .collect()
}

/// Several error types as one path's responses, in RFC 9457 problem details: every code of
/// every type, one example each, at its status. (Listing the types one by one in `responses(...)`
/// keeps only the last type's response at a status they share.)
///
/// ```
/// use apierror::ApiError;
/// use apierror::utoipa::Merged;
///
/// #[derive(Debug, ApiError)]
/// enum AccessError {
///     #[api(status = 404)]
///     UserNotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum ProjectError {
///     #[api(status = 404)]
///     ProjectNotFound,
/// }
///
/// #[utoipa::path(get, path = "/projects/{id}", responses(Merged<(AccessError, ProjectError)>))]
/// async fn project() {}
/// ```
pub struct Merged<T>(core::marker::PhantomData<T>);

macro_rules! merged {
    ($($name:ident),+) => {
        impl<$($name: Catalog),+> utoipa::IntoResponses for Merged<($($name,)+)> {
            fn responses() -> Responses {
                let service = ServiceCatalog::new("merged")$(.with::<$name>())+;
                responses_of(&service, &crate::Problem::new())
            }
        }
    };
}
merged!(A, B);
merged!(A, B, C);
merged!(A, B, C, D);
merged!(A, B, C, D, E);
merged!(A, B, C, D, E, F);

/// One error type's responses with every member described (`#[api(schemas)]`, the
/// `schemars-1` feature): each code's schema lists its fields, and its example follows them.
/// `responses(Described<BillingError>)` where `responses(BillingError)` lists the shapes only.
/// utoipa's own `ToSchema` is not needed: the member schemas come from `schemars`, the one
/// source for both the catalog's OpenAPI document and utoipa's.
#[cfg(feature = "schemars-1")]
pub struct Described<T>(core::marker::PhantomData<T>);

#[cfg(feature = "schemars-1")]
impl<T: Catalog + crate::docs::MemberSchemas> utoipa::IntoResponses for Described<T> {
    fn responses() -> Responses {
        let service = ServiceCatalog::new(std::any::type_name::<T>()).with_schemas::<T>();
        responses_of(&service, &crate::Problem::new())
    }
}

/// Puts the errors of every [`Operation`](crate::docs::Operation) of `service` into a document
/// utoipa built: for each operation's path and method that `openapi` has, its error responses
/// become exactly the operation's (the codes it names, `returns_only` subsets included, and the
/// framework errors that apply to it), in place of what `responses(...)` listed at those
/// statuses. Call it from a `utoipa::Modify`.
///
/// # Errors
/// When the document does not round-trip through JSON (it then stays as it was), or names an
/// operation `openapi` does not have (the others are still applied): the paths and methods.
///
/// ```
/// use apierror::ApiError;
/// use apierror::docs::{Operation, ServiceCatalog};
/// use utoipa::OpenApi;
///
/// #[derive(Debug, ApiError)]
/// #[api(utoipa)]
/// enum OrderError {
///     #[api(status = 404)]
///     OrderNotFound,
///     #[api(status = 409)]
///     OrderLocked,
/// }
///
/// #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order")))]
/// async fn order() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(order))]
/// struct ApiDoc;
///
/// let service = ServiceCatalog::new("Orders API")
///     .with_framework(&apierror::FrameworkErrors::new())
///     .with_operation(Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]));
/// let mut openapi = ApiDoc::openapi();
/// apierror::utoipa::apply_operations(&service, &apierror::Problem::new(), &mut openapi).unwrap();
/// let document = serde_json::to_value(&openapi).unwrap();
/// let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
/// let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["200", "400", "404", "405", "500"]);
/// ```
pub fn apply_operations(
    service: &ServiceCatalog,
    envelope: &dyn Envelope,
    openapi: &mut utoipa::openapi::OpenApi,
) -> Result<(), Vec<String>> {
    let Ok(mut document) = serde_json::to_value(&*openapi) else {
        return Err(vec!["the document does not serialize".to_owned()]);
    };
    let mut missing = Vec::new();
    for (path, method, responses) in crate::docs::inline_operation_responses(service, envelope) {
        let Some(operation) = document
            .pointer_mut(&format!(
                "/paths/{}/{method}",
                path.replace('~', "~0").replace('/', "~1")
            ))
            .and_then(serde_json::Value::as_object_mut)
        else {
            missing.push(format!("{} {path}", method.to_ascii_uppercase()));
            continue;
        };
        let listed = operation
            .entry("responses")
            .or_insert_with(|| serde_json::json!({}));
        if let Some(listed) = listed.as_object_mut() {
            for (status, response) in responses {
                listed.insert(status.to_string(), response);
            }
        }
    }
    match serde_json::from_value(document) {
        Ok(changed) => *openapi = changed,
        Err(e) => return Err(vec![format!("the changed document is not one utoipa reads: {e}")]),
    }
    if missing.is_empty() { Ok(()) } else { Err(missing) }
}

/// The error responses of one [`Operation`](crate::docs::Operation) (its codes, `returns_only`
/// subsets included, and the framework errors that apply to it, with `framework`'s entries), in
/// `envelope`: what a type declared with [`operation_errors!`](crate::operation_errors) gives
/// `#[utoipa::path(responses(...))]`.
#[must_use]
pub fn operation_responses(
    operation: &crate::docs::Operation,
    framework: &crate::FrameworkErrors,
    envelope: &dyn Envelope,
) -> Responses {
    let service = ServiceCatalog::new("operation")
        .with_framework(framework)
        .with_operation(operation.clone());
    crate::docs::inline_operation_responses(&service, envelope)
        .into_iter()
        .flat_map(|(_, _, responses)| responses)
        .filter_map(|(status, value)| {
            let response: Response = serde_json::from_value(value).ok()?;
            Some((status.to_string(), RefOr::T(response)))
        })
        .collect()
}
