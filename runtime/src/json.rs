//! JSON output for envelopes: strings escaped as RFC 8259 requires, written straight into the
//! response buffer. Public so that custom [`Envelope`](crate::Envelope)s render the same way.

use core::fmt;

/// Appends `s` to `out` as a JSON string literal, quotes included.
///
/// ```
/// let mut out = Vec::new();
/// apierror::json::write_str(&mut out, "say \"hi\"\n");
/// assert_eq!(out, br#""say \"hi\"\n""#);
/// ```
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_escaped(out, s);
    out.push(b'"');
}

/// Appends what `value` displays as a JSON string literal, formatting straight into `out`.
///
/// ```
/// let mut out = Vec::new();
/// apierror::json::write_display(&mut out, &format_args!("{} \\ {}", 1, "two"));
/// assert_eq!(out, br#""1 \\ two""#);
/// ```
pub fn write_display(out: &mut Vec<u8>, value: &dyn fmt::Display) {
    out.push(b'"');
    let mut writer = Escaper(out);
    // Writing into a Vec cannot fail; a Display impl that returns an error leaves what it wrote.
    let _ = fmt::write(&mut writer, format_args!("{value}"));
    out.push(b'"');
}

struct Escaper<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s);
        Ok(())
    }
}

/// Appends the escaped contents of `s` (no quotes): runs of plain bytes are copied at once.
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => {
                out.extend_from_slice(&bytes[start..i]);
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends an unsigned integer.
pub(crate) fn write_u64(out: &mut Vec<u8>, value: u64) {
    let mut digits = [0u8; 20];
    let mut n = value;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use super::{write_display, write_str, write_u64};

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

    #[test]
    fn integers() {
        for n in [0, 7, 10, 429, u64::MAX] {
            let mut out = Vec::new();
            write_u64(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}
