//! A sentence for a `validator` rule that has no message of its own, from its code and
//! parameters, so that a client reads "must be at least 3 characters long", not "length".

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

/// The message of a failed rule `code` with `params` (validator's built-in codes; the code
/// itself for a custom rule).
pub(crate) fn message(code: &str, params: &HashMap<Cow<'static, str>, Value>) -> String {
    let param = |name: &str| params.get(name).filter(|v| !v.is_null()).map(text);
    match code {
        "length" => match (param("equal"), param("min"), param("max")) {
            (Some(n), ..) => format!("must be exactly {n} {} long", characters(&n)),
            (None, Some(min), Some(max)) => format!("must be {min} to {max} characters long"),
            (None, Some(min), None) => format!("must be at least {min} {} long", characters(&min)),
            (None, None, Some(max)) => format!("must be at most {max} {} long", characters(&max)),
            (None, None, None) => "has an invalid length".to_owned(),
        },
        "range" => {
            let low = param("min").map(|n| format!("at least {n}"));
            let low = low.or_else(|| param("exclusive_min").map(|n| format!("greater than {n}")));
            let high = param("max").map(|n| format!("at most {n}"));
            let high = high.or_else(|| param("exclusive_max").map(|n| format!("less than {n}")));
            match (low, high) {
                (Some(low), Some(high)) => format!("must be {low} and {high}"),
                (Some(bound), None) | (None, Some(bound)) => format!("must be {bound}"),
                (None, None) => "is out of range".to_owned(),
            }
        }
        "email" => "must be a valid email address".to_owned(),
        "url" => "must be a valid URL".to_owned(),
        "required" => "is required".to_owned(),
        "regex" => "has an invalid format".to_owned(),
        "credit_card" => "must be a valid credit card number".to_owned(),
        "non_control_character" => "must not contain control characters".to_owned(),
        "must_match" => match param("other") {
            Some(other) => format!("must match {other}"),
            None => "must match the other field".to_owned(),
        },
        "contains" => match param("needle") {
            Some(needle) => format!("must contain \"{needle}\""),
            None => "is missing a required part".to_owned(),
        },
        "does_not_contain" => match param("needle") {
            Some(needle) => format!("must not contain \"{needle}\""),
            None => "contains a forbidden part".to_owned(),
        },
        custom => custom.to_owned(),
    }
}

fn characters(n: &str) -> &'static str {
    if n == "1" { "character" } else { "characters" }
}

/// A parameter as text: strings without their quotes.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(code: &str, params: &[(&'static str, Value)]) -> String {
        let params = params
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        message(code, &params)
    }

    #[test]
    fn built_in_rules_read_as_sentences() {
        use serde_json::json;
        assert_eq!(
            of("length", &[("min", json!(1)), ("value", json!(""))]),
            "must be at least 1 character long"
        );
        assert_eq!(
            of("length", &[("min", json!(3)), ("max", json!(8))]),
            "must be 3 to 8 characters long"
        );
        assert_eq!(
            of("length", &[("equal", json!(4))]),
            "must be exactly 4 characters long"
        );
        assert_eq!(
            of("range", &[("min", json!(1)), ("max", json!(10))]),
            "must be at least 1 and at most 10"
        );
        assert_eq!(
            of("range", &[("exclusive_min", json!(0.5))]),
            "must be greater than 0.5"
        );
        assert_eq!(of("email", &[]), "must be a valid email address");
        assert_eq!(
            of("must_match", &[("other", json!("password"))]),
            "must match password"
        );
        assert_eq!(of("contains", &[("needle", json!("@"))]), "must contain \"@\"");
        assert_eq!(of("no_spaces", &[]), "no_spaces");
    }
}
