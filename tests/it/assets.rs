//! completions/ and man/ are generated from the command line; this fails when they are
//! stale. Regenerate with: UPDATE_ASSETS=1 cargo test --test it assets::

use std::path::PathBuf;

use postiz_connect::assets;
use postiz_connect::providers::Catalog;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn completions_and_man_pages_are_fresh() {
    let catalog = Catalog::embedded();
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        assets::write_all(&root(), &catalog).unwrap();
    }
    let mut stale = Vec::new();
    let expected: Vec<(String, Vec<u8>)> = assets::completions(&catalog)
        .into_iter()
        .map(|(n, b)| (format!("completions/{n}"), b))
        .chain(
            assets::man_pages(&catalog)
                .unwrap()
                .into_iter()
                .map(|(n, b)| (format!("man/{n}"), b)),
        )
        .collect();
    for (path, bytes) in &expected {
        if std::fs::read(root().join(path)).ok().as_ref() != Some(bytes) {
            stale.push(path.clone());
        }
    }
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let rel = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            if !expected.iter().any(|(p, _)| *p == rel) {
                stale.push(format!("{rel} (no longer generated)"));
            }
        }
    }
    assert!(stale.is_empty(), "stale generated files: {stale:?}\nregenerate with: UPDATE_ASSETS=1 cargo test --test it assets::");
}

#[test]
fn man_page_documents_exit_codes_and_every_command() {
    let pages = assets::man_pages(&Catalog::embedded()).unwrap();
    let main = String::from_utf8(pages[0].1.clone()).unwrap();
    assert!(main.contains("Exit codes"));
    for sub in [
        "connect",
        "status",
        "token",
        "logout",
        "providers",
        "completions",
        "twitter",
        "custom",
    ] {
        assert!(
            pages
                .iter()
                .any(|(n, _)| n == &format!("postiz-connect-{sub}.1")),
            "{sub}"
        );
    }
}
