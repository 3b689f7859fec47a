//! The [`Catalog`] trait: a type's whole error catalog, walked through transparent variants.

use crate::Entry;
use crate::tree::Tree;

/// A type's whole error catalog: one [`Entry`] per variant, in declaration order.
///
/// Transparent variants (`#[api(transparent)]`) have no entry of their own: their codes belong
/// to the inner type's catalog, and [`Catalog::visit`] walks into it. A `Box`, an `Arc` or a
/// reference to a catalog has the same catalog.
///
/// ```
/// use apierror::{ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// pub enum AccountError {
///     #[api(status = 404)]
///     AccountNotFound,
///     #[api(status = 409)]
///     AccountExists,
/// }
///
/// let codes: Vec<_> = AccountError::entries().iter().map(|e| e.code()).collect();
/// assert_eq!(codes, ["ACCOUNT_NOT_FOUND", "ACCOUNT_EXISTS"]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no catalog that the composed catalog can list",
    label = "its codes cannot be listed in the catalog, the docs or the lock",
    note = "a transparent variant wraps a type that derives `ApiError` (or implements `apierror::Catalog`), or a `Box`, `Arc` or reference to one"
)]
pub trait Catalog {
    /// This type's own entries, in declaration order.
    fn entries() -> &'static [Entry];

    /// Every entry of the type's whole tree, in declaration order: its own, and those of the
    /// types its transparent variants wrap (recursively), each with the name of the type that
    /// declares it. [`ServiceCatalog::with`] reads this.
    ///
    /// ```
    /// use apierror::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// pub enum DbError {
    ///     #[api(status = 503)]
    ///     DbUnavailable,
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// pub enum AppError {
    ///     #[api(status = 404)]
    ///     NotFound,
    ///     #[api(transparent)]
    ///     Db(Box<DbError>),
    /// }
    ///
    /// let mut seen = Vec::new();
    /// AppError::visit(&mut |ty, entry| seen.push((ty, entry.code())));
    /// assert_eq!(seen, [("AppError", "NOT_FOUND"), ("DbError", "DB_UNAVAILABLE")]);
    /// ```
    #[doc = service_catalog_link!("with")]
    fn visit(f: &mut dyn FnMut(&'static str, &'static Entry)) {
        let name = short_type_name(core::any::type_name::<Self>());
        if Self::__TREE.is_derived() {
            Self::__TREE.visit(name, f);
        } else {
            for entry in Self::entries() {
                f(name, entry);
            }
        }
    }

    /// The derive's compile-time view of the tree, for the duplicate-code check of the types
    /// that wrap this one. A hand-written impl keeps the default (no entries): its codes are
    /// still checked at run time by [`ServiceCatalog::duplicates`](crate::docs::ServiceCatalog::duplicates).
    #[doc(hidden)]
    const __TREE: &'static Tree = &Tree::EMPTY;
}

/// `Type` of `module::Type<Params>`: the name the catalog docs and the lock give a declaration.
pub(crate) fn short_type_name(full: &'static str) -> &'static str {
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base)
}

macro_rules! forward_catalog {
    ($($ptr:ty),*) => {$(
        impl<T: Catalog + ?Sized> Catalog for $ptr {
            fn entries() -> &'static [Entry] {
                T::entries()
            }
            fn visit(f: &mut dyn FnMut(&'static str, &'static Entry)) {
                T::visit(f);
            }
            const __TREE: &'static Tree = T::__TREE;
        }
    )*};
}
forward_catalog!(&T, Box<T>, std::sync::Arc<T>);
