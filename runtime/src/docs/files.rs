//! The catalog as files: `errors.md`, a page per code, `catalog.json` and `openapi.json`.

use std::path::{Path, PathBuf};

use super::{ServiceCatalog, Table, markdown};
use crate::envelope::Envelope;

impl ServiceCatalog {
    /// Every generated file, as `(relative path, contents)`: `errors.md` (the table, grouped by
    /// category), `errors/<CODE>.md` (a page per code), `catalog.json`, `openapi.json`.
    #[must_use]
    pub fn files(&self, envelope: &dyn Envelope) -> Vec<(PathBuf, String)> {
        let mut files = vec![(
            PathBuf::from("errors.md"),
            format!(
                "# {} errors\n\n{}",
                markdown::text(self.title()),
                Table::new(self).with_grouping(true)
            ),
        )];
        for entry in self.entries() {
            files.push((
                PathBuf::from("errors").join(format!("{}.md", entry.code())),
                self.page(entry, envelope),
            ));
        }
        files.push((PathBuf::from("catalog.json"), pretty(&self.catalog_json())));
        files.push((PathBuf::from("openapi.json"), pretty(&self.openapi(envelope))));
        files
    }

    /// Writes [`ServiceCatalog::files`] under `dir`.
    ///
    /// # Errors
    /// When a directory or file cannot be written.
    pub fn write_files(&self, envelope: &dyn Envelope, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        for (path, contents) in self.files(envelope) {
            let path = dir.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, contents)?;
            written.push(path);
        }
        Ok(written)
    }
}

/// Pretty JSON with a final newline, for files.
pub(crate) fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
