//! Where the pre-rendered page goes in the built `index.html` (`sepconv::prerender`).

use sepconv::prerender::{
    home_link, inject, stylesheet, with_home, with_loader, with_style, EN_ID, FIRST_CHART,
    FIRST_FRAME, HOME_MARK, ISLAND, MARK, PRELOAD_ID, ZH_ID,
};
use sepconv::query;

const MINIFIED: &str = "<!doctype html><body><div id=fatal hidden></div><div id=app><p class=loading \
    role=status>Loading sepconv…</p><noscript><p>Please enable JavaScript.</p></noscript></div></body>";

#[test]
fn the_markup_goes_first_then_the_chinese_page_then_the_loading_line_and_noscript_note() {
    let page = inject(MINIFIED, "<main>13,824</main>", "<main>1.38 万</main>").expect("an #app");
    assert!(page.contains(&format!(
        "<div id=app {MARK}><noscript id={EN_ID}><fieldset class=prerendered disabled lang=en>\
         <main>13,824</main></fieldset></noscript><script type=text/html id={ZH_ID}><fieldset \
         class=prerendered disabled lang=zh-Hans><main>1.38 万</main></fieldset></script><p \
         class=loading role=status>Loading sepconv…</p><noscript>"
    )));
    assert!(page.starts_with("<!doctype html><body><div id=fatal hidden></div>"));
    assert!(page.ends_with("<noscript><p>Please enable JavaScript.</p></noscript></div></body>"));
}

#[test]
fn the_first_frames_shapes_drawn_alike_in_both_languages_are_sent_once() {
    // The wide frame's shapes are the same in both languages, its words not; the tall
    // frame's shapes differ (as they would if a word moved a shape).
    let frame = |size: &str, shapes: &str, words: &str| {
        format!(
            "<svg class=\"scene-svg {size}\"><g id=\"{FIRST_FRAME}-{size}\" class=\"scene-shapes\">\
             {shapes}</g><text>{words}</text></svg>"
        )
    };
    let (wide, tall) = ("<path d=\"M0 0L9 9\"/>", "<path d=\"M1 1\"/>");
    let english = format!(
        "<main>{}{}</main>",
        frame("wide", wide, "input"),
        frame("tall", tall, "input")
    );
    let chinese = format!(
        "<main>{}{}</main>",
        frame("wide", wide, "输入"),
        frame("tall", "<path d=\"M2 2\"/>", "输入")
    );
    let page = inject(MINIFIED, &english, &chinese).expect("an #app");
    let used = format!("<use href=\"#{FIRST_FRAME}-wide\"/>");
    let (before, rest) = page.split_once("<fieldset").expect("the English page");
    let (en, rest) = rest
        .split_once("<script type=text/html")
        .expect("the Chinese page");
    let (zh, after) = rest.split_once("</script>").expect("its end");
    for (page, words) in [(en, "input"), (zh, "输入")] {
        assert!(
            page.contains(&format!(
                "<svg class=\"scene-svg wide\">{used}<text>{words}</text></svg>"
            )),
            "{page}"
        );
        assert!(!page.contains(wide), "{page}");
        assert!(
            page.contains(&format!("<g id=\"{FIRST_FRAME}-tall\"")),
            "each keeps its own: {page}"
        );
    }
    // One copy, before both pages, with the English one, which the script at the end of
    // the page builds with it for either language (and which, where scripts do not run, is
    // the page itself).
    assert!(
        before.ends_with(&format!(
            "<div id=app {MARK}><noscript id={EN_ID}><svg class=first-frames aria-hidden=true width=0 height=0><defs>\
             <g id=\"{FIRST_FRAME}-wide\" class=\"scene-shapes\">{wide}</g></defs></svg>"
        )),
        "{before}"
    );
    assert!(after.starts_with("<p class=loading"), "{after}");
    assert_eq!(page.matches(wide).count(), 1);
}

#[test]
fn a_charts_shapes_go_once_beside_the_pages_and_each_languages_words_too() {
    // A chart's shapes and the words alike in both languages are one group, the same in
    // both pages; its words in one language are a group of their own.
    let chart = |lang: &str, words: &str| {
        format!(
            "<svg class=\"chart-svg wide\"><g id=\"{FIRST_CHART}-c-wide\"><path d=\"M0 0\"/>\
             <text>Dk=3</text></g><g id=\"{FIRST_CHART}-c-wide-{lang}\"><text>{words}</text></g></svg>"
        )
    };
    let english = format!("<main>{}</main>", chart("en", "R (log scale)"));
    let chinese = format!("<main>{}</main>", chart("zh", "R（对数坐标）"));
    let page = inject(MINIFIED, &english, &chinese).expect("an #app");
    let (before, rest) = page.split_once("<fieldset").expect("the English page");
    let (en, rest) = rest
        .split_once("<script type=text/html")
        .expect("the Chinese page");
    let zh = rest.split_once("</script>").expect("its end").0;
    for (page, lang) in [(en, "en"), (zh, "zh")] {
        assert!(
            page.contains(&format!(
                "<svg class=\"chart-svg wide\"><use href=\"#{FIRST_CHART}-c-wide\"/>\
                 <use href=\"#{FIRST_CHART}-c-wide-{lang}\"/></svg>"
            )),
            "{page}"
        );
        assert!(!page.contains("<text>"), "{page}");
    }
    // All three before both pages, the shared one once: each page stays about as long as
    // it was without its charts, which keeps the Chinese one in gzip's window of the other.
    let defs = before.split_once("<defs>").expect("the shared groups").1;
    assert_eq!(
        defs,
        format!(
            "<g id=\"{FIRST_CHART}-c-wide\"><path d=\"M0 0\"/><text>Dk=3</text></g>\
             <g id=\"{FIRST_CHART}-c-wide-en\"><text>R (log scale)</text></g>\
             <g id=\"{FIRST_CHART}-c-wide-zh\"><text>R（对数坐标）</text></g></defs></svg>"
        )
    );
}

#[test]
fn a_source_page_with_quoted_attributes_works_too() {
    let source = MINIFIED.replace("id=app", "id=\"app\"");
    let page = inject(&source, "<main></main>", "<main></main>").expect("an #app to fill");
    assert!(page.contains(&format!(
        "<div id=app {MARK}><noscript id={EN_ID}><fieldset"
    )));
}

#[test]
fn a_page_without_its_app_or_already_pre_rendered_is_refused() {
    assert_eq!(
        inject(
            "<body><div id=main><noscript></noscript></div></body>",
            "x",
            "x"
        ),
        None
    );
    let once = inject(MINIFIED, "<main></main>", "<main></main>").expect("an #app to fill");
    assert_eq!(
        inject(&once, "<main></main>", "<main></main>"),
        None,
        "pre-rendering twice would nest pages"
    );
}

#[test]
fn markup_that_would_end_its_holder_early_is_refused() {
    // Held as text, either page would end at its first `</noscript` or `</script`, and
    // the rest of it would be built as the page itself, for every link.
    for markup in ["<noscript>a</noscript>", "<script>a</script>", "</SCRIPT >"] {
        assert_eq!(inject(MINIFIED, markup, "<main></main>"), None, "{markup}");
        assert_eq!(inject(MINIFIED, "<main></main>", markup), None, "{markup}");
    }
}

/// Trunk's loader as a release build writes it, with its preload links.
const TRUNK: &str =
    "<head><link href=./style-1.css rel=stylesheet><script type=module>import init, \
    * as bindings from './sepconv-abc.js';\nconst wasm = await init({ module_or_path: \
    './sepconv-abc_bg.wasm' });\nwindow.wasmBindings = bindings;</script><link crossorigin \
    href=./sepconv-abc.js rel=modulepreload><link as=fetch crossorigin href=./sepconv-abc_bg.wasm \
    rel=preload type=application/wasm></head><body></body>";

#[test]
fn the_loader_starts_the_island_then_the_app_by_their_built_names() {
    let page = with_loader(TRUNK).expect("a Trunk loader to replace");
    let island = page.find("import('./island.js')").expect("the island");
    let glue = page
        .find("import('./sepconv-abc.js')")
        .expect("the app's glue");
    let wasm = page
        .find("fetch('./sepconv-abc_bg.wasm')")
        .expect("the app's wasm");
    assert!(island < glue && glue < wasm, "the island comes first");
    assert!(
        !page.contains("GLUE") && !page.contains("WASM"),
        "no placeholder is left"
    );
    assert!(
        !page.contains("window.wasmBindings"),
        "Trunk's loader is gone"
    );
    assert!(
        !page.contains("\n//"),
        "the loader's comments stay in the repository"
    );
}

#[test]
fn the_app_is_not_preloaded_before_the_island_has_made_the_page_live() {
    let page = with_loader(TRUNK).expect("a Trunk loader to replace");
    assert!(!page.contains("<link crossorigin"), "{page}");
    assert!(!page.contains("rel=preload"), "{page}");
    assert!(
        page.contains("<link href=./style-1.css rel=stylesheet>"),
        "other links stay"
    );
    assert!(page.ends_with("</script></head><body></body>"));
}

#[test]
fn the_page_fetches_the_island_or_on_a_link_to_another_layer_the_app_while_it_parses() {
    let page = with_loader(TRUNK).expect("a Trunk loader to replace");
    let script = page
        .find(&format!("<script id={PRELOAD_ID}>"))
        .expect("the preload script");
    let stylesheet = page
        .find("<link href=./style-1.css")
        .expect("the stylesheet");
    assert!(
        script < stylesheet,
        "it comes before the stylesheet: {page}"
    );
    let end = script + page[script..].find("</script>").expect("its end");
    let code = &page[script..end];
    let (linked, otherwise) = code
        .split_once("hasAttribute('data-linked') ?")
        .and_then(|(_, choice)| choice.split_once(" : "))
        .expect("the app's files for a link to another layer, the island's otherwise");
    assert!(
        linked.contains("['modulepreload', './sepconv-abc.js']")
            && linked.contains("['preload', './sepconv-abc_bg.wasm', 'fetch']"),
        "{code}"
    );
    let [glue, wasm] = ISLAND;
    assert!(
        otherwise.contains(&format!("['modulepreload', './{glue}']"))
            && otherwise.contains(&format!("['preload', './{wasm}', 'fetch']")),
        "{code}"
    );
    assert!(!otherwise.contains("sepconv-abc"), "not the app: {code}");
    // The same files that the loader then imports and fetches.
    assert!(
        page.contains(&format!("import('./{glue}')"))
            && page.contains(&format!("module_or_path: './{wasm}'")),
        "{page}"
    );
    assert!(
        !page.contains("ISLAND_"),
        "every name is written in: {page}"
    );
}

#[test]
fn the_stylesheet_goes_into_the_page_in_place_of_its_link() {
    let page = "<head><script>1</script><link href=./style-0a1b.css rel=stylesheet><link \
                href=./favicon-2c.svg rel=icon></head>";
    assert_eq!(stylesheet(page), Some("style-0a1b.css"));
    assert_eq!(
        with_style(page, "body{margin:0}").as_deref(),
        Some(
            "<head><script>1</script><style>body{margin:0}</style><link href=./favicon-2c.svg \
             rel=icon></head>"
        )
    );
    // As the source page writes it, with its attributes quoted.
    let quoted = "<link rel=\"icon\" href=\"i.svg\"><link rel=\"stylesheet\" href=\"./s.css\">";
    assert_eq!(stylesheet(quoted), Some("s.css"));
    assert_eq!(
        with_style(quoted, "p{}").as_deref(),
        Some("<link rel=\"icon\" href=\"i.svg\"><style>p{}</style>")
    );
}

#[test]
fn a_stylesheet_link_is_read_as_trunk_writes_it_unminified_and_by_any_rel_that_names_it() {
    let page =
        "<link rel=\"stylesheet\" href=\"./style-1f.css\"/><link rel=\"icon\" href=\"i.svg\"/>";
    assert_eq!(stylesheet(page), Some("style-1f.css"));
    assert_eq!(
        with_style(page, "p{}").as_deref(),
        Some("<style>p{}</style><link rel=\"icon\" href=\"i.svg\"/>")
    );
    assert_eq!(
        stylesheet("<link rel=\"preload StyleSheet\" href=s.css>"),
        Some("s.css")
    );
}

#[test]
fn a_stylesheet_anywhere_but_beside_the_page_is_not_taken_for_a_file_there() {
    for href in [
        "/style-1f.css",
        "../style.css",
        "css/style.css",
        "s.css?v=2",
        "https://x.org/s.css",
        "./",
    ] {
        let page = format!("<link href={href} rel=stylesheet>");
        assert_eq!(stylesheet(&page), None, "{href}");
    }
}

#[test]
fn a_stylesheet_that_would_end_its_style_early_or_a_page_without_one_is_refused() {
    let page = "<head><link href=./s.css rel=stylesheet></head>";
    assert_eq!(with_style(page, "p::after{content:'</STYLE>'}"), None);
    assert_eq!(
        stylesheet("<head><link href=./i.svg rel=icon></head>"),
        None
    );
    assert_eq!(
        with_style("<head><link href=./i.svg rel=icon></head>", "p{}"),
        None
    );
}

#[test]
fn a_page_without_trunks_loader_is_refused() {
    assert_eq!(with_loader("<head></head><body></body>"), None);
}

#[test]
fn the_default_pages_own_link_is_what_the_app_writes_for_it_less_language_and_colours() {
    // As the address bar shows it after a first visit (see query.rs).
    assert_eq!(
        home_link(),
        "df=8&dk=3&m=3&n=8&pad=same&stride=1&dil=1&mode=separable&step=0"
    );
    let page = with_home("<script>var home = 'HOME_LINK'.split('&');</script>").expect("a mark");
    assert_eq!(
        page,
        format!("<script>var home = '{}'.split('&');</script>", home_link())
    );
    assert_eq!(with_home("<script></script>"), None, "no {HOME_MARK}");
}

/// The rule the script in `<head>` applies, proved for every link it lets through: any
/// of the default link's pairs, each at most once and in any order, read back as the
/// bare page does, without a problem to name. So the pre-rendered page is that link's.
#[test]
fn every_link_made_only_of_the_default_links_pairs_is_the_default_page() {
    let bare = query::parse("");
    assert!(bare.problems.is_empty());
    let link = home_link();
    let pairs: Vec<&str> = link.split('&').collect();
    for subset in 0..1u32 << pairs.len() {
        let mut chosen: Vec<&str> = (0..pairs.len())
            .filter(|at| subset & 1 << at != 0)
            .map(|at| pairs[at])
            .collect();
        for _ in 0..2 {
            let query = format!("?{}", chosen.join("&"));
            assert_eq!(query::parse(&query), bare, "{query}");
            chosen.reverse();
        }
    }
}
