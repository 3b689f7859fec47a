//! [`GrpcCode`]: the `google.rpc.Code` of an entry, the default each HTTP status maps to
//! (`google/rpc/code.proto`), and the HTTP status each code maps back to.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

/// A gRPC status code (`google.rpc.Code`), as a gRPC response and AIP-193's `status` member
/// carry it.
///
/// Every entry has one: `#[api(grpc = "ALREADY_EXISTS")]` on the variant, else the code its HTTP
/// status maps to ([`GrpcCode::for_status`]). The derive refuses `OK` and a code that
/// contradicts the status's class (`INTERNAL` on a 4xx, `NOT_FOUND` on a 5xx).
///
/// ```
/// use apierror::{ApiError, GrpcCode};
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     #[api(status = 409, grpc = "ALREADY_EXISTS")]
///     OrderExists,
///     #[api(status = 404)]
///     OrderNotFound,
/// }
///
/// assert_eq!(OrderError::OrderExists.entry().grpc_code(), GrpcCode::AlreadyExists);
/// assert_eq!(OrderError::OrderNotFound.entry().grpc_code(), GrpcCode::NotFound);
/// assert_eq!(GrpcCode::AlreadyExists.as_str(), "ALREADY_EXISTS");
/// assert_eq!(GrpcCode::AlreadyExists.as_i32(), 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i32)]
pub enum GrpcCode {
    /// 0: not an error; never an entry's code (see [`Entry::with_grpc_code`](crate::Entry::with_grpc_code)).
    Ok = 0,
    /// 1: the caller cancelled (HTTP 499).
    Cancelled = 1,
    /// 2: an unknown error (HTTP 500).
    Unknown = 2,
    /// 3: the argument is invalid whatever the system's state (HTTP 400).
    InvalidArgument = 3,
    /// 4: the deadline passed before the operation completed (HTTP 504).
    DeadlineExceeded = 4,
    /// 5: an entity was not found (HTTP 404).
    NotFound = 5,
    /// 6: the entity the caller tried to create exists (HTTP 409).
    AlreadyExists = 6,
    /// 7: the caller may not do this (HTTP 403).
    PermissionDenied = 7,
    /// 8: a quota or a resource is exhausted (HTTP 429).
    ResourceExhausted = 8,
    /// 9: the system is not in the state the operation needs (HTTP 400).
    FailedPrecondition = 9,
    /// 10: the operation was aborted, typically by a concurrency conflict (HTTP 409).
    Aborted = 10,
    /// 11: past the valid range (HTTP 400).
    OutOfRange = 11,
    /// 12: not implemented or not supported (HTTP 501).
    Unimplemented = 12,
    /// 13: an internal error (HTTP 500).
    Internal = 13,
    /// 14: the service is unavailable; retrying may succeed (HTTP 503).
    Unavailable = 14,
    /// 15: unrecoverable data loss (HTTP 500).
    DataLoss = 15,
    /// 16: no valid credentials (HTTP 401).
    Unauthenticated = 16,
}

/// Every code, in numeric order.
const ALL: [GrpcCode; 17] = [
    GrpcCode::Ok,
    GrpcCode::Cancelled,
    GrpcCode::Unknown,
    GrpcCode::InvalidArgument,
    GrpcCode::DeadlineExceeded,
    GrpcCode::NotFound,
    GrpcCode::AlreadyExists,
    GrpcCode::PermissionDenied,
    GrpcCode::ResourceExhausted,
    GrpcCode::FailedPrecondition,
    GrpcCode::Aborted,
    GrpcCode::OutOfRange,
    GrpcCode::Unimplemented,
    GrpcCode::Internal,
    GrpcCode::Unavailable,
    GrpcCode::DataLoss,
    GrpcCode::Unauthenticated,
];

impl GrpcCode {
    /// The code an HTTP status maps to when the entry names none, after the mapping of
    /// `google/rpc/code.proto`; statuses it does not list map to `FAILED_PRECONDITION` (4xx) or
    /// `INTERNAL` (5xx).
    ///
    /// ```
    /// use apierror::GrpcCode;
    ///
    /// assert_eq!(GrpcCode::for_status(404), GrpcCode::NotFound);
    /// assert_eq!(GrpcCode::for_status(402), GrpcCode::FailedPrecondition);
    /// assert_eq!(GrpcCode::for_status(503), GrpcCode::Unavailable);
    /// ```
    #[must_use]
    pub const fn for_status(status: u16) -> GrpcCode {
        match status {
            400 => GrpcCode::InvalidArgument,
            401 => GrpcCode::Unauthenticated,
            403 => GrpcCode::PermissionDenied,
            404 => GrpcCode::NotFound,
            405 | 501 => GrpcCode::Unimplemented,
            408 | 504 => GrpcCode::DeadlineExceeded,
            409 => GrpcCode::Aborted,
            416 => GrpcCode::OutOfRange,
            429 => GrpcCode::ResourceExhausted,
            499 => GrpcCode::Cancelled,
            502 | 503 => GrpcCode::Unavailable,
            500..=599 => GrpcCode::Internal,
            _ => GrpcCode::FailedPrecondition,
        }
    }

    /// The HTTP status `code.proto` gives the code, for a client that reads a gRPC status
    /// without the service's catalog.
    ///
    /// ```
    /// assert_eq!(apierror::GrpcCode::AlreadyExists.http_status(), 409);
    /// ```
    #[must_use]
    pub const fn http_status(self) -> u16 {
        match self {
            GrpcCode::Ok => 200,
            GrpcCode::Cancelled => 499,
            GrpcCode::InvalidArgument | GrpcCode::FailedPrecondition | GrpcCode::OutOfRange => 400,
            GrpcCode::DeadlineExceeded => 504,
            GrpcCode::NotFound => 404,
            GrpcCode::AlreadyExists | GrpcCode::Aborted => 409,
            GrpcCode::PermissionDenied => 403,
            GrpcCode::ResourceExhausted => 429,
            GrpcCode::Unimplemented => 501,
            GrpcCode::Unknown | GrpcCode::Internal | GrpcCode::DataLoss => 500,
            GrpcCode::Unavailable => 503,
            GrpcCode::Unauthenticated => 401,
        }
    }

    /// The `code.proto` name: `"NOT_FOUND"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            GrpcCode::Ok => "OK",
            GrpcCode::Cancelled => "CANCELLED",
            GrpcCode::Unknown => "UNKNOWN",
            GrpcCode::InvalidArgument => "INVALID_ARGUMENT",
            GrpcCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            GrpcCode::NotFound => "NOT_FOUND",
            GrpcCode::AlreadyExists => "ALREADY_EXISTS",
            GrpcCode::PermissionDenied => "PERMISSION_DENIED",
            GrpcCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            GrpcCode::FailedPrecondition => "FAILED_PRECONDITION",
            GrpcCode::Aborted => "ABORTED",
            GrpcCode::OutOfRange => "OUT_OF_RANGE",
            GrpcCode::Unimplemented => "UNIMPLEMENTED",
            GrpcCode::Internal => "INTERNAL",
            GrpcCode::Unavailable => "UNAVAILABLE",
            GrpcCode::DataLoss => "DATA_LOSS",
            GrpcCode::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The number on the wire (`grpc-status`).
    #[must_use]
    pub const fn as_i32(self) -> i32 {
        self as i32
    }

    /// The code of a `grpc-status` number; `None` outside 0 to 16.
    ///
    /// ```
    /// assert_eq!(apierror::GrpcCode::from_i32(5), Some(apierror::GrpcCode::NotFound));
    /// assert_eq!(apierror::GrpcCode::from_i32(17), None);
    /// ```
    #[must_use]
    pub const fn from_i32(value: i32) -> Option<GrpcCode> {
        if value >= 0 && value < 17 {
            #[allow(clippy::cast_sign_loss, reason = "0 <= value < 17")]
            Some(ALL[value as usize])
        } else {
            None
        }
    }
}

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not a `google.rpc.Code`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseGrpcCodeError(String);

impl fmt::Display for ParseGrpcCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a google.rpc.Code name such as NOT_FOUND", self.0)
    }
}

impl core::error::Error for ParseGrpcCodeError {}

impl FromStr for GrpcCode {
    type Err = ParseGrpcCodeError;

    /// ```
    /// assert_eq!("ABORTED".parse(), Ok(apierror::GrpcCode::Aborted));
    /// assert!("aborted".parse::<apierror::GrpcCode>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ALL.into_iter()
            .find(|code| code.as_str() == name)
            .ok_or_else(|| ParseGrpcCodeError(name.chars().take(64).collect()))
    }
}

impl Serialize for GrpcCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for GrpcCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::{ALL, GrpcCode};

    #[test]
    fn numbers_names_and_statuses_round_trip() {
        for (i, code) in ALL.into_iter().enumerate() {
            assert_eq!(code.as_i32(), i32::try_from(i).unwrap());
            assert_eq!(GrpcCode::from_i32(code.as_i32()), Some(code));
            assert_eq!(code.as_str().parse(), Ok(code));
        }
        assert_eq!(GrpcCode::from_i32(-1), None);
        // The codes `code.proto` gives a status of their own map back to it.
        for code in [
            GrpcCode::NotFound,
            GrpcCode::Unauthenticated,
            GrpcCode::PermissionDenied,
            GrpcCode::ResourceExhausted,
            GrpcCode::Cancelled,
            GrpcCode::Unavailable,
            GrpcCode::Unimplemented,
            GrpcCode::DeadlineExceeded,
        ] {
            assert_eq!(GrpcCode::for_status(code.http_status()), code);
        }
    }
}
