//! Rendering allocates nothing beyond the caller's buffer: counted with a global allocator that
//! counts calls per thread (this test binary only; tests run in parallel). Counts, not timings.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, Output, SuccessFlag};
use apierror::{ApiError, ApiErrorExt, Context, Problem};

struct Counting;

thread_local! {
    /// This thread's allocations; a `const` initializer, so counting never allocates itself.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: a thread being torn down has no counter, and allocating then is not an error.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: forwards to the system allocator and only counts calls.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[derive(Debug, ApiError)]
#[api(type_base = "https://docs.example.com/errors/")]
enum QuotaError {
    #[api(
        status = 429,
        retry_after = 60,
        detail = "{usage_type} limit reached for your plan.",
        resolve(
            message = "Upgrade your plan.",
            url = "https://app.example.com/billing",
            action = "select_plan"
        )
    )]
    UsageLimitExceeded {
        usage_type: &'static str,
        current: u32,
        limit: u32,
    },
    #[api(status = 500, detail = "Internal error.")]
    Internal,
}

fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn rendering_into_a_reused_buffer_does_not_allocate() {
    let formatted = QuotaError::UsageLimitExceeded {
        usage_type: "Scoring \"pro\"\n",
        current: 5,
        limit: 5,
    };
    let cx = Context::new()
        .with_request_id("req_7Hq")
        .with_instance("/v1/score")
        .with_version("v1");
    // String-valued metadata (AIP-193) converts non-string fields, which takes one allocation;
    // every other envelope writes only into the buffer.
    let envelopes: [(&dyn Envelope, usize); 6] = [
        (&Problem::new(), 0),
        (&CodeMessage, 0),
        (&ErrorString, 0),
        (&SuccessFlag, 0),
        (&JsonApi, 0),
        (&GoogleRpc::new("example.com"), 2),
    ];
    let mut out = Vec::with_capacity(4096);
    for (envelope, expected) in envelopes {
        for error in [&formatted as &dyn ApiError, &QuotaError::Internal] {
            out.clear();
            let count = allocations_of(|| envelope.render(error, &cx, &mut Output::new(&mut out)).unwrap());
            let expected = if error.code() == "INTERNAL" { 0 } else { expected };
            assert_eq!(count, expected, "{} in {}", error.code(), envelope.content_type());
            assert!(!out.is_empty());
        }
    }
}

#[test]
fn a_custom_envelope_on_the_public_api_does_not_allocate() {
    use apierror_tests::stripe::{CardError, Stripe};

    let declined = CardError::CardDeclined {
        param: "card_number".into(),
        decline_code: "do_not_honor".into(),
    };
    let mut out = Vec::with_capacity(4096);
    let count = allocations_of(|| {
        Stripe
            .render(&declined, &Context::new(), &mut Output::new(&mut out))
            .unwrap();
    });
    assert_eq!(count, 0, "{}", String::from_utf8_lossy(&out));
}
