//! Member schemas: the JSON Schema of each exposed field, from `schemars`, for the OpenAPI
//! document (`#[api(schemas)]` and the `schemars-1` feature).

use serde_json::Value;

/// The schemas of a type's exposed members, per code: derived with `#[api(schemas)]`.
///
/// ```
/// use apierror::ApiError;
/// use apierror::docs::ServiceCatalog;
///
/// // Your own types need `#[derive(schemars::JsonSchema)]`.
/// #[derive(ApiError)]
/// #[api(schemas)]
/// enum QuotaError {
///     #[api(status = 429)]
///     Exceeded { limits: Vec<u32>, plan: Option<String> },
/// }
///
/// let service = ServiceCatalog::new("quota").with_schemas::<QuotaError>();
/// let members = service.member_schemas("EXCEEDED").unwrap();
/// assert_eq!(members[0].0, "limits");
/// assert_eq!(members[0].1["items"]["type"], "integer");
/// ```
pub trait MemberSchemas {
    /// Appends `(code, member, schema)` for every exposed field of every variant (and of the
    /// types its transparent variants wrap).
    fn member_schemas(
        generator: &mut schemars::SchemaGenerator,
        out: &mut Vec<(&'static str, &'static str, Value)>,
    );
}

/// A generator whose schemas are inlined (a response schema in an OpenAPI document cannot rely
/// on a `$defs` of its own), in JSON Schema 2020-12 as OpenAPI 3.1 uses it.
pub(crate) fn generator() -> schemars::SchemaGenerator {
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    settings.inline_subschemas = true;
    settings.meta_schema = None;
    settings.into_generator()
}

/// The schema of `T`, as JSON.
#[doc(hidden)]
pub fn schema_of<T: schemars::JsonSchema + ?Sized>(generator: &mut schemars::SchemaGenerator) -> Value {
    generator.subschema_for::<T>().to_value()
}
