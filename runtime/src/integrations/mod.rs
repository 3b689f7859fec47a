//! Framework integrations, each behind its cargo feature. The derive always invokes
//! [`__integrations!`](crate::__integrations); each arm expands to an impl only when its feature
//! is on, so a user who leaves a feature off gets no error and no extra dependency.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod context;
#[cfg(feature = "utoipa")]
pub mod utoipa;

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use context::RequestContext;

/// Emitted by the derive for every type: `{impl generics} {type} {where clause} {envelope}`.
#[doc(hidden)]
#[macro_export]
macro_rules! __integrations {
    ($generics:tt $ty:tt $where:tt $envelope:tt) => {
        $crate::__impl_axum!($generics $ty $where $envelope);
        $crate::__impl_actix!($generics $ty $where $envelope);
        $crate::__impl_utoipa!($generics $ty $where $envelope);
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)* $($where)* {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_response(&self, &($($envelope)*))
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::actix_web::Error $($where)* {
            fn from(error: $($ty)*) -> Self {
                $crate::actix::into_error(&error, &($($envelope)*))
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where:tt)*} {$($envelope:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where)* {
            fn responses() -> $crate::utoipa::Responses {
                $crate::utoipa::responses::<Self>(&($($envelope)*))
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($tokens:tt)*) => {};
}
