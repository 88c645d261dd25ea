//! The cost core is a leaf: nothing under `src/cost/` reaches into the rest of the
//! crate (the words, the URL, the state or the front end), so that it could be published
//! as a library of its own. Read from the sources, so a new import fails here at once.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

#[test]
fn the_cost_core_imports_nothing_from_the_rest_of_the_crate() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/cost");
    let mut read = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        read += 1;
        for (i, line) in text.lines().enumerate() {
            let outside = line
                .match_indices("crate::")
                .any(|(at, _)| !line[at..].starts_with("crate::cost"));
            assert!(!outside, "{}:{}: {line}", path.display(), i + 1);
            for foreign in ["yew", "web_sys", "wasm_bindgen", "js_sys"] {
                assert!(
                    !line.contains(&format!("{foreign}::")),
                    "{}:{}: {line}",
                    path.display(),
                    i + 1
                );
            }
        }
    }
    assert!(read >= 5, "read {read} files");
}
