//! The compile-time view of a composed catalog: each derived type's entries and the trees of the
//! types its transparent variants wrap, as `const` data. The derive of a composing type checks
//! the whole tree for a code declared twice while the crate compiles, and [`Catalog::visit`]
//! walks the same data at run time.
//!
//! The check runs in const evaluation: every entry of the tree is put in one array, sorted by
//! the hash of its code (heapsort, `n log n`), and neighbours with the same hash are compared;
//! a failure is a compile error whose message is built here (const `panic!` takes one `&str`, so
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
    /// Position in the flattened tree: own entries first, then each part's, in order.
    order: usize,
    /// Which part of the checked type it came from: 0 for its own entries, `p + 1` for part `p`.
    part: usize,
    /// The declaring type.
    ty: &'static str,
    entry: &'static Entry,
}

const EMPTY_SLOT: Slot = Slot {
    hash: 0,
    order: 0,
    part: 0,
    ty: "",
    entry: &crate::__private::FALLBACK_ENTRY,
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
            order: at,
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

const fn before(a: &Slot, b: &Slot) -> bool {
    a.hash < b.hash || (a.hash == b.hash && a.order < b.order)
}

/// Heapsort by (hash, order): no allocation, no recursion, `n log n` steps.
const fn sort<const N: usize>(slots: &mut [Slot; N]) {
    const fn sift_down<const N: usize>(slots: &mut [Slot; N], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && before(&slots[child], &slots[child + 1]) {
                child += 1;
            }
            if !before(&slots[root], &slots[child]) {
                return;
            }
            let swap = slots[root];
            slots[root] = slots[child];
            slots[child] = swap;
            root = child;
        }
    }
    let mut start = N / 2;
    while start > 0 {
        start -= 1;
        sift_down(slots, start, N);
    }
    let mut end = N;
    while end > 1 {
        end -= 1;
        let swap = slots[0];
        slots[0] = slots[end];
        slots[end] = swap;
        sift_down(slots, 0, end);
    }
}

const fn same(a: &str, b: &str) -> bool {
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

/// Checks the whole tree of a composing type (`N` = [`count`] of it): a code declared twice (the
/// same declaration reached on two paths is one entry, not a duplicate). Returns the part (the
/// transparent variant, in order) that brings the first duplicate in, with the message of the
/// compile error; the derive's `const` for that part panics with it, so that the error points at
/// the variant. (Each type's own entries were checked by its own derive.)
#[must_use]
pub const fn check<const N: usize>(tree: &'static Tree) -> Option<(usize, Message)> {
    let mut slots = [EMPTY_SLOT; N];
    let mut at = flatten_entries(tree.name, tree.entries, 0, &mut slots, 0);
    let mut part = 0;
    while part < tree.inner.len() {
        at = flatten(tree.inner[part].tree, part + 1, &mut slots, at);
        part += 1;
    }
    sort(&mut slots);
    // The duplicate whose later declaration comes first in the tree.
    let mut found: Option<(usize, usize)> = None;
    let mut run = 0;
    while run < N {
        let mut end = run + 1;
        while end < N && slots[end].hash == slots[run].hash {
            end += 1;
        }
        // A run of one hash: for each entry, the earliest other declaration of its code.
        let mut later = run + 1;
        while later < end {
            let mut earlier = run;
            while earlier < later {
                let (a, b) = (&slots[earlier], &slots[later]);
                if same(a.entry.code(), b.entry.code())
                    && !(same(a.ty, b.ty) && same(a.entry.variant(), b.entry.variant()))
                {
                    let better = match found {
                        Some((_, known)) => slots[known].order > b.order,
                        None => true,
                    };
                    if better {
                        found = Some((earlier, later));
                    }
                    break;
                }
                earlier += 1;
            }
            later += 1;
        }
        run = end;
    }
    match found {
        Some((a, b)) => {
            let (a, b) = (&slots[a], &slots[b]);
            // A part's duplicate is reported at its variant; the own entries come first, so the
            // later declaration is always in a part.
            let part = if b.part > 0 { b.part - 1 } else { 0 };
            Some((part, message((a.ty, a.entry), (b.ty, b.entry))))
        }
        None => None,
    }
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
