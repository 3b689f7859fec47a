//! Rules that need more than one item or the container: unique codes, and keys that belong on
//! variants rather than on an enum.

use darling::Error;
use darling::error::Accumulator;

use crate::attr::Keys;
use crate::model::Item;

/// Every code is unique within the type: the error goes on the second use, with a second error
/// pointing at the first (a proc macro cannot attach notes on stable Rust).
pub fn unique_codes(items: &[Item], errors: &mut Accumulator) {
    for (i, item) in items.iter().enumerate() {
        let Some(entry) = item.entry() else { continue };
        let first = items[..i].iter().find_map(|earlier| {
            earlier
                .entry()
                .filter(|e| e.code == entry.code)
                .map(|e| (earlier, e))
        });
        if let Some((first, first_entry)) = first {
            errors.push(
                Error::custom(format!(
                    "duplicate code `{}`: `{}` has the same code as `{}`; give one of them another `code = \"...\"`",
                    entry.code, item.ident, first.ident
                ))
                .with_span(&entry.code_span),
            );
            errors.push(
                Error::custom(format!(
                    "code `{}` is first used here, by `{}`",
                    entry.code, first.ident
                ))
                .with_span(&first_entry.code_span),
            );
        }
    }
}

/// On an enum, only `category` and `challenge` (defaults for every variant) may stand on the
/// container; the other keys describe one catalog entry and go on each variant.
pub fn enum_container_keys(keys: &Keys, errors: &mut Accumulator) {
    for (key, span) in keys.given() {
        if key != "category" && key != "challenge" {
            errors.push(
                Error::custom(format!(
                    "`{key}` describes one error and goes on each variant, not on the enum; move it to the variants"
                ))
                .with_span(&span),
            );
        }
    }
}
