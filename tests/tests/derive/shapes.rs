//! Structs, tuple variants, field attributes, styles, transparent variants and thiserror.

use std::time::Duration;

use apierror::{ApiError, ApiErrorExt, Catalog, Retry};
use serde_json::{Value, json};

fn fields(err: &dyn ApiError) -> Value {
    Value::Object(apierror::field_values(&err).unwrap())
}

#[derive(Debug, ApiError)]
#[api(status = 404, detail = "Workspace {id} not found")]
struct WorkspaceNotFound {
    id: String,
}

#[test]
fn struct_is_one_entry() {
    let err = WorkspaceNotFound { id: "ws_9".into() };
    assert_eq!(err.code(), "WORKSPACE_NOT_FOUND");
    assert_eq!(err.status().as_u16(), 404);
    assert_eq!(err.title(), "Not Found");
    assert_eq!(err.detail().unwrap().to_string(), "Workspace ws_9 not found");
    assert_eq!(fields(&err), json!({"id": "ws_9"}));
    assert_eq!(WorkspaceNotFound::entries().len(), 1);
    assert_eq!(WorkspaceNotFound::entries()[0].variant(), "WorkspaceNotFound");
}

#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case")]
enum FieldRules {
    /// Tuple fields show in `detail` but are exposed only when named.
    #[api(status = 409, detail = "{0} already exists (owner {1:?})")]
    Exists(String, #[api(rename = "owner_id")] u64),

    #[api(status = 400)]
    Invalid {
        /// The offending parameter.
        parameter: String,
        #[api(skip)]
        internal_note: String,
        #[api(rename = "max_len")]
        limit: usize,
    },

    #[api(status = 503, detail = "Maintenance until {until}; retry in {wait} seconds")]
    Maintenance {
        #[api(expose)]
        until: String,
        #[api(retry_after)]
        wait: u64,
        build: String,
    },

    #[api(status = 429)]
    Throttled {
        #[api(retry_after)]
        wait: Duration,
    },

    #[api(status = 502, detail = "upstream failed")]
    Upstream(#[api(source)] std::io::Error),
}

#[test]
fn tuple_fields_skip_rename_and_expose() {
    let err = FieldRules::Exists("acme".into(), 7);
    assert_eq!(err.code(), "exists");
    assert_eq!(err.detail().unwrap().to_string(), "acme already exists (owner 7)");
    assert_eq!(fields(&err), json!({"owner_id": 7}));

    let err = FieldRules::Invalid {
        parameter: "name".into(),
        internal_note: "secret".into(),
        limit: 64,
    };
    assert_eq!(fields(&err), json!({"parameter": "name", "max_len": 64}));
    assert!(matches!(&err, FieldRules::Invalid { internal_note, .. } if internal_note == "secret"));
    let described: Vec<_> = err
        .entry()
        .fields()
        .iter()
        .map(|f| (f.name(), f.ty(), f.description()))
        .collect();
    assert_eq!(
        described,
        [
            ("parameter", "String", Some("The offending parameter.")),
            ("max_len", "usize", None)
        ]
    );
}

#[test]
fn server_error_exposes_only_marked_fields_and_reads_retry_after_from_a_field() {
    let err = FieldRules::Maintenance {
        until: "12:00Z".into(),
        wait: 120,
        build: "internal-build-42".into(),
    };
    assert_eq!(err.retry(), Retry::AfterDelay);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
    assert!(err.entry().retry_after_from_field());
    assert_eq!(err.entry().retry_after(), None);
    assert_eq!(fields(&err), json!({"until": "12:00Z"}));
    assert!(matches!(&err, FieldRules::Maintenance { build, .. } if build.starts_with("internal")));
    assert_eq!(
        err.detail().unwrap().to_string(),
        "Maintenance until 12:00Z; retry in 120 seconds"
    );

    let err = FieldRules::Throttled {
        wait: Duration::from_millis(2500),
    };
    assert_eq!(err.retry_after(), Some(Duration::from_millis(2500)));
    // The header carries the delay: not a body member unless marked `expose`.
    assert_eq!(fields(&err), json!({}));
}

#[test]
fn api_source_attribute_marks_a_source() {
    let err = FieldRules::Upstream(std::io::Error::other("token=abc"));
    assert_eq!(err.retry(), Retry::Yes);
    assert_eq!(err.source_error().unwrap().to_string(), "token=abc");
    assert!(fields(&err).as_object().unwrap().is_empty());
}

#[derive(Debug, ApiError)]
#[api(rename_all = "kebab-case")]
enum Kebab {
    #[api(status = 410)]
    LinkExpired,
}

#[derive(Debug, ApiError)]
#[api(rename_all = "camelCase")]
enum Camel {
    #[api(status = 410)]
    LinkExpired,
}

#[test]
fn codes_follow_rename_all() {
    assert_eq!(Kebab::LinkExpired.code(), "link-expired");
    assert_eq!(Camel::LinkExpired.code(), "linkExpired");
}

/// thiserror and apierror on one enum: `#[error]`, `#[source]` and `#[from]` work side by side.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(type_base = "https://docs.example.com/errors/")]
enum StorageError {
    #[error("object {key} not found")]
    #[api(status = 404, detail = "Object {key} not found.")]
    NotFound { key: String },

    #[error("disk failure")]
    #[api(status = 507)]
    Disk(#[from] std::io::Error),

    #[error("replica lag")]
    #[api(status = 503, title = "Replica lagging")]
    Lag {
        #[source]
        cause: std::io::Error,
    },
}

#[test]
fn works_with_thiserror() {
    let err = StorageError::NotFound { key: "a.txt".into() };
    assert_eq!(err.to_string(), "object a.txt not found");
    assert_eq!(err.detail().unwrap().to_string(), "Object a.txt not found.");

    let err: StorageError = std::io::Error::other("sector 7").into();
    assert_eq!(err.code(), "DISK");
    assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "sector 7");
    assert_eq!(err.source_error().unwrap().to_string(), "sector 7");
    assert!(fields(&err).as_object().unwrap().is_empty());

    let err = StorageError::Lag {
        cause: std::io::Error::other("lag 30s"),
    };
    assert_eq!(err.source_error().unwrap().to_string(), "lag 30s");
    assert_eq!(err.title(), "Replica lagging");
}

/// No `Debug` here: `dyn ApiError` is not `Debug`, and `ApiError` does not require it.
#[derive(ApiError)]
enum Outer {
    #[api(transparent)]
    Storage(StorageError),

    #[api(status = 400, detail = "bad input")]
    BadInput,

    #[api(transparent)]
    Other { inner: Box<FieldRules> },
}

#[test]
fn transparent_delegates_everything() {
    let err = Outer::Storage(StorageError::NotFound { key: "k".into() });
    assert_eq!(err.code(), "NOT_FOUND");
    assert_eq!(err.type_uri(), "https://docs.example.com/errors/NOT_FOUND");
    assert_eq!(err.detail().unwrap().to_string(), "Object k not found.");
    assert_eq!(fields(&err), json!({"key": "k"}));

    let err = Outer::Other {
        inner: Box::new(FieldRules::Throttled {
            wait: Duration::from_secs(3),
        }),
    };
    assert_eq!(err.code(), "throttled");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));

    let codes: Vec<_> = Outer::entries().iter().map(apierror::Entry::code).collect();
    assert_eq!(
        codes,
        ["BAD_INPUT"],
        "transparent variants belong to the inner catalog"
    );
    assert_eq!(Outer::BadInput.detail().unwrap().as_static(), Some("bad input"));
}

#[derive(Debug, ApiError)]
enum Never {}

#[test]
fn empty_enum_has_an_empty_catalog() {
    assert!(Never::entries().is_empty());
}

#[derive(Debug, ApiError)]
#[api(status = 400, detail = "{name} ({name:?}, {name:>6})")]
struct SamePlaceholderTwice {
    name: String,
}

/// A field used by several placeholders with different format traits is passed once.
#[test]
fn one_field_in_several_placeholders() {
    let err = SamePlaceholderTwice { name: "ab".into() };
    assert_eq!(err.detail().unwrap().to_string(), "ab (\"ab\",     ab)");
}
