//! The compile-time view of a composed catalog: each derived type's entries and the trees of the
//! types its transparent variants wrap, as `const` data, so that the derive of the outer type can
//! reject a code declared twice in the tree while the crate compiles.
//!
//! The check runs in const evaluation: a failure is a compile error whose message is built here
//! (const `panic!` takes one `&str`, so the message is assembled in a fixed buffer).

use core::marker::PhantomData;

use crate::Entry;

/// One derived type's place in a composed catalog.
#[derive(Debug)]
pub struct Tree {
    /// `module::Type`, as the error message names it.
    pub name: &'static str,
    /// The type's own entries.
    pub entries: &'static [Entry],
    /// The trees of the types its transparent variants wrap, in declaration order.
    pub inner: &'static [&'static Tree],
}

impl Tree {
    /// The tree of a type the derive knows nothing about: a hand-written `Catalog`, a trait
    /// object, a type parameter.
    pub const EMPTY: Tree = Tree {
        name: "",
        entries: &[],
        inner: &[],
    };
}

/// `TreeOf::<T>::TREE` is `T`'s tree when `T: Catalog` (an inherent associated const wins over
/// the trait's) and [`Tree::EMPTY`] otherwise, through [`NoTree`].
pub struct TreeOf<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized + crate::Catalog> TreeOf<T> {
    /// `T`'s tree.
    pub const TREE: &'static Tree = T::__TREE;
}

/// The fallback of [`TreeOf`] for types without a catalog.
pub trait NoTree {
    /// No entries.
    const TREE: &'static Tree = &Tree::EMPTY;
}

impl<T: ?Sized> NoTree for TreeOf<T> {}

/// Every entry of `tree` (own and wrapped, recursively).
const fn count(tree: &Tree) -> usize {
    let mut n = tree.entries.len();
    let mut i = 0;
    while i < tree.inner.len() {
        n += count(tree.inner[i]);
        i += 1;
    }
    n
}

/// The `index`-th entry of `tree` with the name of the type that declares it.
const fn nth(tree: &'static Tree, index: usize) -> (&'static str, &'static Entry) {
    if index < tree.entries.len() {
        return (tree.name, &tree.entries[index]);
    }
    let mut rest = index - tree.entries.len();
    let mut i = 0;
    while i < tree.inner.len() {
        let n = count(tree.inner[i]);
        if rest < n {
            return nth(tree.inner[i], rest);
        }
        rest -= n;
        i += 1;
    }
    // Unreachable for an index below `count(tree)`, which is all the check asks for.
    (tree.name, &crate::__private::FALLBACK_ENTRY)
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

/// Checks the entries of `tree.inner[part]` against `tree`'s own entries and those of the parts
/// before it. (Each part's own tree was checked by its own derive.) The same declaration reached
/// twice (a type wrapped on two paths) is one entry, not a duplicate.
///
/// Returns the message of the compile error when a code is declared twice; the generated `const`
/// panics with it (there, so that the error points at the user's code and nothing else).
#[must_use]
pub const fn check_part(tree: &'static Tree, part: usize) -> Option<Message> {
    let wrapped = tree.inner[part];
    let mut before = tree.entries.len();
    let mut earlier_part = 0;
    while earlier_part < part {
        before += count(tree.inner[earlier_part]);
        earlier_part += 1;
    }
    let total = count(wrapped);
    let mut later = 0;
    while later < total {
        let (later_type, later_entry) = nth(wrapped, later);
        let mut earlier = 0;
        while earlier < before {
            let (earlier_type, earlier_entry) = nth(tree, earlier);
            if same(earlier_entry.code(), later_entry.code())
                && !(same(earlier_type, later_type) && same(earlier_entry.variant(), later_entry.variant()))
            {
                return Some(message((earlier_type, earlier_entry), (later_type, later_entry)));
            }
            earlier += 1;
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
#[derive(Debug)]
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
