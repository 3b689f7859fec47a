//! Code styles (`rename_all`): deriving a code from a variant name, and checking that a code
//! follows the style.

use heck::{ToKebabCase, ToLowerCamelCase, ToPascalCase, ToShoutySnakeCase, ToSnakeCase};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    ScreamingSnake,
    Snake,
    Kebab,
    Camel,
    /// `BadArgument`, as Microsoft's REST API guidelines write codes.
    Pascal,
    /// `badargument`: the variant name lower-cased, no separator.
    Lower,
    /// `BADARGUMENT`.
    Upper,
}

impl Style {
    pub const ALL: &[Style] = &[
        Style::ScreamingSnake,
        Style::Snake,
        Style::Kebab,
        Style::Camel,
        Style::Pascal,
        Style::Lower,
        Style::Upper,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Style::ScreamingSnake => "SCREAMING_SNAKE_CASE",
            Style::Snake => "snake_case",
            Style::Kebab => "kebab-case",
            Style::Camel => "camelCase",
            Style::Pascal => "PascalCase",
            Style::Lower => "lowercase",
            Style::Upper => "UPPERCASE",
        }
    }

    pub fn from_name(name: &str) -> Option<Style> {
        Style::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// The name written in this style.
    pub fn apply(self, name: &str) -> String {
        match self {
            Style::ScreamingSnake => name.to_shouty_snake_case(),
            Style::Snake => name.to_snake_case(),
            Style::Kebab => name.to_kebab_case(),
            Style::Camel => name.to_lower_camel_case(),
            Style::Pascal => name.to_pascal_case(),
            Style::Lower => name.to_snake_case().replace('_', ""),
            Style::Upper => name.to_shouty_snake_case().replace('_', ""),
        }
    }

    /// Whether `code` is already written in this style, with nothing but ASCII letters, digits
    /// and the style's separator.
    pub fn is_followed_by(self, code: &str) -> bool {
        let allowed = |c: char| {
            c.is_ascii_digit()
                || match self {
                    Style::ScreamingSnake => c.is_ascii_uppercase() || c == '_',
                    Style::Snake => c.is_ascii_lowercase() || c == '_',
                    Style::Kebab => c.is_ascii_lowercase() || c == '-',
                    Style::Camel | Style::Pascal => c.is_ascii_alphabetic(),
                    Style::Lower => c.is_ascii_lowercase(),
                    Style::Upper => c.is_ascii_uppercase(),
                }
        };
        code.chars().all(allowed) && self.apply(code) == code
    }
}

#[cfg(test)]
mod tests {
    use super::Style;

    #[test]
    fn derive_codes_from_variant_names() {
        let cases = [
            (
                "CreditExhausted",
                [
                    "CREDIT_EXHAUSTED",
                    "credit_exhausted",
                    "credit-exhausted",
                    "creditExhausted",
                    "CreditExhausted",
                    "creditexhausted",
                    "CREDITEXHAUSTED",
                ],
            ),
            (
                "AuthRequired",
                [
                    "AUTH_REQUIRED",
                    "auth_required",
                    "auth-required",
                    "authRequired",
                    "AuthRequired",
                    "authrequired",
                    "AUTHREQUIRED",
                ],
            ),
            (
                "HTTPVersionTooOld",
                [
                    "HTTP_VERSION_TOO_OLD",
                    "http_version_too_old",
                    "http-version-too-old",
                    "httpVersionTooOld",
                    "HttpVersionTooOld",
                    "httpversiontooold",
                    "HTTPVERSIONTOOOLD",
                ],
            ),
            (
                "Oauth2Failed",
                [
                    "OAUTH2_FAILED",
                    "oauth2_failed",
                    "oauth2-failed",
                    "oauth2Failed",
                    "Oauth2Failed",
                    "oauth2failed",
                    "OAUTH2FAILED",
                ],
            ),
            (
                "Internal",
                [
                    "INTERNAL", "internal", "internal", "internal", "Internal", "internal", "INTERNAL",
                ],
            ),
        ];
        for (variant, expected) in cases {
            for (style, code) in Style::ALL.iter().zip(expected) {
                assert_eq!(style.apply(variant), code, "{variant} as {}", style.name());
                assert!(style.is_followed_by(code), "{code} follows {}", style.name());
            }
        }
    }

    #[test]
    fn codes_in_another_style_are_rejected() {
        assert!(!Style::ScreamingSnake.is_followed_by("credit_exhausted"));
        assert!(!Style::ScreamingSnake.is_followed_by("CREDIT-EXHAUSTED"));
        assert!(!Style::ScreamingSnake.is_followed_by("CREDIT__EXHAUSTED"));
        assert!(!Style::Snake.is_followed_by("CREDIT_EXHAUSTED"));
        assert!(!Style::Snake.is_followed_by("credit_exhausted_"));
        assert!(!Style::Kebab.is_followed_by("credit_exhausted"));
        assert!(!Style::Camel.is_followed_by("CreditExhausted"));
        assert!(!Style::Camel.is_followed_by("credit_exhausted"));
        assert!(!Style::Snake.is_followed_by("crédit"));
    }

    #[test]
    fn style_names_round_trip() {
        for style in Style::ALL {
            assert_eq!(Style::from_name(style.name()), Some(*style));
        }
        assert_eq!(Style::from_name("Title Case"), None);
    }
}
