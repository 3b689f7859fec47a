//! Framework integrations, each behind its cargo feature. A type asks for an impl with
//! `#[api(axum)]`, `#[api(actix_web)]` or `#[api(utoipa)]`; the derive then invokes one of the
//! macros below, which expands to the impl when the feature is on and to a `compile_error!`
//! naming the feature when it is off. A type that asks for nothing gets nothing, whichever
//! features other crates in the build turned on (cargo unifies features across the graph).

#[cfg(feature = "actix-web-4")]
pub mod actix;
#[cfg(feature = "aide-0_15")]
pub mod aide;
#[cfg(feature = "axum-0_8")]
pub mod axum;
#[cfg(any(feature = "axum-0_8", feature = "actix-web-4"))]
mod context;
#[cfg(feature = "tonic-0_14")]
pub mod tonic;
#[cfg(feature = "utoipa-6")]
pub mod utoipa;

#[cfg(any(feature = "axum-0_8", feature = "actix-web-4"))]
pub use context::RequestContext;

#[cfg(feature = "axum-0_8")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    // The envelope is the entry's (the type's `envelope`), else the service's (`ServiceErrors`),
    // else RFC 9457.
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)* $($where)* {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_service_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum-0_8"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(axum)] needs the `axum-0_8` feature of apierror: apierror = { version = \"...\", features = [\"axum-0_8\"] }"
        );
    };
}

#[cfg(feature = "actix-web-4")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    // The envelope is the entry's (the type's `envelope`), else the service's (`ServiceErrors`),
    // else RFC 9457.
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::actix_web::Error $($where)* {
            fn from(error: $($ty)*) -> Self {
                $crate::actix::into_service_error(&error)
            }
        }
    };
}

#[cfg(not(feature = "actix-web-4"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(actix_web)] needs the `actix-web-4` feature of apierror: apierror = { version = \"...\", features = [\"actix-web-4\"] }"
        );
    };
}

#[cfg(feature = "aide-0_15")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {}) => {
        $crate::__impl_aide! { {$($generics)*} {$($ty)*} {$($where)*} {$crate::Problem::new()} }
    };
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::aide::OperationOutput for $($ty)* $($where)* {
            type Inner = Self;

            fn inferred_responses(
                _: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> $crate::__private::Vec<(
                $crate::__private::Option<u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::aide::responses::<Self>(&($($envelope)*))
            }
        }
    };
}

#[cfg(not(feature = "aide-0_15"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(aide)] needs the `aide-0_15` feature of apierror: apierror = { version = \"...\", features = [\"aide-0_15\"] }"
        );
    };
}

#[cfg(feature = "tonic-0_14")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status $($where)* {
            fn from(error: $($ty)*) -> Self {
                $crate::tonic::__status(&error, ::core::env!("CARGO_PKG_NAME"))
            }
        }
    };
}

#[cfg(not(feature = "tonic-0_14"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(tonic)] needs the `tonic-0_14` feature of apierror: apierror = { version = \"...\", features = [\"tonic-0_14\"] }"
        );
    };
}

#[cfg(feature = "utoipa-6")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {}) => {
        $crate::__impl_utoipa! { {$($generics)*} {$($ty)*} {$($where)*} {$crate::Problem::new()} }
    };
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where)* {
            fn responses() -> $crate::utoipa::Responses {
                $crate::utoipa::responses::<Self>(&($($envelope)*))
            }
        }
    };
}

#[cfg(not(feature = "utoipa-6"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(utoipa)] needs the `utoipa-6` feature of apierror: apierror = { version = \"...\", features = [\"utoipa-6\"] }"
        );
    };
}

#[cfg(feature = "client")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_decode {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($body:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::client::FromRemote for $($ty)* $($where)* {
            $($body)*
        }
    };
}

#[cfg(not(feature = "client"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_decode {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(decode)] needs the `client` feature of apierror: apierror = { version = \"...\", features = [\"client\"] }"
        );
    };
}

#[cfg(feature = "schemars-1")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_schemas {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($body:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::docs::MemberSchemas for $($ty)* $($where)* {
            $($body)*
        }
    };
}

#[cfg(not(feature = "schemars-1"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_schemas {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "#[api(schemas)] needs the `schemars-1` feature of apierror: apierror = { version = \"...\", features = [\"schemars-1\"] }"
        );
    };
}

/// A type that documents one operation's errors exactly, for `#[utoipa::path(responses(...))]`
/// (with `utoipa-6`) and aide's `OperationOutput` (with `aide-0_15`): the codes the
/// `Operation` ([`docs::Operation`](https://docs.rs/apierror/latest/apierror/docs/struct.Operation.html)) names (`returns_only` picks some codes of a type) and
/// the framework errors that apply to it (405, 500, a path parameter's 400, a JSON body's
/// 400/413/415/422, ...), with the default framework entries unless `framework = ...` gives the
/// service's, in RFC 9457 unless `envelope = ...` gives another.
///
/// ```
/// # #[cfg(feature = "docs")] {
/// use apierror::ApiError;
/// use apierror::docs::Operation;
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     #[api(status = 404)]
///     OrderNotFound,
///     #[api(status = 409)]
///     OrderLocked,
/// }
///
/// apierror::operation_errors! {
///     /// What `GET /orders/{id}` answers with when it fails.
///     pub struct GetOrderErrors = Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]);
/// }
/// // `#[utoipa::path(get, path = "/orders/{id}", responses(GetOrderErrors))]`
/// # let _ = GetOrderErrors;
/// # }
/// ```
#[macro_export]
macro_rules! operation_errors {
    ($(#[$meta:meta])* $vis:vis struct $name:ident = $operation:expr
        $(, framework = $framework:expr)? $(, envelope = $envelope:expr)? $(,)?;) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default)]
        $vis struct $name;

        impl $name {
            /// The operation, its framework entries and its envelope.
            #[allow(dead_code, reason = "read by the integrations the crate turns on")]
            fn __apierror_operation() -> (
                $crate::docs::Operation,
                $crate::FrameworkErrors,
                $crate::__private::Box<dyn $crate::envelope::Envelope>,
            ) {
                #[allow(unused_variables)]
                let framework = $crate::FrameworkErrors::new();
                $(let framework = $framework;)?
                #[allow(unused_variables)]
                let envelope: $crate::__private::Box<dyn $crate::envelope::Envelope> =
                    $crate::__private::Box::new($crate::Problem::new());
                $(let envelope: $crate::__private::Box<dyn $crate::envelope::Envelope> =
                    $crate::__private::Box::new($envelope);)?
                ($operation, framework, envelope)
            }
        }

        $crate::__operation_errors_utoipa!($name);
        $crate::__operation_errors_aide!($name);
    };
}

#[cfg(feature = "utoipa-6")]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_errors_utoipa {
    ($name:ident) => {
        impl $crate::__private::utoipa::IntoResponses for $name {
            fn responses() -> $crate::utoipa::Responses {
                let (operation, framework, envelope) = $name::__apierror_operation();
                $crate::utoipa::operation_responses(&operation, &framework, &*envelope)
            }
        }
    };
}

#[cfg(not(feature = "utoipa-6"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_errors_utoipa {
    ($name:ident) => {};
}

#[cfg(feature = "aide-0_15")]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_errors_aide {
    ($name:ident) => {
        impl $crate::__private::aide::OperationOutput for $name {
            type Inner = Self;

            fn inferred_responses(
                _: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> $crate::__private::Vec<(
                $crate::__private::Option<u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                let (operation, framework, envelope) = $name::__apierror_operation();
                $crate::aide::operation_responses(&operation, &framework, &*envelope)
            }
        }
    };
}

#[cfg(not(feature = "aide-0_15"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_errors_aide {
    ($name:ident) => {};
}
