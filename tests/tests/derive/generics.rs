//! Generic and borrowing error types: bounds are inferred only where a type parameter is used.

use apierror::{ApiError, ApiErrorExt, Catalog};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
enum Lookup<K, M> {
    /// `K` is exposed, so `K: Serialize` is inferred; `M` is skipped, so it needs nothing.
    #[api(status = 404, detail = "no entry for {key}")]
    Missing {
        key: K,
        #[api(skip)]
        meta: M,
    },
    #[api(status = 409)]
    Conflict,
}

/// Implements neither `Serialize` nor `Display`: allowed because it is never exposed.
#[derive(Debug)]
struct Opaque;

#[test]
fn inferred_bounds_only_where_used() {
    let err: Lookup<u32, Opaque> = Lookup::Missing { key: 7, meta: Opaque };
    assert_eq!(err.code(), "MISSING");
    assert!(matches!(err, Lookup::Missing { meta: Opaque, .. }));
    assert_eq!(Lookup::<u32, Opaque>::Conflict.code(), "CONFLICT");
    assert_eq!(err.detail().unwrap().to_string(), "no entry for 7");
    assert_eq!(
        Value::Object(apierror::field_values(&err).unwrap()),
        json!({"key": 7})
    );
    assert_eq!(<Lookup<String, Opaque> as Catalog>::entries().len(), 2);
}

#[derive(Debug, ApiError)]
enum Borrowed<'a> {
    #[api(status = 422, detail = "field {name} is invalid")]
    Invalid { name: &'a str },
}

#[test]
fn lifetimes() {
    let name = String::from("email");
    let err = Borrowed::Invalid { name: &name };
    assert_eq!(err.detail().unwrap().to_string(), "field email is invalid");
    assert_eq!(err.title(), "Unprocessable Content");
    assert_eq!(
        Value::Object(apierror::field_values(&err).unwrap()),
        json!({"name": "email"})
    );
}

#[derive(Debug, ApiError)]
enum Wrapper<E: ApiError> {
    #[api(transparent)]
    Inner(E),
    #[api(status = 400)]
    Own,
}

#[test]
fn generic_transparent() {
    let err: Wrapper<Borrowed<'static>> = Wrapper::Inner(Borrowed::Invalid { name: "x" });
    assert_eq!(err.code(), "INVALID");
    assert_eq!(Wrapper::<Borrowed<'static>>::Own.code(), "OWN");
}
