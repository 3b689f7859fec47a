//! The entries as the JSON catalog writes them (`apierror.catalog/v2`): absent members left out.

use serde::ser::{Serialize, SerializeMap as _, Serializer};

use super::{Entry, Field, Resolve};

/// The JSON catalog's entry (`apierror.catalog/v2`, see
/// [`ServiceCatalog::catalog_json`]): absent members
/// left out.
#[doc = service_catalog_link!("catalog_json")]
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("status", &self.status().as_u16())?;
        map.serialize_entry("title", self.title())?;
        if let Some(description) = self.description() {
            map.serialize_entry("description", description)?;
        }
        if let Some(detail) = self.detail_template() {
            map.serialize_entry("detail", detail)?;
        }
        map.serialize_entry("retry", &self.retry())?;
        map.serialize_entry("retryable", &self.retry().is_retryable())?;
        if let Some(delay) = self.retry_after() {
            map.serialize_entry("retry_after", &delay.as_secs())?;
        }
        map.serialize_entry("retry_after_from_field", &self.retry_after_from_field())?;
        if let Some(resolve) = self.resolve() {
            map.serialize_entry("resolve", resolve)?;
        }
        if let Some(category) = self.category() {
            map.serialize_entry("category", category)?;
        }
        map.serialize_entry("type", self.type_uri())?;
        if let Some(challenge) = self.challenge() {
            map.serialize_entry("challenge", challenge)?;
        }
        if let Some(allow) = self.allow() {
            map.serialize_entry("allow", allow)?;
        }
        if let Some(upgrade) = self.upgrade() {
            map.serialize_entry("upgrade", upgrade)?;
        }
        map.serialize_entry("fields", self.fields())?;
        map.end()
    }
}

/// `{"message", "url", "action", "method", "endpoint"}`, absent parts left out: the `resolve`
/// object of bodies.
impl Serialize for Resolve {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in self.parts() {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

/// `{"name", "type" (JSON), "nullable", "optional", "rust_type", "description"?}`.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("type", self.json_type())?;
        map.serialize_entry("nullable", &self.nullable())?;
        map.serialize_entry("optional", &self.optional())?;
        map.serialize_entry("rust_type", self.ty())?;
        if let Some(description) = self.description() {
            map.serialize_entry("description", description)?;
        }
        map.end()
    }
}
