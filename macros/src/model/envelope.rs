//! What the derive can see of a type's envelope: whether it is RFC 9457 problem details, the
//! members it writes itself, and the member names `with_code_member` may not take.

use syn::LitStr;

/// Whether an `envelope = ...` expression is problem details: a path or call chain that starts
/// at `Problem` (`apierror::Problem::new().with_code_member("error_code")`).
pub fn is_problem_envelope(expr: &syn::Expr) -> bool {
    starts_at(expr, "Problem")
}

/// Whether an `envelope = ...` expression is AIP-193's `GoogleRpc` (a call chain that starts
/// at a path ending in `GoogleRpc`).
pub fn is_google_rpc_envelope(expr: &syn::Expr) -> bool {
    starts_at(expr, "GoogleRpc")
}

/// Whether the path a call chain starts at names `ty`.
fn starts_at(expr: &syn::Expr, ty: &str) -> bool {
    let mut current = expr;
    loop {
        match current {
            syn::Expr::MethodCall(call) => current = &call.receiver,
            syn::Expr::Call(call) => current = &call.func,
            syn::Expr::Group(group) => current = &group.expr,
            syn::Expr::Paren(paren) => current = &paren.expr,
            syn::Expr::Path(path) => {
                return path.path.segments.iter().any(|s| s.ident == ty);
            }
            _ => return false,
        }
    }
}

/// The member names an `envelope = ...` expression writes itself that the derive can see: the
/// literal argument of each `.with_code_member("...")` call in it (or of `.code_member`, its
/// deprecated 0.2 name).
pub fn envelope_members(expr: &syn::Expr) -> Vec<LitStr> {
    let mut found = Vec::new();
    let mut current = expr;
    loop {
        match current {
            syn::Expr::MethodCall(call) => {
                if (call.method == "with_code_member" || call.method == "code_member")
                    && let [
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(lit),
                            ..
                        }),
                    ] = call.args.iter().collect::<Vec<_>>().as_slice()
                {
                    found.push(lit.clone());
                }
                current = &call.receiver;
            }
            syn::Expr::Group(group) => current = &group.expr,
            syn::Expr::Paren(paren) => current = &paren.expr,
            _ => return found,
        }
    }
}

/// The members RFC 9457 problem details write themselves, which `Problem::with_code_member` refuses
/// (the runtime's `Problem::MEMBERS`; the derive reports a literal name at the literal, and the
/// runtime's const check catches any other).
pub(crate) const PROBLEM_MEMBERS: [&str; 8] = [
    "type", "title", "status", "detail", "instance", "errors", "resolve", "retry",
];

/// The compile error for `with_code_member("name")` when problem details already have `name`.
pub fn reserved_code_member(name: &str) -> Option<String> {
    if name.is_empty() {
        Some("the code member cannot be empty: use `Problem::new().without_code()` for no code member".into())
    } else if PROBLEM_MEMBERS.contains(&name) {
        Some(format!(
            "`{name}` is a member problem details already have ({}): choose another name for the code, such as \"error_code\"",
            PROBLEM_MEMBERS.join(", ")
        ))
    } else {
        None
    }
}
