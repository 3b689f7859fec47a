//! [`Retry`]: the retry guidance of an entry, its spellings and the default a status implies.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a client should do about an error before (or instead of) repeating the request.
///
/// Declared per variant with `#[api(retry = ...)]`; when absent it follows from the status
/// (429 and 503 [`Retry::AfterDelay`]; 408, 425, 502, 504 [`Retry::Yes`]; 500 [`Retry::Backoff`];
/// 401 [`Retry::AfterReauth`], since every 401 carries a challenge to answer; every other status
/// [`Retry::No`]).
///
/// ```
/// use apierror::Retry;
///
/// assert!(Retry::AfterDelay.is_retryable());
/// assert!(!Retry::NewKey.is_retryable());
/// assert_eq!(Retry::AfterReauth.as_str(), "after_reauth");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Retry {
    /// Do not retry: fix the request first (`retry = false`).
    No,
    /// Retry as is (`retry = true`).
    Yes,
    /// Retry with exponential backoff (`retry = "backoff"`).
    Backoff,
    /// Retry once the Retry-After delay or the rate-limit reset has passed (`retry = "after_delay"`).
    AfterDelay,
    /// Retry after refreshing credentials (`retry = "after_reauth"`).
    AfterReauth,
    /// The service or endpoint is disabled; poll for restoration (`retry = "later"`).
    Later,
    /// Do not repeat this request; send a new one with a new Idempotency-Key (`retry = "new_key"`).
    NewKey,
}

impl Retry {
    /// Whether repeating the request (possibly after waiting or re-authenticating) can succeed.
    ///
    /// True for [`Retry::Yes`], [`Retry::Backoff`], [`Retry::AfterDelay`],
    /// [`Retry::AfterReauth`] and [`Retry::Later`].
    ///
    /// ```
    /// assert!(apierror::Retry::Later.is_retryable());
    /// assert!(!apierror::Retry::No.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        match self {
            Retry::Yes | Retry::Backoff | Retry::AfterDelay | Retry::AfterReauth | Retry::Later => true,
            Retry::No | Retry::NewKey => false,
        }
    }

    /// The stable name used in `#[api(retry = ...)]` and in machine-readable catalogs:
    /// `"no"`, `"yes"`, `"backoff"`, `"after_delay"`, `"after_reauth"`, `"later"`, `"new_key"`.
    ///
    /// ```
    /// assert_eq!(apierror::Retry::Backoff.as_str(), "backoff");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::No => "no",
            Retry::Yes => "yes",
            Retry::Backoff => "backoff",
            Retry::AfterDelay => "after_delay",
            Retry::AfterReauth => "after_reauth",
            Retry::Later => "later",
            Retry::NewKey => "new_key",
        }
    }
}

impl Retry {
    /// The guidance in words, as catalog tables print it: `"No"`, `"Yes"`, `"Yes, with backoff"`,
    /// `"Yes, after reset"`, `"Yes, after re-auth"`, `"Yes, later"`, `"No (new Idempotency-Key)"`.
    ///
    /// ```
    /// assert_eq!(apierror::Retry::AfterReauth.describe(), "Yes, after re-auth");
    /// ```
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Retry::No => "No",
            Retry::Yes => "Yes",
            Retry::Backoff => "Yes, with backoff",
            Retry::AfterDelay => "Yes, after reset",
            Retry::AfterReauth => "Yes, after re-auth",
            Retry::Later => "Yes, later",
            Retry::NewKey => "No (new Idempotency-Key)",
        }
    }

    /// The guidance in words for an entry with this HTTP status: as [`Retry::describe`], but the
    /// wait is named for what it is: a rate limit's reset on 429 (`"Yes, after reset"`), the
    /// Retry-After delay elsewhere (`"Yes, after Retry-After"`, such as a 503 in maintenance).
    ///
    /// ```
    /// use apierror::Retry;
    ///
    /// assert_eq!(Retry::AfterDelay.describe_at(429), "Yes, after reset");
    /// assert_eq!(Retry::AfterDelay.describe_at(503), "Yes, after Retry-After");
    /// assert_eq!(Retry::Backoff.describe_at(503), "Yes, with backoff");
    /// ```
    #[must_use]
    pub const fn describe_at(self, status: u16) -> &'static str {
        match (self, status) {
            (Retry::AfterDelay, 429) => "Yes, after reset",
            (Retry::AfterDelay, _) => "Yes, after Retry-After",
            (retry, _) => retry.describe(),
        }
    }

    /// The guidance a status implies when none is declared: 429 and 503 [`Retry::AfterDelay`];
    /// 408, 425, 502, 504 [`Retry::Yes`]; 500 [`Retry::Backoff`]; 401 [`Retry::AfterReauth`]
    /// (a 401 always carries a `WWW-Authenticate` challenge: answer it, then repeat the request;
    /// write `retry = false` where new credentials will not help); every other status
    /// [`Retry::No`].
    ///
    /// ```
    /// assert_eq!(apierror::Retry::for_status(503), apierror::Retry::AfterDelay);
    /// assert_eq!(apierror::Retry::for_status(401), apierror::Retry::AfterReauth);
    /// assert_eq!(apierror::Retry::for_status(404), apierror::Retry::No);
    /// ```
    #[must_use]
    pub const fn for_status(status: u16) -> Retry {
        default_for_status(status)
    }

    /// Every strategy, in declaration order: a slice, so a strategy added later (the enum is
    /// `#[non_exhaustive]`) does not change its type.
    ///
    /// ```
    /// use apierror::Retry;
    ///
    /// let names: Vec<&str> = Retry::ALL.iter().map(|r| r.as_str()).collect();
    /// assert_eq!(names, ["no", "yes", "backoff", "after_delay", "after_reauth", "later", "new_key"]);
    /// ```
    pub const ALL: &'static [Retry] = &[
        Retry::No,
        Retry::Yes,
        Retry::Backoff,
        Retry::AfterDelay,
        Retry::AfterReauth,
        Retry::Later,
        Retry::NewKey,
    ];
}

/// A name that is not one of [`Retry::as_str`]'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseRetryError(String);

impl fmt::Display for ParseRetryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown retry strategy `{}`; expected one of no, yes, backoff, after_delay, after_reauth, later, new_key",
            self.0
        )
    }
}

impl std::error::Error for ParseRetryError {}

/// The strategy for its stable name (`"after_delay"`), the inverse of [`Retry::as_str`].
///
/// ```
/// use apierror::Retry;
///
/// assert_eq!("new_key".parse::<Retry>(), Ok(Retry::NewKey));
/// assert!("sometimes".parse::<Retry>().is_err());
/// ```
impl FromStr for Retry {
    type Err = ParseRetryError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Retry::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == name)
            .ok_or_else(|| ParseRetryError(name.to_owned()))
    }
}

/// As its stable name: `"after_delay"`.
impl Serialize for Retry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// From its stable name.
///
/// ```
/// let retry: apierror::Retry = serde_json::from_str("\"after_reauth\"").unwrap();
/// assert_eq!(retry, apierror::Retry::AfterReauth);
/// assert_eq!(serde_json::to_string(&retry).unwrap(), "\"after_reauth\"");
/// ```
impl<'de> Deserialize<'de> for Retry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Retry;

    #[test]
    fn retryable_strategies() {
        let all = [
            (Retry::No, false),
            (Retry::Yes, true),
            (Retry::Backoff, true),
            (Retry::AfterDelay, true),
            (Retry::AfterReauth, true),
            (Retry::Later, true),
            (Retry::NewKey, false),
        ];
        for (retry, expected) in all {
            assert_eq!(retry.is_retryable(), expected, "{retry}");
        }
    }
}

// The derive's own table, so that a derived entry that leaves its default out and a hand-built
// entry agree by construction.
apierror_macros::__default_retry!();
