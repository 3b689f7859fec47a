//! The compile-time view of a composed catalog: each derived type's entries and the trees of the
//! types its transparent variants wrap, as `const` data. The derive of a composing type checks
//! the whole tree for a code declared twice while the crate compiles, and [`Catalog::visit`]
//! walks the same data at run time.
//!
//! The check runs in const evaluation: every entry of the tree is looked up, in declaration
//! order, in a hash table keyed by its code (linear in the size of the tree); a failure is a compile error whose message is built here (const `panic!` takes one `&str`, so
//! the message is assembled in a fixed buffer).
//!
//! [`Catalog::visit`]: crate::Catalog::visit

use crate::Entry;

/// A visitor of a catalog's tree: called with the declaring type's name and each entry.
pub type Visit<'a> = &'a mut dyn FnMut(&'static str, &'static Entry);

/// One derived type's place in a composed catalog.
#[derive(Debug)]
pub struct Tree {
    /// `module::Type`, as the error message names it (empty for a type the derive knows
    /// nothing about).
    pub name: &'static str,
    /// The type's own entries.
    pub entries: &'static [Entry],
    /// The types its transparent variants wrap, in declaration order.
    pub inner: &'static [Part],
}

/// A type a transparent variant wraps.
#[derive(Debug)]
pub struct Part {
    /// How many of the outer type's own entries are declared before this variant.
    pub at: usize,
    /// The wrapped type's tree (empty for a hand-written `Catalog`).
    pub tree: &'static Tree,
    /// The wrapped type's `Catalog::visit`, which lists a hand-written catalog too.
    pub visit: fn(Visit<'_>),
}

impl Tree {
    /// The tree of a type the derive knows nothing about: a hand-written `Catalog`.
    pub const EMPTY: Tree = Tree {
        name: "",
        entries: &[],
        inner: &[],
    };

    /// Whether the derive wrote this tree.
    #[must_use]
    pub const fn is_derived(&self) -> bool {
        !self.name.is_empty()
    }

    /// Calls `f` for every entry of the tree in declaration order: own entries, and each
    /// wrapped type's where its variant stands. `short_name` is the outer type's name as the
    /// visitor reports it.
    pub fn visit(&self, short_name: &'static str, f: Visit<'_>) {
        let mut parts = self.inner.iter().peekable();
        for (index, entry) in self.entries.iter().enumerate() {
            while let Some(part) = parts.next_if(|p| p.at <= index) {
                (part.visit)(f);
            }
            f(short_name, entry);
        }
        for part in parts {
            (part.visit)(f);
        }
    }
}

/// Every entry of `tree` (own and wrapped, recursively).
#[must_use]
pub const fn count(tree: &Tree) -> usize {
    let mut n = tree.entries.len();
    let mut i = 0;
    while i < tree.inner.len() {
        n += count(tree.inner[i].tree);
        i += 1;
    }
    n
}

/// One entry of the flattened tree.
#[derive(Clone, Copy)]
struct Slot {
    /// FNV-1a of the code.
    hash: u64,
    /// Which part of the checked type it came from: 0 for its own entries, `p + 1` for part `p`.
    part: usize,
    /// The declaring type.
    ty: &'static str,
    entry: &'static Entry,
}

const EMPTY_SLOT: Slot = Slot {
    hash: 0,
    part: 0,
    ty: "",
    entry: &crate::entry::derived::FALLBACK_ENTRY,
};

/// 64-bit FNV-1a.
const fn fnv1a(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Appends `entries` (declared by `ty`) to `slots` from `at`, tagged `part`; returns the next
/// free index.
const fn flatten_entries<const N: usize>(
    ty: &'static str,
    entries: &'static [Entry],
    part: usize,
    slots: &mut [Slot; N],
    mut at: usize,
) -> usize {
    let mut i = 0;
    while i < entries.len() && at < N {
        let entry = &entries[i];
        slots[at] = Slot {
            hash: fnv1a(entry.code()),
            part,
            ty,
            entry,
        };
        at += 1;
        i += 1;
    }
    at
}

/// Appends every entry of `tree` (own and wrapped) to `slots` from `at`, tagged `part`.
const fn flatten<const N: usize>(
    tree: &'static Tree,
    part: usize,
    slots: &mut [Slot; N],
    at: usize,
) -> usize {
    let mut at = flatten_entries(tree.name, tree.entries, part, slots, at);
    let mut p = 0;
    while p < tree.inner.len() {
        at = flatten(tree.inner[p].tree, part, slots, at);
        p += 1;
    }
    at
}

pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The size of [`check`]'s hash table for a tree of `count` entries: a power of two, at most
/// half full.
#[must_use]
pub const fn table_len(count: usize) -> usize {
    (2 * count + 2).next_power_of_two()
}

/// Checks the whole tree of a composing type (`N` = [`count`] of it, `M` = [`table_len`] of
/// that): a code declared twice (the same declaration reached on two paths is one entry, not a
/// duplicate). Returns the part (the transparent variant, in order) that brings the first
/// duplicate in, with the message of the compile error; the derive's `const` for that part
/// panics with it, so that the error points at the variant. (Each type's own entries were
/// checked by its own derive.)
///
/// Linear in the tree: each entry is looked up in an open-addressing table by the hash of its
/// code, in declaration order, so the first duplicate found is the one declared first.
#[must_use]
pub const fn check<const N: usize, const M: usize>(tree: &'static Tree) -> Option<(usize, Message)> {
    const FREE: usize = usize::MAX;
    let mut slots = [EMPTY_SLOT; N];
    let mut at = flatten_entries(tree.name, tree.entries, 0, &mut slots, 0);
    let mut part = 0;
    while part < tree.inner.len() {
        at = flatten(tree.inner[part].tree, part + 1, &mut slots, at);
        part += 1;
    }
    let mut table = [FREE; M];
    let mask = M - 1;
    let mut later = 0;
    while later < at {
        let b = &slots[later];
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a mask of a table that fits in memory"
        )]
        let mut index = (b.hash as usize) & mask;
        loop {
            let known = table[index];
            if known == FREE {
                table[index] = later;
                break;
            }
            let a = &slots[known];
            if a.hash == b.hash && same(a.entry.code(), b.entry.code()) {
                if same(a.ty, b.ty) && same(a.entry.variant(), b.entry.variant()) {
                    // The same declaration, reached again.
                    break;
                }
                // The own entries come first, and have no duplicate among themselves: the later
                // declaration is in a part.
                let part = if b.part > 0 { b.part - 1 } else { 0 };
                return Some((part, message((a.ty, a.entry), (b.ty, b.entry))));
            }
            index = (index + 1) & mask;
        }
        later += 1;
    }
    None
}

/// The compile error for a code declared twice.
const fn message((name_a, a): (&str, &Entry), (name_b, b): (&str, &Entry)) -> Message {
    let code = a.code();
    let status_a = a.status().as_u16();
    let status_b = b.status().as_u16();
    let mut message = Message::new();
    if status_a == status_b {
        message = message
            .push("duplicate code `")
            .push(code)
            .push("` in a composed catalog: ");
    } else {
        message = message
            .push("code `")
            .push(code)
            .push("` has two statuses in a composed catalog: ")
            .status(status_a)
            .push(" on ");
    }
    message = message.push("`").push(name_a).push("::").push(a.variant());
    if status_a == status_b {
        message = message.push("` and `");
    } else {
        message = message.push("` and ").status(status_b).push(" on `");
    }
    message
        .push(name_b)
        .push("::")
        .push(b.variant())
        .push("`; give one of them another `code = \"...\"`")
}

/// A message built in const evaluation.
#[derive(Clone, Copy, Debug)]
pub struct Message {
    bytes: [u8; 1024],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Message {
            bytes: [0; 1024],
            len: 0,
        }
    }

    /// Appends `text`, whole or not at all, so that the message stays valid UTF-8.
    const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        if self.len + text.len() > self.bytes.len() {
            return self;
        }
        let mut i = 0;
        while i < text.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    #[allow(clippy::cast_possible_truncation, reason = "each digit is below 10")]
    const fn status(self, status: u16) -> Self {
        let digits = [
            b'0' + (status / 100 % 10) as u8,
            b'0' + (status / 10 % 10) as u8,
            b'0' + (status % 10) as u8,
        ];
        match core::str::from_utf8(&digits) {
            Ok(text) => self.push(text),
            Err(_) => self,
        }
    }

    /// The text: valid UTF-8 by construction, since only whole `&str`s are pushed.
    #[must_use]
    pub const fn as_str(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => text,
            Err(_) => "duplicate code in a composed catalog",
        }
    }
}
