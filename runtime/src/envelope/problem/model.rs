//! The [`Problem`] envelope: its members and the builders that choose them.

/// RFC 9457 problem details (`application/problem+json`).
///
/// `type`, `title`, `status`, `detail` (when there is one), `instance` (from the context), the code
/// as an extension member (`code` unless renamed, e.g. `error_code`), `resolve` (absent parts
/// omitted) and each exposed field as an extension member. A field whose name the body already
/// has is left out (see [`Envelope::writes_member`](crate::envelope::Envelope::writes_member)); [`Problem::without_code`] leaves the code
/// out, for bodies exactly as the RFC's examples.
///
/// ```
/// use apierror::envelope::{Envelope, Output};
/// use apierror::{ApiError, Context, Problem};
///
/// #[derive(Debug, ApiError)]
/// #[api(type_base = "https://docs.example.com/errors/", rename_all = "snake_case")]
/// enum BillingError {
///     #[api(status = 402, detail = "No billing plan selected.",
///           resolve(message = "Select a billing plan to continue.", action = "select_plan"))]
///     NoActivePlan,
/// }
///
/// let mut body = Vec::new();
/// let envelope = Problem::new().with_code_member("error_code");
/// envelope.render(&BillingError::NoActivePlan, &Context::new(), &mut Output::new(&mut body)).unwrap();
/// let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(body, serde_json::json!({
///     "type": "https://docs.example.com/errors/no_active_plan",
///     "title": "Payment Required",
///     "status": 402,
///     "detail": "No billing plan selected.",
///     "error_code": "no_active_plan",
///     "resolve": {"message": "Select a billing plan to continue.", "action": "select_plan"},
/// }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The code's member name; empty for no code member.
    pub(super) code_member: &'static str,
    /// Whether bodies carry the retry strategy as a `retry` extension member.
    pub(super) retry_member: bool,
    /// Whether bodies carry the `status` member (RFC 9457 makes it advisory).
    pub(super) with_status: bool,
}

impl Problem {
    /// Problem details with the code in a `code` member.
    #[must_use]
    pub const fn new() -> Self {
        Problem {
            code_member: "code",
            retry_member: false,
            with_status: true,
        }
    }

    /// The members problem details write themselves, which no code member may take:
    /// RFC 9457's five, `errors` (violations, as in RFC 9457's example), and apierror's
    /// `resolve` and `retry`.
    ///
    /// ```
    /// assert!(apierror::Problem::MEMBERS.contains(&"instance"));
    /// ```
    pub const MEMBERS: &'static [&'static str] = &[
        "type", "title", "status", "detail", "instance", "errors", "resolve", "retry",
    ];

    /// Puts the code in another extension member, such as `error_code`.
    ///
    /// # Panics
    /// When `name` is empty or one of [`Problem::MEMBERS`] (the body would have the member
    /// twice): in a constant, such as `#[api(envelope = ...)]`, that is a compile error. Use
    /// [`Problem::try_with_code_member`] for a name known only at run time, and
    /// [`Problem::without_code`] for no code member.
    ///
    /// ```
    /// let envelope = apierror::Problem::new().with_code_member("error_code");
    /// # let _ = envelope;
    /// ```
    #[must_use]
    pub const fn with_code_member(self, name: &'static str) -> Self {
        match self.try_with_code_member(name) {
            Ok(problem) => problem,
            Err(_) => panic!(
                "the code member cannot be empty or a member problem details already have (type, title, status, detail, instance, errors, resolve, retry): choose another name, such as \"error_code\""
            ),
        }
    }

    /// Puts the code in the member `name`, unless problem details already have it.
    ///
    /// # Errors
    /// [`ReservedMember`] when `name` is empty or one of [`Problem::MEMBERS`].
    ///
    /// ```
    /// use apierror::Problem;
    ///
    /// assert!(Problem::new().try_with_code_member("error_code").is_ok());
    /// let err = Problem::new().try_with_code_member("type").unwrap_err();
    /// assert_eq!(err.to_string(), "`type` is a member problem details already have (type, title, status, detail, instance, errors, resolve, retry): choose another name for the code, such as `error_code`");
    /// ```
    pub const fn try_with_code_member(mut self, name: &'static str) -> Result<Self, ReservedMember> {
        if name.is_empty() {
            return Err(ReservedMember(name));
        }
        let mut i = 0;
        while i < Self::MEMBERS.len() {
            if crate::tree::same(Self::MEMBERS[i], name) {
                return Err(ReservedMember(name));
            }
            i += 1;
        }
        self.code_member = name;
        Ok(self)
    }

    /// Leaves the code out of the body: RFC 9457 defines no code member, and its examples
    /// have none (the problem `type` identifies the problem).
    ///
    /// ```
    /// use apierror::envelope::{Envelope, Output};
    /// use apierror::{ApiError, Context, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404)]
    /// struct NotFound;
    ///
    /// let mut body = Vec::new();
    /// Problem::new().without_code().render(&NotFound, &Context::new(), &mut Output::new(&mut body)).unwrap();
    /// assert_eq!(body, br#"{"type":"about:blank","title":"Not Found","status":404}"#);
    /// ```
    #[must_use]
    pub const fn without_code(mut self) -> Self {
        self.code_member = "";
        self
    }

    /// Puts the retry strategy on the wire as a `retry` extension member (`"after_delay"`, see
    /// [`Retry::as_str`](crate::Retry::as_str)), so that clients without the service's error
    /// type learn it; the client side's retry policy reads it.
    ///
    /// ```
    /// use apierror::envelope::{Envelope, Output};
    /// use apierror::{ApiError, Context, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, retry = "new_key")]
    /// struct IdempotencyConflict;
    ///
    /// let mut body = Vec::new();
    /// Problem::new().with_retry_member().render(&IdempotencyConflict, &Context::new(), &mut Output::new(&mut body)).unwrap();
    /// assert!(String::from_utf8(body).unwrap().ends_with(r#""code":"IDEMPOTENCY_CONFLICT","retry":"new_key"}"#));
    /// ```
    #[must_use]
    pub const fn with_retry_member(mut self) -> Self {
        self.retry_member = true;
        self
    }

    /// The 0.2 name of [`Problem::with_code_member`].
    #[deprecated(note = "renamed `with_code_member`")]
    #[doc(hidden)]
    #[must_use]
    pub const fn code_member(self, name: &'static str) -> Self {
        self.with_code_member(name)
    }

    /// The 0.2 name of [`Problem::try_with_code_member`].
    ///
    /// # Errors
    /// As [`Problem::try_with_code_member`].
    #[deprecated(note = "renamed `try_with_code_member`")]
    #[doc(hidden)]
    pub const fn try_code_member(self, name: &'static str) -> Result<Self, ReservedMember> {
        self.try_with_code_member(name)
    }

    /// The 0.2 name of [`Problem::with_retry_member`].
    #[deprecated(note = "renamed `with_retry_member`")]
    #[doc(hidden)]
    #[must_use]
    pub const fn retry_member(self) -> Self {
        self.with_retry_member()
    }

    /// Leaves the `status` member out: RFC 9457 makes it advisory (the response's status is the
    /// one that counts), and its examples have none. With [`Problem::without_code`], bodies are
    /// exactly as the RFC's examples.
    ///
    /// ```
    /// use apierror::envelope::{Envelope, Output};
    /// use apierror::{ApiError, Context, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, title = "Not here.")]
    /// struct NotFound;
    ///
    /// let mut body = Vec::new();
    /// let envelope = Problem::new().without_code().without_status();
    /// envelope.render(&NotFound, &Context::new(), &mut Output::new(&mut body)).unwrap();
    /// assert_eq!(body, br#"{"type":"about:blank","title":"Not here."}"#);
    /// ```
    #[must_use]
    pub const fn without_status(mut self) -> Self {
        self.with_status = false;
        self
    }

    /// The members a problem body writes itself: the ones chosen at run time first (the only
    /// ones a derived field can still collide with), then RFC 9457's and `resolve`.
    pub(super) const fn own_members(&self) -> [&'static str; 8] {
        let retry = if self.retry_member { "retry" } else { "" };
        let [ty, title, status, detail, instance, _errors, resolve, _retry] = *Self::MEMBERS else {
            unreachable!()
        };
        [
            self.code_member,
            retry,
            ty,
            title,
            status,
            detail,
            instance,
            resolve,
        ]
    }
}

/// A code member name that [`Problem`] bodies already have (or an empty one), from
/// [`Problem::try_with_code_member`].
///
/// ```
/// let err = apierror::Problem::new().try_with_code_member("status").unwrap_err();
/// assert_eq!(err.name(), "status");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReservedMember(&'static str);

impl ReservedMember {
    /// The name that was refused.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.0
    }
}

impl core::fmt::Display for ReservedMember {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.0.is_empty() {
            f.write_str("the code member cannot be empty: use `Problem::without_code` for no code member")
        } else {
            write!(
                f,
                "`{}` is a member problem details already have ({}): choose another name for the code, such as `error_code`",
                self.0,
                Problem::MEMBERS.join(", ")
            )
        }
    }
}

impl std::error::Error for ReservedMember {}

impl Default for Problem {
    fn default() -> Self {
        Problem::new()
    }
}
