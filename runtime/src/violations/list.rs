//! [`Violations`]: the validation errors of one request, and their conversions from the
//! `validator` and `garde` reports.

use serde::{Deserialize, Serialize};

use super::Violation;

/// The validation errors of a request, as a field of an error variant: each envelope renders
/// them the way its standard does.
///
/// | envelope | rendering |
/// |---|---|
/// | RFC 9457 | an extension member (the field's name; RFC 9457's example calls it `errors`) holding `[{"detail", "pointer": "#/age"}]` |
/// | AIP-193 | a `google.rpc.BadRequest` detail with `fieldViolations: [{"field": "profile.color", "description", "reason"}]` |
/// | JSON:API | one error object per violation, each with `source.pointer` |
/// | the others | a member of `details`: `[{"pointer", "code", "message"}]` |
///
/// ```
/// use apierror::{ApiError, Violation, Violations};
///
/// #[derive(Debug, ApiError)]
/// enum RequestError {
///     /// The request body has invalid fields.
///     #[api(status = 422, detail = "Your request is not valid.")]
///     Invalid { errors: Violations },
/// }
///
/// let errors: Violations = [Violation::new("/age", "must be a positive integer")].into_iter().collect();
/// let err = RequestError::Invalid { errors };
/// assert_eq!(err.violations().unwrap().1.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// None yet.
    #[must_use]
    pub const fn new() -> Self {
        Violations(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    /// Each violation, in order.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Violations(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// `validator`'s report: every field error, nested structs and lists included, at its pointer;
/// the error's code, and its message: the one written in the attribute
/// (`#[validate(length(min = 1, message = "..."))]`), else a sentence from the rule's code and
/// parameters (`"must be at least 1 characters long"`, `"must be a valid email address"`), else
/// the code of a custom rule.
#[cfg(feature = "validator-0_21")]
impl From<&validator::ValidationErrors> for Violations {
    fn from(errors: &validator::ValidationErrors) -> Self {
        fn walk(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<Violation>) {
            use validator::ValidationErrorsKind;
            let mut fields: Vec<_> = errors.errors().iter().collect();
            fields.sort_by(|a, b| a.0.cmp(b.0));
            for (field, kind) in fields {
                let pointer = format!("{prefix}/{}", escape(field));
                match kind {
                    ValidationErrorsKind::Field(list) => {
                        for error in list {
                            let message = error.message.as_ref().map_or_else(
                                || super::validator_text::message(&error.code, &error.params),
                                ToString::to_string,
                            );
                            out.push(
                                Violation::new(pointer.clone(), message).with_code(error.code.to_string()),
                            );
                        }
                    }
                    ValidationErrorsKind::Struct(inner) => walk(inner, &pointer, out),
                    ValidationErrorsKind::List(items) => {
                        for (index, inner) in items {
                            walk(inner, &format!("{pointer}/{index}"), out);
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(errors, "", &mut out);
        Violations(out)
    }
}

/// `garde`'s report: each error at its path (`a.b[0]` becomes `/a/b/0`).
#[cfg(feature = "garde-0_23")]
impl From<&garde::Report> for Violations {
    fn from(report: &garde::Report) -> Self {
        report
            .iter()
            .map(|(path, error)| {
                let path = path.to_string();
                let mut pointer = String::new();
                for part in path.split('.').filter(|p| !p.is_empty()) {
                    let (name, indexes) = part.split_once('[').map_or((part, ""), |(n, rest)| (n, rest));
                    if !name.is_empty() {
                        pointer.push('/');
                        pointer.push_str(&escape(name));
                    }
                    for index in indexes.split(['[', ']']).filter(|i| !i.is_empty()) {
                        pointer.push('/');
                        pointer.push_str(&escape(index));
                    }
                }
                Violation::new(pointer, error.message().to_string())
            })
            .collect()
    }
}

/// An RFC 6901 reference token.
#[cfg(any(feature = "validator-0_21", feature = "garde-0_23"))]
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// `[{"pointer", "code"?, "message"}]`, titled `Violations` so that envelopes with a shape of
/// their own for them can find them in a member schema.
#[cfg(feature = "schemars-1")]
impl schemars::JsonSchema for Violations {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Violations".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "Violations",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pointer", "message"],
                "additionalProperties": false,
                "properties": {
                    "pointer": {"type": "string", "description": "A JSON Pointer into the request."},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        })
    }
}
