//! The generated code names nothing through the prelude: it compiles with no implicit prelude
//! and with every common std name shadowed by something else.
#![no_implicit_prelude]
#![allow(dead_code, non_snake_case, non_upper_case_globals, non_camel_case_types)]

struct Result;
struct Option;
struct String;
struct Vec;
struct Box;
struct Debug;
struct Display;
struct Formatter;
struct Duration;
struct Entry;
struct StatusCode;
// Primitives are not in the prelude, but a local type of the same name shadows them.
struct str;
struct usize;
struct u16;
struct u64;
struct bool;
fn Some() {}
fn Ok() {}
fn Err() {}
const None: () = ();
mod core {}
mod std_ {}
mod http {}
mod serde {}

#[derive(::apierror::ApiError)]
#[api(type_base = "https://docs.example.com/errors/", challenge = "Bearer")]
enum Shadowed<'a, T> {
    #[api(status = 401)]
    Auth,
    #[api(
        status = 422,
        detail = "{name} is invalid ({reason:?})",
        resolve(message = "Fix it.")
    )]
    Invalid {
        name: &'a ::core::primitive::str,
        reason: T,
    },
    #[api(status = 503, detail = "{0}", retry_after = 5)]
    Down(#[api(expose, rename = "reason")] &'static ::core::primitive::str),
    #[api(status = 429)]
    Slow {
        #[api(retry_after)]
        wait: ::core::primitive::u32,
    },
    #[api(status = 500)]
    Broken {
        #[api(source)]
        cause: ::std::io::Error,
    },
    #[api(transparent)]
    Inner(::std::boxed::Box<ShadowedStruct>),
}

/// Decoding, optional members and validation errors, under the same shadowing.
#[derive(::apierror::ApiError)]
#[api(decode, skip_none)]
enum ShadowedNewer {
    #[api(status = 422)]
    Invalid {
        errors: ::apierror::Violations,
        hint: ::core::option::Option<::std::string::String>,
    },
    #[api(status = 423, retry = "after_delay")]
    Locked {
        #[api(retry_after, expose)]
        wait: ::core::time::Duration,
    },
}

#[derive(::apierror::ApiError)]
#[api(status = 404, detail = "missing {id}")]
struct ShadowedStruct {
    id: ::core::primitive::u64,
}

#[test]
fn generated_code_is_hygienic() {
    use ::apierror::{ApiError, ApiErrorExt, Catalog};
    let err: Shadowed<'_, u8> = Shadowed::Invalid {
        name: "email",
        reason: 3,
    };
    ::std::assert_eq!(err.code(), "INVALID");
    ::std::assert_eq!(
        ::std::string::ToString::to_string(&err.detail().unwrap()),
        "email is invalid (3)"
    );
    ::std::assert_eq!(<Shadowed<'_, u8> as Catalog>::entries().len(), 5);
    let mut reached = 0;
    <Shadowed<'_, u8> as Catalog>::visit(&mut |_, _| reached += 1);
    ::std::assert_eq!(reached, 6);
    let slow: Shadowed<'_, u8> = Shadowed::Slow { wait: 2 };
    ::std::assert_eq!(slow.retry_after().unwrap().as_secs(), 2);
    ::std::assert_eq!(ShadowedStruct { id: 4 }.status().as_u16(), 404);
    let newer = ShadowedNewer::Invalid {
        errors: ::apierror::Violations::new(),
        hint: ::core::option::Option::None,
    };
    ::std::assert!(newer.violations().is_some());
    ::std::assert!(<ShadowedNewer as ::apierror::client::FromRemote>::decodable(
        "LOCKED"
    ));
}
