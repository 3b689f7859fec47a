use apierror::ApiError;

// The derive fails (status 200), but `Display` from `#[api(display)]` is still there: only the
// status is reported, not a missing `Display` where the type is printed.
#[derive(Debug, ApiError)]
#[api(display)]
enum E {
    #[api(status = 200)]
    Fine,
}

fn main() {
    println!("{}", E::Fine);
}
