use apierror::ApiError;

// AIP-193 metadata keys are at most 64 characters.
#[derive(Debug, ApiError)]
#[api(envelope = GoogleRpc(domain = "example.com"))]
enum E {
    #[api(status = 400)]
    Bad {
        #[api(expose, rename = "aVeryLongMetadataKeyThatGoesOnAndOnAndOnPastTheSixtyFourCharacterLimit")]
        limit: u32,
    },
}

fn main() {}
