//! Where the pre-rendered page goes in the built `index.html` (`sepconv::prerender`).

use sepconv::prerender::{inject, MARK};

const MINIFIED: &str = "<!doctype html><body><div id=fatal hidden></div><div id=app><p class=loading \
    role=status>Loading sepconv…</p><noscript><p>Please enable JavaScript.</p></noscript></div></body>";

#[test]
fn the_markup_goes_first_and_the_loading_line_and_noscript_note_stay() {
    let page = inject(MINIFIED, "<main>13,824</main>").expect("an #app to fill");
    assert!(page.contains(&format!(
        "<div id=app {MARK}><fieldset class=prerendered disabled><main>13,824</main></fieldset>\
         <p class=loading role=status>Loading sepconv…</p><noscript>"
    )));
    assert!(page.starts_with("<!doctype html><body><div id=fatal hidden></div>"));
    assert!(page.ends_with("<noscript><p>Please enable JavaScript.</p></noscript></div></body>"));
}

#[test]
fn a_source_page_with_quoted_attributes_works_too() {
    let source = MINIFIED.replace("id=app", "id=\"app\"");
    let page = inject(&source, "<main></main>").expect("an #app to fill");
    assert!(page.contains(&format!("<div id=app {MARK}><fieldset")));
}

#[test]
fn a_page_without_its_app_or_already_pre_rendered_is_refused() {
    assert_eq!(
        inject("<body><div id=main><noscript></noscript></div></body>", "x"),
        None
    );
    let once = inject(MINIFIED, "<main></main>").expect("an #app to fill");
    assert_eq!(
        inject(&once, "<main></main>"),
        None,
        "pre-rendering twice would nest pages"
    );
}
