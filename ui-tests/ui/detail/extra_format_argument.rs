use apierror::ApiError;

// thiserror takes extra format arguments; `detail` names fields directly instead.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, detail = "{count} items", count = items.len())]
    TooMany { items: Vec<u32> },
}

fn main() {}
