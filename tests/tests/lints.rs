//! The expanded code is clean under the strictest lints a service might set.
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unused_results,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]

use apierror::{ApiError, ApiErrorExt};

/// A documented public error type with every kind of variant.
#[derive(Debug, ApiError)]
#[api(challenge = "Bearer", category = "Auth")]
pub enum PublicError {
    /// Sign in first.
    #[api(status = 401, resolve(url = "/login"))]
    AuthRequired,
    /// Same static detail twice must not trip `match_same_arms`.
    #[api(status = 400, detail = "Bad.")]
    BadA,
    /// See above.
    #[api(status = 400, detail = "Bad.")]
    BadB,
    /// Formatted detail with a field.
    #[api(status = 404, detail = "no {kind}")]
    Missing {
        /// What is missing.
        kind: String,
    },
    /// Retry-After from a field.
    #[api(status = 429)]
    Slow {
        /// Seconds to wait.
        #[api(retry_after)]
        wait: u64,
    },
    /// With a source.
    #[api(status = 502)]
    Upstream(#[api(source)] std::io::Error),
    /// Converted with `From` (`#[from]`).
    #[api(status = 400)]
    BadNumber {
        /// The parse error.
        #[from]
        source: std::num::ParseIntError,
    },
}

/// Bounds the user wrote are not repeated by the derive (`trait_duplication_in_bounds`).
#[derive(Debug, ApiError)]
pub enum Bounded<T: std::fmt::Display + serde::Serialize, U>
where
    U: std::fmt::Debug,
{
    /// Shows and exposes `T`, shows `U` with `Debug`.
    #[api(status = 400, detail = "{value} ({other:?})")]
    Invalid {
        /// Exposed and shown.
        value: T,
        /// Shown only.
        #[api(detail_only)]
        other: U,
    },
}

/// A bound the derive needs on a parameter the user already bounds joins the user's bound
/// (`type_repetition_in_bounds`), inline or in the where clause.
#[derive(Debug, ApiError)]
pub enum Repeated<U: Clone, V, W>
where
    V: Clone,
    W: Clone + serde::Serialize,
{
    /// Shows `U` and `V`, exposes `W`.
    #[api(status = 400, detail = "{first} {second}")]
    Invalid {
        /// Shown only.
        #[api(detail_only)]
        first: U,
        /// Shown only.
        #[api(detail_only)]
        second: V,
        /// Exposed.
        third: W,
    },
}

/// Everything newer generates: typed decoding, optional members, validation errors.
#[derive(Debug, ApiError)]
#[api(decode, schemas, skip_none)]
pub enum Newer {
    /// Invalid input.
    #[api(status = 422)]
    Invalid {
        /// What is wrong.
        errors: apierror::Violations,
        /// A hint, when there is one.
        hint: Option<String>,
    },
    /// Locked for a while.
    #[api(status = 423, retry = "after_delay")]
    Locked {
        /// How long.
        #[api(retry_after, expose)]
        wait: std::time::Duration,
    },
    /// Passes another type's errors through.
    #[api(transparent)]
    Inner(Gone),
}

/// A decodable struct error.
#[derive(Debug, ApiError)]
#[api(decode, schemas, status = 410)]
pub struct Gone;

/// A documented struct error.
#[derive(Debug, ApiError)]
#[api(status = 409, detail = "{0} exists")]
pub struct Exists(pub String);

#[test]
fn lint_clean() {
    assert_eq!(PublicError::BadA.code(), "BAD_A");
    assert_eq!(PublicError::BadB.detail().unwrap().as_static(), Some("Bad."));
    assert_eq!(Exists("x".to_owned()).detail().unwrap().to_string(), "x exists");
    let newer = Newer::Invalid {
        errors: apierror::Violations::new(),
        hint: None,
    };
    assert!(newer.violations().is_some());
    let repeated = Repeated::Invalid {
        first: 1,
        second: "2",
        third: 3,
    };
    assert_eq!(repeated.detail().unwrap().to_string(), "1 2");
    let bounded = Bounded::Invalid { value: 1, other: "o" };
    assert_eq!(bounded.detail().unwrap().to_string(), "1 (\"o\")");
}
