use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, detail = "{usage_typ} limit reached")]
    UsageLimit { usage_type: String },
}

fn main() {}
