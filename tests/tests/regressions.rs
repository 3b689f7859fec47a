//! Declarations that acceptance testing found failing to compile, or compiling wrongly; each
//! test is named after what it pins down.

use apierror::{ApiError, Catalog};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
enum Repeated {
    #[api(status = 400, detail = "{a} and {b} and {a:?}")]
    Named { a: String, b: u32 },
    #[api(status = 400, detail = "{0} {1} {0:?}")]
    Positional(String, u32),
    #[api(status = 400, detail = "[{x:w$}] {y} {w}")]
    Width { x: u32, y: u32, w: usize },
}

#[test]
fn a_field_shown_twice_not_side_by_side_in_detail() {
    let named = Repeated::Named { a: "x".into(), b: 2 };
    assert_eq!(named.detail().unwrap().to_string(), "x and 2 and \"x\"");
    let positional = Repeated::Positional("y".into(), 3);
    assert_eq!(positional.detail().unwrap().to_string(), "y 3 \"y\"");
    let width = Repeated::Width { x: 7, y: 1, w: 3 };
    assert_eq!(width.detail().unwrap().to_string(), "[  7] 1 3");
}

#[derive(Debug, ApiError)]
#[allow(non_camel_case_types)]
enum Raw {
    #[api(status = 400, detail = "got {r#match} for {r#loop:?}")]
    r#match { r#match: String, r#loop: u8 },
}

#[test]
fn raw_identifiers_are_plain_text_everywhere() {
    let err = Raw::r#match {
        r#match: "m".into(),
        r#loop: 4,
    };
    assert_eq!(err.detail().unwrap().to_string(), "got m for 4");
    assert_eq!(err.code(), "MATCH");
    assert_eq!(err.entry().variant(), "match");
    assert_eq!(
        Value::Object(err.field_values().unwrap()),
        json!({"match": "m", "loop": 4})
    );
}

/// A derive inside a `macro_rules!` whose fields (names and types) come from the macro's input.
macro_rules! error_enum {
    ($name:ident { $($field:ident : $ty:ty),* }) => {
        #[derive(Debug, ApiError)]
        enum $name {
            #[api(status = 422, detail = "invalid")]
            Invalid { $($field: $ty),* },
            #[api(transparent)]
            Inner(Repeated),
            #[api(status = 500)]
            Broken { #[source] cause: std::io::Error, $(#[api(expose)] $field: $ty),* },
        }
    };
}

error_enum!(FromMacro {
    name: String,
    count: u32
});

#[test]
fn derive_inside_macro_rules_with_fields_from_its_input() {
    let err = FromMacro::Invalid {
        name: "n".into(),
        count: 2,
    };
    assert_eq!(
        Value::Object(err.field_values().unwrap()),
        json!({"name": "n", "count": 2})
    );
    let inner = FromMacro::Inner(Repeated::Positional("p".into(), 1));
    assert_eq!(inner.code(), "POSITIONAL");
    let broken = FromMacro::Broken {
        cause: std::io::Error::other("disk"),
        name: "n".into(),
        count: 1,
    };
    assert_eq!(broken.source_error().unwrap().to_string(), "disk");
    assert_eq!(FromMacro::entries().len(), 2);
}

#[derive(Debug, ApiError)]
enum OptionalSource {
    #[api(status = 502)]
    Upstream {
        #[source]
        inner: Option<std::io::Error>,
    },
    #[api(status = 503)]
    Generic {
        #[api(source)]
        inner: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

#[test]
fn an_optional_source_is_a_source_when_present() {
    let present = OptionalSource::Upstream {
        inner: Some(std::io::Error::other("refused")),
    };
    assert_eq!(present.source_error().unwrap().to_string(), "refused");
    assert!(OptionalSource::Upstream { inner: None }.source_error().is_none());
    let boxed = OptionalSource::Generic {
        inner: Some("boxed".into()),
    };
    assert_eq!(boxed.source_error().unwrap().to_string(), "boxed");
}

/// `#[source]` and `#[from]` are recognised without thiserror on the enum.
#[derive(Debug, ApiError)]
enum WithoutThiserror {
    #[api(status = 500)]
    Disk(#[from] std::io::Error),
    #[api(status = 502)]
    Fmt {
        #[source]
        cause: std::fmt::Error,
    },
}

#[test]
fn source_and_from_work_without_thiserror() {
    let io = WithoutThiserror::Disk(std::io::Error::other("io"));
    assert_eq!(io.source_error().unwrap().to_string(), "io");
    let fmt = WithoutThiserror::Fmt {
        cause: std::fmt::Error,
    };
    assert!(fmt.source_error().is_some());
}

/// And next to thiserror, which registers the same helper attributes.
#[derive(Debug, ApiError, thiserror::Error)]
enum WithThiserror {
    #[error("io failed")]
    #[api(status = 500)]
    Disk(#[from] std::io::Error),
}

#[test]
fn source_and_from_work_next_to_thiserror() {
    let err = WithThiserror::from(std::io::Error::other("io"));
    assert_eq!(err.source_error().unwrap().to_string(), "io");
    assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "io");
}
