//! The cost core is a leaf: nothing under `src/cost/` reaches into the rest of the
//! crate (the words, the URL, the state or the front end), so that it could be published
//! as a library of its own; and no two modules depend on each other, directly or through
//! others. Read from the sources, so a new import fails here at once.
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

/// The crate's top-level modules (`src/x.rs` or `src/x/`) and the ones each uses.
fn module_uses() -> Vec<(String, Vec<String>)> {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut modules = Vec::new();
    for entry in fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if ["lib", "main", "bin"].contains(&name.as_str()) {
            continue;
        }
        let mut files = vec![path.clone()];
        let mut text = String::new();
        while let Some(file) = files.pop() {
            if file.is_dir() {
                files.extend(fs::read_dir(&file).unwrap().map(|e| e.unwrap().path()));
            } else if file.extension().is_some_and(|e| e == "rs") {
                text.push_str(&fs::read_to_string(&file).unwrap());
            }
        }
        let mut uses: Vec<String> = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(|line| {
                line.match_indices("crate::")
                    .map(move |(at, _)| &line[at + 7..])
            })
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            })
            .filter(|used: &String| *used != name)
            .collect();
        uses.sort();
        uses.dedup();
        modules.push((name, uses));
    }
    modules
}

#[test]
fn no_two_modules_import_each_other_even_through_others() {
    let modules = module_uses();
    assert!(modules.len() >= 10, "read {modules:?}");
    let uses = |name: &str| {
        modules
            .iter()
            .find(|(m, _)| m == name)
            .map_or(&[][..], |(_, u)| &u[..])
    };
    // From each module, every module it reaches; reaching itself is a cycle.
    for (start, _) in &modules {
        let mut seen = vec![start.clone()];
        let mut stack = vec![vec![start.clone()]];
        while let Some(trail) = stack.pop() {
            for next in uses(trail.last().unwrap()) {
                let trail = [&trail[..], std::slice::from_ref(next)].concat();
                assert_ne!(next, start, "a cycle: {}", trail.join(" -> "));
                if !seen.contains(next) {
                    seen.push(next.clone());
                    stack.push(trail);
                }
            }
        }
    }
}
