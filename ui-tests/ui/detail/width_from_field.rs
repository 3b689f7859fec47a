use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, detail = "[{label:>width$}]")]
    Padded { label: String, width: usize },
    #[api(status = 400, detail = "{0:.1$}")]
    Precise(f64, usize),
}

fn main() {}
