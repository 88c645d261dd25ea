//! The default page as HTML, in English in `dist/index.html` and in Chinese in a file
//! beside it, so that the first paint shows the default layer's real numbers before any
//! wasm has run.
//! `src/bin/prerender.rs` renders the same `App` the browser runs (yew's server-side
//! rendering) and puts it here; the first-load island makes it live, and the app's wasm
//! then replaces it with the live page (see [`with_loader`]).

use crate::i18n::Lang;
use crate::query;

pub mod changes;
use changes::Step;

/// Marks the pre-rendered `#app`, for the stylesheet and for the wasm that replaces it.
pub const MARK: &str = "data-prerendered";

/// The `<noscript>` that holds the page pre-rendered in English. Where scripts run, the
/// browser reads a `<noscript>`'s content as text, which it scans for its end without
/// building any of it: the script at the end of `index.html` parses it into the page, and
/// a link to another page, whose app draws its own, never pays for the parse (about 25 ms
/// of a laptop's main thread, four times that on a slow phone's). Where they do not
/// (scripts off, an embed sandboxed without them), it is the page itself.
pub const EN_ID: &str = "prerendered-en";

/// The attribute of [`EN_ID`] that names the file of the page pre-rendered in Chinese
/// ([`Prerendered::chinese_file`]): the script in `<head>` asks for it when the reader's
/// language is Chinese (see [`with_loader`]), and the single file writes it in.
pub const ZH_FILE_ATTR: &str = "data-zh";

/// Where the page pre-rendered in Chinese meets the script at the end of `index.html`,
/// which builds it: a global that holds, whichever of the two came first, the Chinese
/// page as the steps that write it from the English one ([`changes::changes`]: a number
/// copies that many characters of it, a negative one skips them, a string is written in),
/// `null` when its file did not hand them over (the English page then stands in until the
/// app, which speaks Chinese, takes over), or the function that builds it.
pub const ZH_GLOBAL: &str = "sepconvChinese";

/// The built page and the page pre-rendered in Chinese, which goes in a file of its own.
#[derive(Debug, PartialEq, Eq)]
pub struct Prerendered {
    /// `index.html` with the English page in it.
    pub page: String,
    /// The name of the Chinese page's file, beside `index.html`, with a hash of it: a
    /// cache never pairs a page with another build's Chinese page.
    pub chinese_file: String,
    /// The Chinese page's file: a classic script, which loads from the page's own origin
    /// under its CSP's `script-src 'self'`, and in a sandboxed iframe without CORS, where a
    /// `fetch` would need `connect-src` and an `Access-Control-Allow-Origin` of its host.
    pub chinese: String,
}

/// `page` (a built `index.html`, minified or not) with `english` at the start of its
/// `#app` element, held as text ([`EN_ID`]), which a `</noscript` in the markup would end
/// early; and `chinese` as a script for a file of its own ([`Prerendered::chinese`]), which
/// holds the changes that make it from the English page.
/// Every reader used to get both pages, and an English reader paid 3.3 KB gzipped of
/// Chinese before the page was live; a Chinese reader now waits for a file that the
/// script in `<head>` asks for as soon as it knows the language. The loading line and the
/// `<noscript>` note stay after the English page: the stylesheet shows the loading line
/// instead of the markup when the link asks for another page, or while the Chinese page
/// is on its way. The markup sits in a disabled `<fieldset>`: until the wasm replaces it,
/// its controls would take input and drop it, so they say that they are not ready
/// instead. `None` when the page has no `#app`, when it was pre-rendered already, when the
/// markup would end its holder early, or when the changes would not write the Chinese page.
pub fn inject(page: &str, english: &str, chinese: &str) -> Option<Prerendered> {
    let ends_early = |markup: &str| markup.to_ascii_lowercase().contains("</noscript");
    if page.contains(MARK) || ends_early(english) {
        return None;
    }
    let open = ["<div id=app>", "<div id=\"app\">"]
        .into_iter()
        .find_map(|tag| page.find(tag).map(|at| (at, tag.len())))?;
    let (start, tag_len) = open;
    let fieldset = |lang: &str, markup: &str| {
        format!("<fieldset class=prerendered disabled lang={lang}>{markup}</fieldset>")
    };
    let (english, chinese, [shared, chinese_words]) = shared_shapes(english, chinese);
    // Each page as the script at the end of `index.html` builds it, after the pictures'
    // groups, which both use: the steps go from the whole of the one to the other.
    let english = format!("{shared}{}", fieldset("en", &english));
    let chinese = format!("{shared}{chinese_words}{}", fieldset("zh-Hans", &chinese));
    let steps = changes::changes(&english, &chinese);
    if changes::patch(&english, &steps).as_deref() != Some(chinese.as_str()) {
        return None;
    }
    let steps: Vec<String> = steps
        .iter()
        .map(|step| match step {
            Step::Copy(len) => len.to_string(),
            Step::Skip(len) => format!("-{len}"),
            Step::Write(text) => js_string(text),
        })
        .collect();
    let chinese = format!(
        "(function (page) {{ var waiting = self.{ZH_GLOBAL}; self.{ZH_GLOBAL} = page; \
         if (typeof waiting === 'function') waiting(page); }})([{}]);",
        steps.join(",")
    );
    let chinese_file = format!("prerendered-zh-{:016x}.js", hash(&chinese));
    let page = format!(
        "{}<div id=app {MARK}><noscript id={EN_ID} {ZH_FILE_ATTR}={chinese_file}>{english}</noscript>{}",
        &page[..start],
        &page[start + tag_len..]
    );
    Some(Prerendered {
        page,
        chinese_file,
        chinese,
    })
}

/// `text` as a JavaScript string literal, which an HTML parser reading it inside a
/// `<script>` (the single file writes the Chinese page's script into itself) neither ends
/// nor takes for a comment.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '/' if out.ends_with('<') => out.push_str("\\/"),
            '!' if out.ends_with('<') => out.push_str("\\!"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A hash of `text` for a file's name (FNV-1a): the same for the same text on every
/// build and machine.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How the ids of the animation's first frame begin, drawn at build time as SVG for each
/// size it is laid out for (`crate::anim::svg`): the group of its shapes is
/// `{FIRST_FRAME}-{size}`.
pub const FIRST_FRAME: &str = "first-frame";

/// How the ids of each chart's picture begin, drawn at build time as SVG for each size it
/// is laid out for (`crate::plots::stand_in`): the group of its shapes is
/// `{FIRST_CHART}-{chart}-{size}`.
pub const FIRST_CHART: &str = "first-chart";

/// `english` and `chinese` with the groups of shapes that they draw alike (the first
/// frame's and the charts', whose words alone differ) each replaced by a `<use>` of one
/// copy, and their groups of one language's words replaced by a `<use>` of it too; the
/// copies in a hidden `<svg>` for each page: the shared groups and the English words, to
/// go before the English page, which the script at the end of `index.html` builds with
/// them for either language (and which, without scripts, finds them), and the Chinese
/// words, to go before the Chinese page, in its file. In a group of its own, a picture's
/// words arrive before the words they go under, and the island finds each picture's
/// words as it does the first frame's.
fn shared_shapes(english: &str, chinese: &str) -> (String, String, [String; 2]) {
    let (mut english, mut chinese) = (english.to_owned(), chinese.to_owned());
    let drawn_in_chinese = chinese.clone();
    let mut shared = take_groups(&mut english, |group| drawn_in_chinese.contains(group));
    for group in &shared {
        chinese = chinese.replacen(group, &used(group), 1);
    }
    let own = |page: &mut String, lang: Lang| {
        let own = format!("-{}", lang.key());
        take_groups(page, |group| group_id(group).ends_with(&own))
    };
    shared.extend(own(&mut english, Lang::En));
    let chinese_words = own(&mut chinese, Lang::Zh);
    let hidden = |groups: Vec<String>| match groups.concat() {
        groups if groups.is_empty() => groups,
        groups => format!(
            "<svg class=first-frames aria-hidden=true width=0 height=0><defs>{groups}</defs></svg>"
        ),
    };
    (english, chinese, [hidden(shared), hidden(chinese_words)])
}

/// Each group of a picture drawn at build time ([`FIRST_FRAME`], [`FIRST_CHART`]) in `page`
/// that `take` holds for, taken out and replaced by a `<use>` of it, in order.
fn take_groups(page: &mut String, take: impl Fn(&str) -> bool) -> Vec<String> {
    let mut taken = Vec::new();
    for kind in [FIRST_FRAME, FIRST_CHART] {
        let open = format!("<g id=\"{kind}-");
        let mut from = 0;
        while let Some(found) = page[from..].find(&open) {
            let at = from + found;
            let Some(len) = page[at..].find("</g>").map(|end| end + "</g>".len()) else {
                break;
            };
            let group = page[at..at + len].to_owned();
            if !take(&group) {
                from = at + len;
                continue;
            }
            let reference = used(&group);
            page.replace_range(at..at + len, &reference);
            from = at + reference.len();
            taken.push(group);
        }
    }
    taken
}

fn group_id(group: &str) -> &str {
    group["<g id=\"".len()..]
        .split('"')
        .next()
        .unwrap_or_default()
}

/// A `<use>` of `group`, in its place.
fn used(group: &str) -> String {
    format!("<use href=\"#{}\"/>", group_id(group))
}

/// Where the script in `index.html`'s `<head>` takes the pairs of [`home_link`].
pub const HOME_MARK: &str = "HOME_LINK";

/// The default page's own link, as the app writes it into the address bar, less the
/// language and the colours (the script in `<head>` reads those itself): any link made
/// only of these pairs, none twice, opens the page pre-rendered here.
pub fn home_link() -> String {
    let state = query::parse("").into_state();
    query::to_query(&state)
        .split('&')
        .filter(|pair| !pair.starts_with("lang=") && !pair.starts_with("theme="))
        .collect::<Vec<_>>()
        .join("&")
}

/// `page` with [`home_link`] in place of [`HOME_MARK`]; `None` when the page has no mark
/// (then every link with a layer in it would wait for the app).
pub fn with_home(page: &str) -> Option<String> {
    page.contains(HOME_MARK)
        .then(|| page.replacen(HOME_MARK, &home_link(), 1))
}

/// The file name of `page`'s stylesheet, as its `<link rel=stylesheet>` names it (Trunk's
/// `./style-<hash>.css`, beside the page); `None` when it has none, or when it names
/// anything but a file beside the page (another folder, a query, a URL), which `make build`
/// would not find there and must not delete.
pub fn stylesheet(page: &str) -> Option<&str> {
    let (_, tag) = stylesheet_link(page)?;
    let href = attribute(tag, "href")?;
    let name = href.strip_prefix("./").unwrap_or(href);
    let beside =
        !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '?', '#', ':']);
    beside.then_some(name)
}

/// `page` with its `<link rel=stylesheet>` replaced by a `<style>` that holds `css`. A
/// stylesheet of its own is one more request that the first paint waits for: on a slow
/// phone (150 ms round trips) it came about 100 ms after the page itself, and the
/// first-load island, which waits for it too, made the page live about 110 ms later. The
/// Content-Security-Policy allows the `<style>` by its hash (`scripts/csp.mjs`). `None`
/// when the page has no stylesheet link, or when `css` would end its `<style>` early.
pub fn with_style(page: &str, css: &str) -> Option<String> {
    if css.to_ascii_lowercase().contains("</style") {
        return None;
    }
    let (at, tag) = stylesheet_link(page)?;
    Some(format!(
        "{}<style>{css}</style>{}",
        &page[..at],
        &page[at + tag.len()..]
    ))
}

/// Where `page`'s `<link rel=stylesheet>` starts, and the whole tag.
fn stylesheet_link(page: &str) -> Option<(usize, &str)> {
    links(page).find(|(_, tag)| {
        attribute(tag, "rel")
            .unwrap_or_default()
            .split_whitespace()
            .any(|token| token.eq_ignore_ascii_case("stylesheet"))
    })
}

/// Each `<link>` tag in `page`, whole, with where it starts.
fn links(page: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + page[from..].find("<link")?;
        let len = page[at..].find('>').map_or(page.len() - at, |end| end + 1);
        from = at + len;
        Some((at, &page[at..at + len]))
    })
}

/// The value of the attribute `name` in `tag` (a whole start tag, `<link …>`), quoted or not
/// (as Trunk's minifier leaves it).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let is_space = |c: char| c.is_ascii_whitespace();
    let mut rest = tag
        .strip_prefix('<')?
        .trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return None;
        }
        let end = rest
            .find(|c: char| is_space(c) || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(end);
        let (value, next) = match after.trim_start_matches(is_space).strip_prefix('=') {
            Some(value) => {
                let value = value.trim_start_matches(is_space);
                match value.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let len = value[1..].find(quote)?;
                        (&value[1..=len], &value[len + 2..])
                    }
                    _ => value.split_at(value.find(|c: char| is_space(c) || c == '>')?),
                }
            }
            None => ("", after),
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = next;
    }
}

/// The page's loader (`src/loader.js`): the first-load island, then the app.
const LOADER: &str = include_str!("../loader.js");

/// `page` (a built `index.html`) with Trunk's loader replaced by [`LOADER`], and without
/// the app's preload links: on the page as pre-rendered, the app's glue and wasm load
/// after the island has made the page live, not before. [`preload_first`] fetches what
/// the page runs first while it parses: the island, or, on a link to another layer
/// (`data-linked`), which has no island to wait for, the app; and for a Chinese reader the
/// page pre-rendered in Chinese, when [`inject`] has put the English one in. `None` when the
/// page has no Trunk loader to replace, or holds a pre-rendered page without its Chinese
/// page's file.
pub fn with_loader(page: &str) -> Option<String> {
    let start = page.find("<script type=module>")?;
    let end = start + page[start..].find("</script>")? + "</script>".len();
    let trunk = &page[start..end];
    let glue = quoted_after(trunk, "from './")?;
    let wasm = quoted_after(trunk, "module_or_path: './")?;
    // Its comments are for this repository's readers, not for every page load.
    let code: Vec<&str> = LOADER
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect();
    let [island_glue, island_wasm] = ISLAND;
    let loader = code
        .join("\n")
        .replace("./GLUE", &format!("./{glue}"))
        .replace("./WASM", &format!("./{wasm}"))
        .replace("./ISLAND_GLUE", &format!("./{island_glue}"))
        .replace("./ISLAND_WASM", &format!("./{island_wasm}"));
    let page = format!(
        "{}<script type=module>{loader}</script>{}",
        &page[..start],
        &page[end..]
    );
    let page = without_preloads(&page);
    // A page pre-rendered by [`inject`] names its Chinese page's file; without it, a
    // Chinese reader's page would wait for a file nobody asked for.
    let chinese = match page.find(&format!("<noscript id={EN_ID}")) {
        Some(at) => Some(attribute(
            page[at..].split_inclusive('>').next()?,
            ZH_FILE_ATTR,
        )?),
        None => None,
    };
    // Before the stylesheet, the page's first link: after the script that marks a link.
    let at = page.find("<link")?;
    Some(format!(
        "{}{}{}",
        &page[..at],
        preload_first(glue, wasm, chinese),
        &page[at..]
    ))
}

/// The id of the script that [`preload_first`] writes (the single file, which has no
/// files to fetch, takes it out).
pub const PRELOAD_ID: &str = "app-preload";

/// The first-load island's glue and wasm, as `scripts/wasm-parts.sh` names them: what
/// [`LOADER`] loads, and [`preload_first`] asks for.
pub const ISLAND: [&str; 2] = ["island.js", "island_bg.wasm"];

/// A script for the page's `<head>` that asks at once for the glue and wasm that the page
/// runs first, as Trunk's preload links would: the island's, or on a link to another
/// layer (the script before it marks those `data-linked`) the app's. The loader's own
/// `import` and `fetch` of them then take what has come. Without it they would start
/// only once the whole page had parsed (and, when it was a file of its own, its stylesheet
/// had loaded), and the island's wasm only once its glue had come and run: on a slow phone
/// (150 ms round trips) the island made the page live about 400 ms later.
///
/// With `chinese`, the file of the page pre-rendered in Chinese, a Chinese reader's page
/// (`<html lang=zh-Hans>`, which the script before sets) asks for it first, at high
/// priority (its first paint waits for it), as a script that meets the one at the end of
/// `index.html` at [`ZH_GLOBAL`]. If it does not hand the page over (it cannot load, or
/// what came was not the script: a host's page for a file it lacks), the English page
/// stands in, rather than the loading line for ever.
fn preload_first(glue: &str, wasm: &str, chinese: Option<&str>) -> String {
    let [island_glue, island_wasm] = ISLAND;
    let chinese = chinese.map_or_else(String::new, |file| {
        format!(
            "if (!linked && root.lang === 'zh-Hans') {{ \
             const script = Object.assign(document.createElement('script'), \
             {{ src: './{file}', fetchPriority: 'high' }}); \
             script.onload = script.onerror = () => {{ const waiting = self.{ZH_GLOBAL}; \
             if (Array.isArray(waiting)) return; self.{ZH_GLOBAL} = null; \
             if (typeof waiting === 'function') waiting(null); }}; \
             document.head.append(script); }} "
        )
    });
    format!(
        "<script id={PRELOAD_ID}>{{ const root = document.documentElement; \
         const linked = root.hasAttribute('data-linked'); {chinese}\
         for (const [rel, href, as] of linked \
         ? [['modulepreload', './{glue}'], ['preload', './{wasm}', 'fetch']] \
         : [['modulepreload', './{island_glue}'], ['preload', './{island_wasm}', 'fetch']]) \
         {{ const link = document.createElement('link'); \
         Object.assign(link, {{ rel, href, crossOrigin: 'anonymous' }}); \
         if (as) Object.assign(link, {{ as, type: 'application/wasm' }}); \
         document.head.append(link); }} }}</script>"
    )
}

/// The file name in `text` from just after `prefix` to the next quote.
fn quoted_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let from = text.find(prefix)? + prefix.len();
    let len = text[from..].find('\'')?;
    Some(&text[from..from + len])
}

/// `page` without its `<link rel=modulepreload>` and `<link rel=preload>` tags.
fn without_preloads(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut kept = 0;
    for (at, tag) in links(page).filter(|(_, tag)| tag.contains("preload")) {
        out.push_str(&page[kept..at]);
        kept = at + tag.len();
    }
    out.push_str(&page[kept..]);
    out
}

#[cfg(test)]
mod tests {
    use super::js_string;

    #[test]
    fn a_javascript_string_holds_any_text_and_no_end_of_its_script() {
        let text = "a \"b\" \\ </script></SCRIPT><!-- \n\r\u{2028}\u{2029}\u{7} 一 🙂";
        let literal = js_string(text);
        assert_eq!(
            literal,
            "\"a \\\"b\\\" \\\\ <\\/script><\\/SCRIPT><\\!-- \\n\\r\\u2028\\u2029\\u0007 一 🙂\""
        );
        let lower = literal.to_ascii_lowercase();
        assert!(!lower.contains("</script") && !lower.contains("<!--"));
    }
}
