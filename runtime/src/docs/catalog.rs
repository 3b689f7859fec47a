//! [`ServiceCatalog`]: every entry of a service, gathered from its types, and what the other
//! docs files are written from.

use core::fmt;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::Operation;
#[cfg(feature = "schemars-1")]
use super::schemas::{self, MemberSchemas};
use crate::catalog::short_type_name;
use crate::envelope::Envelope;
use crate::{Catalog, Entry, Problem};

/// One service's error catalog, gathered from one or more enums.
#[derive(Clone)]
pub struct ServiceCatalog {
    pub(crate) title: String,
    pub(crate) version: String,
    pub(crate) entries: Vec<(&'static str, &'static Entry)>,
    pub(crate) envelope: Arc<dyn Envelope + Send + Sync>,
    /// Each code's exposed members with their JSON Schemas, for types added with
    /// `with_schemas`.
    pub(crate) member_schemas: BTreeMap<&'static str, Vec<(&'static str, serde_json::Value)>>,
    /// The operations of the OpenAPI document's paths.
    pub(crate) operations: Vec<Operation>,
    /// The framework's entries, once added: what operations resolve their framework errors by.
    pub(crate) framework: Option<crate::FrameworkErrors>,
    /// The header the service echoes the request id in.
    pub(crate) request_id_header: http::HeaderName,
    /// The rate-limit headers the service sends.
    pub(crate) rate_limit_headers: crate::RateLimitHeaders,
    /// The OpenAPI document's `info.description`, `info.contact` and `servers`.
    pub(crate) description: Option<String>,
    pub(crate) contact: Option<(String, String)>,
    pub(crate) servers: Vec<String>,
}

impl fmt::Debug for ServiceCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceCatalog")
            .field("title", &self.title)
            .field("version", &self.version)
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// An exposed field that the service's envelope leaves out of bodies, because the envelope
/// writes a member of that name itself (see [`Envelope::writes_member`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Collision {
    /// The code whose bodies would have the member twice.
    pub code: &'static str,
    /// The member name the field and the envelope share.
    pub member: &'static str,
    /// The type and variant that declare the field, as `Type::Variant`.
    pub declared_by: String,
}

/// A code that two entries of one service share.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Duplicate {
    /// The shared code.
    pub code: &'static str,
    /// The types (and variants) that declare it, as `Type::Variant`.
    pub declared_by: Vec<String>,
}

impl ServiceCatalog {
    /// An empty catalog for the service named `title` (used as the OpenAPI `info.title`).
    pub fn new(title: impl Into<String>) -> Self {
        ServiceCatalog {
            title: title.into(),
            version: "1.0.0".to_owned(),
            entries: Vec::new(),
            envelope: Arc::new(Problem::new()),
            member_schemas: BTreeMap::new(),
            operations: Vec::new(),
            framework: None,
            request_id_header: http::HeaderName::from_static("x-request-id"),
            rate_limit_headers: crate::RateLimitHeaders::Legacy,
            description: None,
            contact: None,
            servers: Vec::new(),
        }
    }

    /// Adds every entry of `C` with the JSON Schema of each exposed member (`#[api(schemas)]`,
    /// the `schemars-1` feature): the OpenAPI document then describes every member of its
    /// codes, and its examples follow those schemas.
    #[cfg(feature = "schemars-1")]
    #[must_use]
    pub fn with_schemas<C: Catalog + MemberSchemas>(mut self) -> Self {
        let mut generator = schemas::generator();
        let mut found = Vec::new();
        C::member_schemas(&mut generator, &mut found);
        for (code, member, schema) in found {
            self.member_schemas
                .entry(code)
                .or_default()
                .push((member, schema));
        }
        self.with::<C>()
    }

    /// The exposed members of `code` with their JSON Schemas, when the type that declares it
    /// was added with `with_schemas`.
    #[must_use]
    pub fn member_schemas(&self, code: &str) -> Option<&[(&'static str, serde_json::Value)]> {
        self.member_schemas.get(code).map(Vec::as_slice)
    }

    /// Sets the envelope the service answers in (RFC 9457 [`Problem`] unless set), for the
    /// checks that depend on it: [`ServiceCatalog::collisions`], and through it the lock.
    ///
    /// ```
    /// use apierror::docs::ServiceCatalog;
    /// use apierror::envelope::{Envelope, SuccessFlag};
    ///
    /// let service = ServiceCatalog::new("Orders API").with_envelope(SuccessFlag);
    /// assert_eq!(service.envelope().content_type(), "application/json");
    /// ```
    #[must_use]
    pub fn with_envelope(mut self, envelope: impl Envelope + Send + Sync + 'static) -> Self {
        self.envelope = Arc::new(envelope);
        self
    }

    /// The envelope set with [`ServiceCatalog::with_envelope`].
    #[must_use]
    pub fn envelope(&self) -> &(dyn Envelope + Send + Sync) {
        &*self.envelope
    }

    /// Every exposed field whose member name the service's envelope writes itself: such a field
    /// is left out of the body (never a member twice), so each one is a declaration to fix. The
    /// derive rejects the names it can know at compile time; this finds the rest (a custom
    /// envelope, an envelope chosen at run time). [`assert_lock`](super::assert_lock) fails on any.
    ///
    /// ```
    /// use apierror::docs::ServiceCatalog;
    /// use apierror::{ApiError, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum CardError {
    ///     #[api(status = 402)]
    ///     CardDeclined { error_code: String },
    /// }
    ///
    /// let service = ServiceCatalog::new("Payments").with::<CardError>();
    /// assert!(service.collisions().is_empty());
    /// let service = service.with_envelope(Problem::new().with_code_member("error_code"));
    /// let collisions = service.collisions();
    /// assert_eq!(collisions[0].member, "error_code");
    /// assert_eq!(collisions[0].declared_by, "CardError::CardDeclined");
    /// ```
    #[must_use]
    pub fn collisions(&self) -> Vec<Collision> {
        self.entries
            .iter()
            .flat_map(|(ty, entry)| {
                entry
                    .fields()
                    .iter()
                    .filter(|f| self.envelope.writes_member(f.name()))
                    .map(move |f| Collision {
                        code: entry.code(),
                        member: f.name(),
                        declared_by: format!("{ty}::{}", entry.variant()),
                    })
            })
            .collect()
    }

    /// Sets the version given in the OpenAPI document (`1.0.0` unless set).
    ///
    /// ```
    /// use apierror::docs::ServiceCatalog;
    ///
    /// let service = ServiceCatalog::new("Orders API").with_version("2.1.0");
    /// assert_eq!(service.version(), "2.1.0");
    /// ```
    #[must_use]
    pub fn with_version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    /// The version given in the OpenAPI document.
    #[must_use]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Adds every entry of `C`'s tree ([`Catalog::visit`]: its own and those of the types its
    /// transparent variants wrap), after those already added; an entry already in the catalog
    /// (reached through two types) is not added again.
    #[must_use]
    pub fn with<C: Catalog>(mut self) -> Self {
        let mut reached: Vec<(&'static str, &'static Entry)> = Vec::new();
        C::visit(&mut |ty, entry| reached.push((short_type_name(ty), entry)));
        for (ty, entry) in reached {
            if !self.entries.iter().any(|(_, known)| core::ptr::eq(*known, entry)) {
                self.entries.push((ty, entry));
            }
        }
        self
    }

    /// Adds the entries of the errors the framework produces on its own (the same
    /// [`FrameworkErrors`](crate::FrameworkErrors) the service's router answers with), so that
    /// the docs, OpenAPI and the lock show every code a client can receive.
    ///
    /// ```
    /// use apierror::FrameworkErrors;
    /// use apierror::docs::ServiceCatalog;
    ///
    /// let service = ServiceCatalog::new("Orders API").with_framework(&FrameworkErrors::new());
    /// assert!(service.entries().any(|e| e.code() == "ROUTE_NOT_FOUND"));
    /// ```
    #[must_use]
    pub fn with_framework(mut self, framework: &crate::FrameworkErrors) -> Self {
        for entry in framework.entries() {
            if !self.entries.iter().any(|(_, known)| core::ptr::eq(*known, entry)) {
                self.entries.push(("FrameworkError", entry));
            }
        }
        self.framework = Some(*framework);
        self
    }

    /// Everything the service's [`ServiceErrors`](crate::ServiceErrors) says that the docs
    /// show: its envelope, its framework entries ([`ServiceCatalog::with_framework`]), the
    /// request-id header and the rate-limit headers the OpenAPI document lists.
    ///
    /// ```
    /// use apierror::docs::ServiceCatalog;
    /// use apierror::{RateLimitHeaders, ServiceErrors};
    ///
    /// let errors = ServiceErrors::default().with_rate_limit_headers(RateLimitHeaders::Ietf);
    /// let service = ServiceCatalog::new("Orders API").with_service(&errors);
    /// assert!(service.entries().any(|e| e.code() == "METHOD_NOT_ALLOWED"));
    /// ```
    #[must_use]
    pub fn with_service(mut self, errors: &crate::ServiceErrors) -> Self {
        self.envelope = errors.envelope.clone();
        self.request_id_header = errors.request_id_header().clone();
        self.rate_limit_headers = errors.rate_limit_headers();
        self.with_framework(errors.framework())
    }

    /// Adds an operation to the OpenAPI document's paths, and the codes it returns to the
    /// catalog (those of types not added yet come after the others). See [`Operation`].
    #[must_use]
    pub fn with_operation(mut self, operation: Operation) -> Self {
        for (ty, entry) in &operation.entries {
            if !self
                .entries
                .iter()
                .any(|(_, known)| core::ptr::eq(*known, *entry))
            {
                self.entries.push((ty, entry));
            }
        }
        self.operations.push(operation);
        self
    }

    /// The service's description (the OpenAPI document's `info.description`, Markdown).
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Who answers for the API (the OpenAPI document's `info.contact`): a name and a URL.
    #[must_use]
    pub fn with_contact(mut self, name: impl Into<String>, url: impl Into<String>) -> Self {
        self.contact = Some((name.into(), url.into()));
        self
    }

    /// A base URL the API is served at (the OpenAPI document's `servers`, in order).
    ///
    /// ```
    /// use apierror::docs::ServiceCatalog;
    ///
    /// let document = ServiceCatalog::new("Orders API")
    ///     .with_description("Orders and their lines.")
    ///     .with_contact("API team", "https://example.com/support")
    ///     .with_server("https://api.example.com")
    ///     .openapi(&apierror::Problem::new());
    /// assert_eq!(document["servers"][0]["url"], "https://api.example.com");
    /// assert_eq!(document["info"]["contact"]["name"], "API team");
    /// ```
    #[must_use]
    pub fn with_server(mut self, url: impl Into<String>) -> Self {
        self.servers.push(url.into());
        self
    }

    /// The operations, in the order they were added.
    #[must_use]
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// The service's title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Every entry, in the order the enums were added and their variants declared.
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        self.entries.iter().map(|(_, e)| *e)
    }

    /// Codes declared more than once across the service's enums (each enum already rejects
    /// duplicates within itself at compile time).
    #[must_use]
    pub fn duplicates(&self) -> Vec<Duplicate> {
        let mut by_code: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        for (ty, entry) in &self.entries {
            by_code
                .entry(entry.code())
                .or_default()
                .push(format!("{ty}::{}", entry.variant()));
        }
        by_code
            .into_iter()
            .filter(|(_, declared_by)| declared_by.len() > 1)
            .map(|(code, declared_by)| Duplicate { code, declared_by })
            .collect()
    }

    /// The entry for `code`.
    #[must_use]
    pub fn entry(&self, code: &str) -> Option<&'static Entry> {
        self.entries().find(|e| e.code() == code)
    }

    /// The JSON catalog, for front ends and agents that switch on codes. Schema
    /// `apierror.catalog/v2` (members marked `?` are omitted when absent; v2 gave `fields[].type`
    /// the JSON type, where v1 had the Rust type, now `rust_type`):
    ///
    /// ```text
    /// { "schema": "apierror.catalog/v2", "service": string, "version": string,
    ///   "entries": [ { "code": string, "status": integer, "title": string,
    ///                  "description"?: string, "detail"?: string (the template),
    ///                  "retry": "no" | "yes" | "backoff" | "after_delay" | "after_reauth" | "later" | "new_key",
    ///                  "retryable": bool, "retry_after"?: integer (seconds), "retry_after_from_field": bool,
    ///                  "resolve"?: { "message"?, "url"?, "action"?, "method"?, "endpoint"? },
    ///                  "category"?: string, "type": string (URI), "challenge"?: string, "allow"?: string,
    ///                  "fields": [ { "name": string,
    ///                                "type": "string" | "integer" | "number" | "boolean" | "array" | "object" | "any",
    ///                                "nullable": bool, "optional": bool, "rust_type": string,
    ///                                "description"?: string } ] } ] }
    /// ```
    ///
    /// A new version of the schema gets a new `schema` string; within a version, members are
    /// only ever added.
    #[must_use]
    pub fn catalog_json(&self) -> serde_json::Value {
        let entries: Vec<&'static Entry> = self.entries().collect();
        serde_json::json!({
            "schema": "apierror.catalog/v2",
            "service": self.title,
            "version": self.version,
            "entries": entries,
        })
    }
}
