use apierror::ApiError;

// A client error's message is shown, so the fields it reads become metadata too: `n` cannot.
#[derive(Debug, ApiError)]
#[api(envelope = GoogleRpc(domain = "example.com"))]
enum E {
    #[api(status = 400, detail = "needs {n} more")]
    Short { n: u32 },
}

fn main() {}
