use apierror::ApiError;

// AIP-193 metadata keys have two or more characters: a one-letter field cannot be one.
#[derive(Debug, ApiError)]
#[api(envelope = GoogleRpc(domain = "example.com"))]
enum E {
    #[api(status = 400)]
    Bad {
        #[api(expose)]
        x: u32,
    },
}

fn main() {}
