use core::fmt;

/// What a client should do about an error before (or instead of) repeating the request.
///
/// Declared per variant with `#[api(retry = ...)]`; when absent it follows from the status
/// (429 and 503 [`Retry::AfterDelay`]; 408, 425, 502, 504 [`Retry::Yes`]; 500 [`Retry::Backoff`];
/// every other status [`Retry::No`]).
///
/// ```
/// use apierror::Retry;
///
/// assert!(Retry::AfterDelay.is_retryable());
/// assert!(!Retry::NewKey.is_retryable());
/// assert_eq!(Retry::AfterReauth.as_str(), "after_reauth");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    /// The strategy for its stable name (`"after_delay"`), the inverse of [`Retry::as_str`].
    ///
    /// ```
    /// use apierror::Retry;
    /// assert_eq!(Retry::from_name("new_key"), Some(Retry::NewKey));
    /// assert_eq!(Retry::from_name("sometimes"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Retry> {
        [
            Retry::No,
            Retry::Yes,
            Retry::Backoff,
            Retry::AfterDelay,
            Retry::AfterReauth,
            Retry::Later,
            Retry::NewKey,
        ]
        .into_iter()
        .find(|r| r.as_str() == name)
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
