//! JSON strings escaped as RFC 8259 requires, written straight into the response buffer. Custom
//! envelopes reach these through [`Output`](crate::envelope::Output).

use core::fmt;

/// Appends `s` to `out` as a JSON string literal, quotes included.
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_escaped(out, s);
    out.push(b'"');
}

/// Appends what `value` displays as a JSON string literal, formatting straight into `out`.
pub(crate) fn write_display(out: &mut Vec<u8>, value: &dyn fmt::Display) {
    out.push(b'"');
    let mut writer = Escaper(out);
    // Writing into a Vec cannot fail; a Display impl that returns an error leaves what it wrote.
    let _ = fmt::write(&mut writer, format_args!("{value}"));
    out.push(b'"');
}

/// Appends a derived detail as a JSON string literal: the template's pieces (JSON-plain, the
/// derive checks) copied as they are, only the fields escaped.
pub(crate) fn write_derived(out: &mut Vec<u8>, detail: &dyn crate::detail::format::FormatDetail) {
    out.push(b'"');
    // Writing into a Vec cannot fail; a Display impl that returns an error leaves what it wrote.
    let _ = detail.fmt_detail(&mut JsonSink(out));
    out.push(b'"');
}

struct JsonSink<'a>(&'a mut Vec<u8>);

impl crate::detail::format::DetailSink for JsonSink<'_> {
    fn piece(&mut self, text: &'static str) -> fmt::Result {
        self.0.extend_from_slice(text.as_bytes());
        Ok(())
    }

    fn display(&mut self, value: &dyn fmt::Display) -> fmt::Result {
        fmt::write(&mut Escaper(self.0), format_args!("{value}"))
    }

    fn args(&mut self, args: fmt::Arguments<'_>) -> fmt::Result {
        fmt::write(&mut Escaper(self.0), args)
    }
}

struct Escaper<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s);
        Ok(())
    }
}

/// Appends the escaped contents of `s` (no quotes). Plain runs are copied at once; eight
/// bytes are tested at a time for anything to escape, and only a word that has one is walked
/// byte by byte with a 256-entry table (measured: the per-byte `match` this replaces was 44% of
/// rendering a problem body).
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok())
            && !needs_escape(u64::from_le_bytes(word))
        {
            i += 8;
            continue;
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let escape = ESCAPE[usize::from(b)];
            if escape != 0 {
                out.extend_from_slice(&bytes[start..i]);
                if escape == b'u' {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                } else {
                    out.extend_from_slice(&[b'\\', escape]);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether any of the eight bytes of `word` is below 0x20, `"` or `\` (it may also say so
/// for a word that has none, never the other way round; the byte walk then finds nothing).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `x - ONES` gets its high bit from a zero byte of `x` (the classic zero-byte test).
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = has_zero(word ^ (ONES * u64::from(b'"')));
    let backslash = has_zero(word ^ (ONES * u64::from(b'\\')));
    control | quote | backslash != 0
}

/// For each byte, 0 if it is written as is, else the letter of its escape (`u` for `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::{write_display, write_str};

    /// Every string, escaped by us, parses back (with `serde_json`) to the same string.
    #[test]
    fn round_trips_through_serde_json() {
        let samples = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "Größe € 😀 \u{2028}",
        ];
        for s in samples {
            let mut out = Vec::new();
            write_str(&mut out, s);
            assert_eq!(serde_json::from_slice::<String>(&out).unwrap(), s);
            let mut via_display = Vec::new();
            write_display(&mut via_display, &s);
            assert_eq!(via_display, out);
        }
    }

    /// The word test never misses a byte that needs escaping, wherever it sits in the word.
    #[test]
    fn word_test_finds_every_special_byte() {
        for special in (0u8..0x20).chain([b'"', b'\\']) {
            for position in 0..8 {
                let mut word = *b"abcdefgh";
                word[position] = special;
                assert!(
                    super::needs_escape(u64::from_le_bytes(word)),
                    "{special:#x} at {position}"
                );
            }
        }
        assert!(!super::needs_escape(u64::from_le_bytes(*b"plain!~ ")));
        assert!(!super::needs_escape(u64::from_le_bytes([
            0xc3, 0xa9, 0xe2, 0x82, 0xac, b'a', 0x7f, b'z'
        ])));
    }
}
