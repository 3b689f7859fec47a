//! The README and the rustdoc do not drift: the README's introduction and quick start are the
//! guide's own text (the crate page, `runtime/doc/guide.md`), and everything else the README
//! points to is in the guide or the attribute reference.

fn read(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn readme_quick_start_is_the_guides() {
    let readme = read("README.md");
    let guide = read("runtime/doc/guide.md");
    let quick = &guide[..guide
        .find("The attribute reference (every key")
        .expect("the guide's quick start ends there")];
    assert!(
        readme.contains(quick.trim()),
        "README.md must contain the guide's introduction and quick start verbatim"
    );
}

#[test]
fn readme_clients_section_is_the_guides() {
    let readme = read("README.md");
    let guide = read("runtime/doc/guide.md");
    let start = guide.find("## Clients").expect("the guide has a Clients section");
    let end = start + guide[start..].find("\n## ").expect("a section follows it");
    assert!(
        readme.contains(guide[start..end].trim()),
        "README.md must contain the guide's Clients section verbatim"
    );
}

#[test]
fn readme_service_section_is_the_guides() {
    let readme = read("README.md");
    let guide = read("runtime/doc/guide.md");
    let start = guide
        .find("## One service, one catalog")
        .expect("the guide has the service-level setup");
    let end = start + guide[start..].find("\n## ").expect("a section follows it");
    assert!(
        readme.contains(guide[start..end].trim()),
        "README.md must contain the guide's service-level setup verbatim"
    );
}

#[test]
fn readme_validation_errors_are_the_guides() {
    let readme = read("README.md");
    let guide = read("runtime/doc/guide.md");
    let start = guide
        .find("**Validation errors.**")
        .expect("the guide shows validation errors");
    let end = guide
        .find("**Optional members**")
        .expect("and then optional members");
    assert!(
        readme.contains(guide[start..end].trim()),
        "README.md must contain the guide's validation errors verbatim"
    );
}

#[test]
fn public_docs_speak_of_shapes_not_of_the_test_catalogs() {
    for path in ["README.md", "runtime/doc/guide.md", "runtime/doc/attributes.md"] {
        let text = read(path).to_lowercase();
        assert!(!text.contains("seed 0"), "{path} names a test catalog");
    }
}

/// crates.io renders the README as plain Markdown, without rustdoc's intra-doc links: every
/// shortcut link (`` [`Type`] ``) outside code blocks needs a definition in the README itself, or
/// it shows as literal brackets.
#[test]
fn readme_links_resolve_without_rustdoc() {
    let readme = read("README.md");
    let mut prose = String::new();
    let mut in_code = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    let mut undefined = Vec::new();
    let mut rest = prose.as_str();
    while let Some(start) = rest.find("[`") {
        let after = &rest[start + 1..];
        let Some(end) = after.find("`]") else { break };
        let label = &after[..=end];
        let next = after[end + 2..].chars().next();
        // `[label](url)`, `[label][ref]` and `[label]: url` are links already.
        if !matches!(next, Some('(' | '[' | ':')) && !prose.contains(&format!("[{label}]: ")) {
            undefined.push(label.to_owned());
        }
        rest = &after[end + 2..];
    }
    assert!(
        undefined.is_empty(),
        "README.md links without a definition: {undefined:?}"
    );
}
