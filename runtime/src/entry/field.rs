//! [`Field`]: a member a client sees, its name and its Rust type as written.

use super::absent::non_empty;

/// A field a client sees: the member name it is exposed under and its Rust type as written.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// pub enum QuotaError {
///     #[api(status = 429, detail = "{usage_type} limit reached")]
///     UsageLimitExceeded {
///         usage_type: String,
///         #[api(rename = "limit")]
///         max: u32,
///     },
/// }
///
/// let fields = QuotaError::UsageLimitExceeded { usage_type: "api".into(), max: 5 }.entry().fields();
/// let names: Vec<_> = fields.iter().map(|f| (f.name(), f.ty())).collect();
/// assert_eq!(names, [("usage_type", "String"), ("limit", "u32")]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    name: &'static str,
    ty: &'static str,
    description: &'static str,
    /// Left out of the body when it is `None` (`#[api(skip_none)]`), rather than `null`.
    skip_none: bool,
}

impl Field {
    /// A field exposed as `name`, of the Rust type `ty` as written (`"Option<u32>"`), from which
    /// [`Field::json_type`] reads the JSON type.
    #[must_use]
    pub const fn new(name: &'static str, ty: &'static str) -> Self {
        Field {
            name,
            ty,
            description: "",
            skip_none: false,
        }
    }

    /// Says that the member is left out when it is `None`, rather than written as `null`.
    #[must_use]
    pub const fn with_skip_none(mut self) -> Self {
        self.skip_none = true;
        self
    }

    /// Whether the member is left out of the body when absent (an `Option` field marked
    /// `#[api(skip_none)]`); otherwise an absent value is `null` ([`Field::nullable`]).
    #[must_use]
    pub const fn optional(&self) -> bool {
        self.skip_none
    }

    /// Sets the description.
    #[must_use]
    pub const fn with_description(mut self, description: &'static str) -> Self {
        self.description = description;
        self
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        name: &'static str,
        ty: &'static str,
        description: &'static str,
        skip_none: bool,
    ) -> Self {
        Field {
            name,
            ty,
            description,
            skip_none,
        }
    }

    /// The member name in the body.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The field's Rust type, as written in the declaration.
    #[must_use]
    pub const fn ty(&self) -> &'static str {
        self.ty
    }

    /// The field's doc comment.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        non_empty(self.description)
    }

    /// The JSON type of the member, read from the Rust type as written: `"string"`,
    /// `"integer"`, `"number"`, `"boolean"`, `"array"`, `"object"` (maps), or `"any"` for a
    /// type whose serialization the declaration does not show (your own structs and enums).
    ///
    /// ```
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 400)]
    ///     Invalid { names: Vec<String>, limit: Option<u32> },
    /// }
    ///
    /// let [names, limit] = E::Invalid { names: vec![], limit: None }.entry().fields() else { panic!() };
    /// assert_eq!((names.json_type(), names.nullable()), ("array", false));
    /// assert_eq!((limit.json_type(), limit.nullable()), ("integer", true));
    /// ```
    #[must_use]
    pub fn json_type(&self) -> &'static str {
        json_type(self.ty).0
    }

    /// Whether the member can be `null`: an `Option` that is not left out when absent.
    #[must_use]
    pub fn nullable(&self) -> bool {
        json_type(self.ty).1 && !self.skip_none
    }
}

/// The JSON type a Rust type as written serializes to (with serde's standard impls), and
/// whether it can be `null`.
fn json_type(ty: &str) -> (&'static str, bool) {
    let ty = ty.trim();
    let ty = ty.strip_prefix('&').map_or(ty, str::trim_start);
    let ty = ty.strip_prefix("'static").map_or(ty, str::trim_start);
    let ty = ty.strip_prefix("mut ").unwrap_or(ty).trim();
    if ty.starts_with('[') || ty.starts_with('(') && ty != "()" {
        return ("array", false);
    }
    let (path, args) = match ty.split_once('<') {
        Some((path, rest)) => (path.trim(), rest.strip_suffix('>').unwrap_or(rest)),
        None => (ty, ""),
    };
    let head = path.rsplit("::").next().unwrap_or(path);
    match head {
        "Option" => (json_type(args).0, true),
        "Box" | "Arc" | "Rc" | "Cow" => {
            // `Cow<'a, str>`: the last argument is the type.
            let inner = args.rsplit(',').next().unwrap_or(args);
            json_type(inner)
        }
        "String" | "str" | "char" | "Uuid" | "Url" | "PathBuf" | "Path" | "IpAddr" | "Ipv4Addr"
        | "Ipv6Addr" | "SocketAddr" => ("string", false),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize"
        | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64" | "NonZeroUsize" => ("integer", false),
        "f32" | "f64" => ("number", false),
        "bool" => ("boolean", false),
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "IndexSet" | "Violations" => ("array", false),
        "HashMap" | "BTreeMap" | "IndexMap" | "Map" | "Duration" => ("object", false),
        "()" => ("any", true),
        _ => ("any", false),
    }
}
