use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, detail = "use {json} or }")]
    Invalid { json: String },
}

fn main() {}
