//! [`Operation`]: one route of the service and the errors it answers with, for the paths of the
//! OpenAPI document.

use crate::catalog::{Catalog, short_type_name};
use crate::{Entry, FrameworkKind};

/// One operation (a method on a path) and the errors it returns: the codes of the types its
/// handler returns, or some of them, and the framework errors that apply to it. Added to a
/// catalog with [`ServiceCatalog::with_operation`](super::ServiceCatalog::with_operation), it
/// becomes a path of the OpenAPI document whose error responses list exactly those codes.
///
/// Every operation also answers 405 (its path, another method) and 500 (a panic) when the
/// catalog has the framework's entries; [`Operation::reads_json`], [`Operation::with_query`] and
/// the path's own `{parameters}` add the rejections of those extractors.
///
/// ```
/// use apierror::ApiError;
/// use apierror::docs::{Operation, ServiceCatalog};
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     #[api(status = 404)]
///     OrderNotFound,
///     #[api(status = 409)]
///     OrderLocked,
/// }
///
/// let service = ServiceCatalog::new("Orders API")
///     .with::<OrderError>()
///     .with_operation(Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]))
///     .with_operation(Operation::post("/orders").reads_json().returns::<OrderError>());
/// let document = service.openapi(&apierror::Problem::new());
/// let get = &document["paths"]["/orders/{id}"]["get"];
/// assert_eq!(get["operationId"], "getOrdersId");
/// assert!(get["responses"]["404"].is_object() && get["responses"]["409"].is_null());
/// ```
#[derive(Clone, Debug)]
pub struct Operation {
    pub(crate) method: http::Method,
    pub(crate) path: String,
    pub(crate) id: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) success: (u16, String),
    /// Path parameters whose schema was given, by name (the others are strings).
    pub(crate) parameters: Vec<(String, serde_json::Value)>,
    /// The JSON body's schema, when the operation reads one.
    pub(crate) body: Option<serde_json::Value>,
    /// The codes, with the short name of the type that declares each.
    pub(crate) entries: Vec<(&'static str, &'static Entry)>,
    pub(crate) framework: Vec<FrameworkKind>,
    /// Codes `returns_only` named that the type does not have.
    pub(crate) unknown: Vec<String>,
}

impl Operation {
    /// `method` on `path` (a path template: `/orders/{id}`; each `{name}` is a path parameter).
    #[must_use]
    pub fn new(method: http::Method, path: impl Into<String>) -> Self {
        let path = path.into();
        let mut framework = vec![FrameworkKind::MethodNotAllowed, FrameworkKind::Internal];
        if path.contains('{') {
            framework.push(FrameworkKind::InvalidPathParameter);
        }
        Operation {
            method,
            path,
            id: None,
            summary: None,
            description: None,
            tags: Vec::new(),
            success: (200, "OK".to_owned()),
            parameters: Vec::new(),
            body: None,
            entries: Vec::new(),
            framework,
            unknown: Vec::new(),
        }
    }

    /// `GET path`.
    #[must_use]
    pub fn get(path: impl Into<String>) -> Self {
        Operation::new(http::Method::GET, path)
    }

    /// `POST path`.
    #[must_use]
    pub fn post(path: impl Into<String>) -> Self {
        Operation::new(http::Method::POST, path)
    }

    /// `PUT path`.
    #[must_use]
    pub fn put(path: impl Into<String>) -> Self {
        Operation::new(http::Method::PUT, path)
    }

    /// `PATCH path`.
    #[must_use]
    pub fn patch(path: impl Into<String>) -> Self {
        Operation::new(http::Method::PATCH, path)
    }

    /// `DELETE path`.
    #[must_use]
    pub fn delete(path: impl Into<String>) -> Self {
        Operation::new(http::Method::DELETE, path)
    }

    /// Every code of `C`'s tree (its own and those its transparent variants wrap).
    #[must_use]
    pub fn returns<C: Catalog>(mut self) -> Self {
        C::visit(&mut |ty, entry| self.push(ty, entry));
        self
    }

    /// The codes of `C`'s tree named in `codes` only. A code `C` does not have is in no response;
    /// [`Operation::unknown_codes`] lists it (a typo to fix: the lock check fails on it).
    #[must_use]
    pub fn returns_only<C: Catalog>(mut self, codes: &[&str]) -> Self {
        C::visit(&mut |ty, entry| {
            if codes.contains(&entry.code()) {
                self.push(ty, entry);
            }
        });
        self.missing_codes(codes);
        self
    }

    /// The handler reads a JSON body: 400 malformed JSON, 413 over the limit, 415 not JSON and
    /// 422 JSON of the wrong shape. The document lists a required `application/json` request
    /// body, any JSON object unless [`Operation::with_body_schema`] describes it.
    #[must_use]
    pub fn reads_json(mut self) -> Self {
        if self.body.is_none() {
            self.body = Some(serde_json::json!({"type": "object"}));
        }
        for kind in [
            FrameworkKind::MalformedJson,
            FrameworkKind::BodyTooLarge,
            FrameworkKind::UnsupportedMediaType,
            FrameworkKind::InvalidJson,
        ] {
            self.push_framework(kind);
        }
        self
    }

    /// The JSON Schema of the body the handler reads (implies [`Operation::reads_json`]).
    ///
    /// ```
    /// use apierror::docs::Operation;
    /// use serde_json::json;
    ///
    /// let create = Operation::post("/orders").with_body_schema(json!({
    ///     "type": "object", "required": ["amount"], "properties": {"amount": {"type": "integer"}},
    /// }));
    /// # let _ = create;
    /// ```
    #[must_use]
    pub fn with_body_schema(mut self, schema: serde_json::Value) -> Self {
        self.body = Some(schema);
        self.reads_json()
    }

    /// The JSON Schema of the path parameter `name` (a string unless given), as the handler's
    /// extractor parses it: a value outside it is the 400 of
    /// [`FrameworkKind::InvalidPathParameter`].
    ///
    /// ```
    /// use apierror::docs::Operation;
    ///
    /// let read = Operation::get("/orders/{id}")
    ///     .with_path_parameter("id", serde_json::json!({"type": "integer", "minimum": 0}));
    /// # let _ = read;
    /// ```
    #[must_use]
    pub fn with_path_parameter(mut self, name: impl Into<String>, schema: serde_json::Value) -> Self {
        self.parameters.push((name.into(), schema));
        self
    }

    /// The handler reads the query string: 400 when it does not parse.
    #[must_use]
    pub fn with_query(mut self) -> Self {
        self.push_framework(FrameworkKind::InvalidQuery);
        self
    }

    /// One more framework error that applies to this operation (say
    /// [`FrameworkKind::Timeout`] behind a timeout layer).
    #[must_use]
    pub fn with_framework_error(mut self, kind: FrameworkKind) -> Self {
        self.push_framework(kind);
        self
    }

    /// The `operationId` (by default the method and the path in lowerCamelCase:
    /// `getOrdersId`).
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The operation's summary.
    #[must_use]
    pub fn with_summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = Some(summary.into());
        self
    }

    /// The operation's description (Markdown).
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// A tag, to group operations in the document's viewers (the document lists every tag its
    /// operations use).
    #[must_use]
    pub fn with_tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    /// The success response's status and description (`200 OK` unless set).
    #[must_use]
    pub fn with_success(mut self, status: u16, description: impl Into<String>) -> Self {
        self.success = (status, description.into());
        self
    }

    /// The `operationId`: the one set, else the method and the path's words in lowerCamelCase.
    #[must_use]
    pub fn id(&self) -> String {
        if let Some(id) = &self.id {
            return id.clone();
        }
        let mut id = self.method.as_str().to_ascii_lowercase();
        for word in self
            .path
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                id.push(first.to_ascii_uppercase());
                id.extend(chars);
            }
        }
        id
    }

    /// The codes [`Operation::returns_only`] named that its type does not have.
    #[must_use]
    pub fn unknown_codes(&self) -> &[String] {
        &self.unknown
    }

    /// The path template.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The method.
    #[must_use]
    pub fn method(&self) -> &http::Method {
        &self.method
    }

    /// The names of the path's `{parameters}`, in order.
    pub(crate) fn path_parameters(&self) -> impl Iterator<Item = &str> {
        self.path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
    }

    fn push(&mut self, ty: &'static str, entry: &'static Entry) {
        if !self.entries.iter().any(|(_, known)| core::ptr::eq(*known, entry)) {
            self.entries.push((short_type_name(ty), entry));
        }
    }

    fn push_framework(&mut self, kind: FrameworkKind) {
        if !self.framework.contains(&kind) {
            self.framework.push(kind);
        }
    }

    /// Remembers the codes `returns_only` named that no entry added so far has.
    fn missing_codes(&mut self, codes: &[&str]) {
        for code in codes {
            if !self.entries.iter().any(|(_, e)| e.code() == *code) && !self.unknown.iter().any(|u| u == code)
            {
                self.unknown.push((*code).to_owned());
            }
        }
    }
}
