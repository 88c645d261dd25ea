//! Where the pre-rendered page goes in the built `index.html` (`sepconv::prerender`).

use sepconv::prerender::changes::{changes, patch, Step};
use sepconv::prerender::{
    home_link, inject, stylesheet, with_home, with_loader, with_style, Prerendered, EN_ID,
    FIRST_CHART, FIRST_FRAME, HOME_MARK, ISLAND, MARK, PRELOAD_ID, ZH_FILE_ATTR, ZH_GLOBAL,
};
use sepconv::query;

const MINIFIED: &str = "<!doctype html><body><div id=fatal hidden></div><div id=app><p class=loading \
    role=status>Loading sepconv…</p><noscript><p>Please enable JavaScript.</p></noscript></div></body>";

/// The Chinese page that the script at the end of the page writes from the English one
/// with the steps that the Chinese page's script hands it (a JavaScript array of numbers
/// and strings).
fn chinese_markup(built: &Prerendered) -> String {
    let list = built
        .chinese
        .rsplit_once("})([")
        .and_then(|(_, rest)| rest.strip_suffix("]);"))
        .expect("a call with one array");
    let mut steps = Vec::new();
    let mut chars = list.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ',' => {}
            '"' => {
                let mut text = String::new();
                loop {
                    match chars.next().expect("the string's end") {
                        '"' => break,
                        '\\' => match chars.next().expect("an escape") {
                            'n' => text.push('\n'),
                            'r' => text.push('\r'),
                            'u' => {
                                let hex: String = chars.by_ref().take(4).collect();
                                let code = u32::from_str_radix(&hex, 16).expect("four hex digits");
                                text.push(char::from_u32(code).expect("a char"));
                            }
                            other => text.push(other),
                        },
                        c => text.push(c),
                    }
                }
                steps.push(Step::Write(text));
            }
            _ => {
                let mut number = String::from(c);
                while let Some(digit) = chars.next_if(|c| c.is_ascii_digit()) {
                    number.push(digit);
                }
                let n: i64 = number.parse().expect("a number");
                let len = usize::try_from(n.unsigned_abs()).expect("a length");
                steps.push(if n < 0 {
                    Step::Skip(len)
                } else {
                    Step::Copy(len)
                });
            }
        }
    }
    // The steps go from the whole English holder (the pictures' groups, then the page);
    // what follows those groups is the Chinese page.
    let english = built
        .page
        .split_once(&format!("<noscript id={EN_ID}"))
        .and_then(|(_, rest)| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split_once("</noscript>"))
        .map(|(holder, _)| holder)
        .expect("the English page");
    let shared = english.split_once("<fieldset").expect("the English page").0;
    let chinese = patch(english, &steps).expect("steps that fit the English page");
    chinese
        .strip_prefix(shared)
        .expect("the pictures' groups first")
        .to_owned()
}

#[test]
fn the_english_page_goes_first_then_the_loading_line_and_the_chinese_page_in_a_file() {
    let built = inject(MINIFIED, "<main>13,824</main>", "<main>1.38 万</main>").expect("an #app");
    let file = &built.chinese_file;
    assert!(
        file.starts_with("prerendered-zh-") && file.ends_with(".js") && file.len() == 34,
        "{file}"
    );
    assert!(built.page.contains(&format!(
        "<div id=app {MARK}><noscript id={EN_ID} {ZH_FILE_ATTR}={file}><fieldset class=prerendered \
         disabled lang=en><main>13,824</main></fieldset></noscript><p class=loading \
         role=status>Loading sepconv…</p><noscript>"
    )));
    assert!(
        !built.page.contains("万"),
        "no Chinese for an English reader"
    );
    assert!(built
        .page
        .starts_with("<!doctype html><body><div id=fatal hidden></div>"));
    assert!(built
        .page
        .ends_with("<noscript><p>Please enable JavaScript.</p></noscript></div></body>"));
    assert_eq!(
        chinese_markup(&built),
        "<fieldset class=prerendered disabled lang=zh-Hans><main>1.38 万</main></fieldset>"
    );
    // It hands the page to the script that builds it, or waits for it.
    assert!(built.chinese.contains(&format!("self.{ZH_GLOBAL} = page")));
    assert!(built.chinese.contains("waiting(page)"));
}

#[test]
fn the_chinese_pages_file_is_named_for_what_it_holds() {
    let name = |chinese: &str| {
        inject(MINIFIED, "<main></main>", chinese)
            .expect("an #app")
            .chinese_file
    };
    assert_eq!(name("<main>一</main>"), name("<main>一</main>"));
    assert_ne!(name("<main>一</main>"), name("<main>二</main>"));
}

#[test]
fn the_chinese_pages_words_read_as_strings_that_no_html_parser_ends_or_comments_out() {
    // The single file writes the script into itself, where `</script` or `<!--` in a
    // string would end the script or hide what follows.
    let markup = "<main title=\"a \\ b\">x</script><!-- y\n\u{2028}</SCRIPT></main>";
    let built = inject(MINIFIED, "<main></main>", markup).expect("an #app");
    let lower = built.chinese.to_ascii_lowercase();
    assert!(
        !lower.contains("</script") && !lower.contains("<!--"),
        "{}",
        built.chinese
    );
    assert!(!built.chinese.contains('\n') && !built.chinese.contains('\u{2028}'));
    assert_eq!(
        chinese_markup(&built),
        format!("<fieldset class=prerendered disabled lang=zh-Hans>{markup}</fieldset>")
    );
}

#[test]
fn the_chinese_page_is_sent_as_what_differs_from_the_english_one() {
    let english = "<main><canvas id=\"bars\" class=\"chart-canvas\" data-standard=\"13824\" \
                   aria-label=\"Multiplications\"></canvas><p>Standard: 13,824</p></main>";
    let chinese = "<main><canvas id=\"bars\" class=\"chart-canvas\" data-standard=\"13824\" \
                   aria-label=\"乘法次数\"></canvas><p>标准卷积：1.38 万</p></main>";
    let built = inject(MINIFIED, english, chinese).expect("an #app");
    assert_eq!(
        chinese_markup(&built),
        format!("<fieldset class=prerendered disabled lang=zh-Hans>{chinese}</fieldset>")
    );
    // The tag whose label alone differs is not sent again; the words are.
    assert!(
        !built.chinese.contains("data-standard"),
        "{}",
        built.chinese
    );
    assert!(built.chinese.contains("乘法次数") && built.chinese.contains("标准卷积"));
}

#[test]
fn the_steps_write_one_text_from_another_in_javascripts_units() {
    // Characters of one, two and four bytes, and of one and two UTF-16 units.
    let cases = [
        ("", "<p>一</p>"),
        ("<p>a</p>", ""),
        ("<p>a 🙂 b</p><i>same</i>", "<p>a 🙃 c</p><i>same</i>"),
        (
            "<g><text x=\"1\">Ratio</text></g>",
            "<g><text x=\"1\">比值</text><text>R</text></g>",
        ),
    ];
    for (from, to) in cases {
        let steps = changes(from, to);
        assert_eq!(
            patch(from, &steps).as_deref(),
            Some(to),
            "{from} → {to}: {steps:?}"
        );
    }
    // 🙂 is two units in JavaScript: a step of one would cut it.
    assert_eq!(patch("🙂", &[Step::Copy(2)]).as_deref(), Some("🙂"));
    assert_eq!(patch("🙂", &[Step::Copy(1)]), None);
    assert_eq!(patch("ab", &[Step::Copy(3)]), None);
    assert_eq!(patch("ab", &[Step::Skip(3)]), None);
    assert_eq!(patch("ab", &[Step::Skip(usize::MAX), Step::Copy(1)]), None);
    // Steps that stop short of the end are for another page.
    assert_eq!(patch("ab", &[Step::Copy(1)]), None);
}

#[test]
fn texts_too_unlike_to_compare_word_by_word_are_sent_whole() {
    // 5,000 words each, none alike, between spaces: a table of 100 million cells, past the
    // limit.
    let words = |prefix: &str| {
        (0..5000)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (from, to) = (words("a"), words("b"));
    let steps = changes(&from, &to);
    assert_eq!(steps, [Step::Skip(from.len()), Step::Write(to.clone())]);
    assert_eq!(patch(&from, &steps), Some(to));
}

// Proptest runs natively (the wasm target's tests have no use for it).
#[cfg(not(target_arch = "wasm32"))]
mod any_text {
    use proptest::prelude::*;
    use sepconv::prerender::changes::{changes, patch, Step};

    proptest! {
        #[test]
        fn the_steps_write_any_text_from_any_other(
            from in "[<>\"= a-c一二🙂\n]{0,40}",
            to in "[<>\"= a-d一三🙃\n]{0,40}",
        ) {
            let steps = changes(&from, &to);
            prop_assert_eq!(patch(&from, &steps), Some(to));
            // Each step does something, and differs in kind from the one before.
            for pair in steps.windows(2) {
                prop_assert_ne!(std::mem::discriminant(&pair[0]), std::mem::discriminant(&pair[1]));
            }
            prop_assert!(!steps.contains(&Step::Copy(0)) && !steps.contains(&Step::Skip(0)));
            prop_assert!(!steps.contains(&Step::Write(String::new())));
        }
    }
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
    let built = inject(MINIFIED, &english, &chinese).expect("an #app");
    let page = &built.page;
    let used = format!("<use href=\"#{FIRST_FRAME}-wide\"/>");
    let (before, rest) = page.split_once("<fieldset").expect("the English page");
    let (en, after) = rest.split_once("</noscript>").expect("its end");
    let zh = &chinese_markup(&built);
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
    // One copy, before the English page, which the script at the end of the page builds
    // with it for either language (and which, where scripts do not run, is the page itself).
    assert!(
        before.ends_with(&format!(
            "<div id=app {MARK}><noscript id={EN_ID} {ZH_FILE_ATTR}={}><svg class=first-frames \
             aria-hidden=true width=0 height=0><defs><g id=\"{FIRST_FRAME}-wide\" \
             class=\"scene-shapes\">{wide}</g></defs></svg>",
            built.chinese_file
        )),
        "{before}"
    );
    assert!(after.starts_with("<p class=loading"), "{after}");
    assert_eq!(page.matches(wide).count(), 1);
    assert!(
        !built.chinese.contains(wide),
        "the Chinese page uses the English one's"
    );
}

#[test]
fn a_charts_shapes_go_once_before_the_english_page_and_each_languages_words_before_its_own() {
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
    let built = inject(MINIFIED, &english, &chinese).expect("an #app");
    let (before, rest) = built
        .page
        .split_once("<fieldset")
        .expect("the English page");
    let en = rest.split_once("</noscript>").expect("its end").0;
    let chinese = chinese_markup(&built);
    let (zh_words, zh) = chinese.split_once("<fieldset").expect("the Chinese page");
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
    // The shared one once, before the English page, with the English words; the Chinese
    // words before the Chinese page, in its file.
    let defs = before.split_once("<defs>").expect("the shared groups").1;
    assert_eq!(
        defs,
        format!(
            "<g id=\"{FIRST_CHART}-c-wide\"><path d=\"M0 0\"/><text>Dk=3</text></g>\
             <g id=\"{FIRST_CHART}-c-wide-en\"><text>R (log scale)</text></g></defs></svg>"
        )
    );
    assert_eq!(
        zh_words,
        format!(
            "<svg class=first-frames aria-hidden=true width=0 height=0><defs>\
             <g id=\"{FIRST_CHART}-c-wide-zh\"><text>R（对数坐标）</text></g></defs></svg>"
        )
    );
}

#[test]
fn a_source_page_with_quoted_attributes_works_too() {
    let source = MINIFIED.replace("id=app", "id=\"app\"");
    let built = inject(&source, "<main></main>", "<main></main>").expect("an #app to fill");
    assert!(built.page.contains(&format!(
        "<div id=app {MARK}><noscript id={EN_ID} {ZH_FILE_ATTR}={}><fieldset",
        built.chinese_file
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
        inject(&once.page, "<main></main>", "<main></main>"),
        None,
        "pre-rendering twice would nest pages"
    );
}

#[test]
fn english_markup_that_would_end_its_holder_early_is_refused() {
    // Held as text, the English page would end at its first `</noscript`, and the rest of
    // it would be built as the page itself, for every link.
    for markup in ["<noscript>a</noscript>", "</NOSCRIPT >"] {
        assert_eq!(inject(MINIFIED, markup, "<main></main>"), None, "{markup}");
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
        .split_once("of linked ?")
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
fn a_chinese_reader_asks_for_the_chinese_pages_file_while_the_page_parses() {
    let file_of = |page: &str| {
        let script = page
            .split_once(&format!("<script id={PRELOAD_ID}>"))
            .and_then(|(_, rest)| rest.split_once("</script>"))
            .expect("the preload script")
            .0;
        script
            .split_once("if (!linked && root.lang === 'zh-Hans')")
            .map(|(_, asks)| {
                asks.split_once("src: './")
                    .and_then(|(_, rest)| rest.split_once('\''))
                    .expect("the file's name")
                    .0
                    .to_owned()
            })
    };
    let built = inject(
        &TRUNK.replace("<body></body>", "<body><div id=app></div></body>"),
        "<main></main>",
        "<main></main>",
    )
    .expect("an #app");
    let page = with_loader(&built.page).expect("a Trunk loader to replace");
    assert_eq!(file_of(&page), Some(built.chinese_file.clone()));
    // If it cannot load, the page says so to the script that would build it.
    assert!(page.contains(&format!("self.{ZH_GLOBAL} = null")), "{page}");
    // A page without a Chinese page asks for none.
    assert_eq!(file_of(&with_loader(TRUNK).expect("a loader")), None);
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
