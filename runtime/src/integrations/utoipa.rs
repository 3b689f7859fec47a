//! utoipa: derived errors implement `IntoResponses`, so `#[utoipa::path(responses(MyError))]`
//! lists every status of the catalog with one example per code.

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
    let service = ServiceCatalog::new(std::any::type_name::<C>()).with::<C>();
    crate::docs::inline_responses(&service, envelope)
        .into_iter()
        .filter_map(|(status, value)| {
            // Our own documents always deserialize; a failure would only drop that status.
            let response: Response = serde_json::from_value(value).ok()?;
            Some((status.to_string(), RefOr::T(response)))
        })
        .collect()
}
