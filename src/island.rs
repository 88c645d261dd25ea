//! The first-load island: a small wasm without yew that brings the pre-rendered page to
//! life before the full app has loaded. It makes the four sliders and their boxes of the
//! layer panel answer, and writes the counts, the headline, the bars, the ratios and the
//! cards' numbers for each new layer into the pre-rendered markup, with the words of
//! [`crate::readout`], which the Yew components use too. Then it sets `<html data-ready>`.
//!
//! Everything else on the pre-rendered page stays disabled until the full app replaces
//! it (the page's loader starts that right after); panels that the island does not keep
//! current are marked stale and busy once the layer changes. The address bar carries the
//! layer, so the full app starts from it.
//!
//! It runs only on the page as pre-rendered, with the default options, in the language of
//! the page it is on (English, or Chinese where `<html lang>` says so and the Chinese page
//! has come): on the bare link, and on a link that changes only the
//! four sizes (`data-sizes`, see `index.html`), whose page waits in a template until the
//! island has written the link's sizes into it ([`link_layer`]). Anything else
//! (`data-linked`) waits for the app.

use crate::anim::Playhead;
use crate::components::dom;
use crate::cost::{Costs, Layer, Param, Part, Term, Unit};
use crate::i18n::Lang;
use crate::messages;
use crate::query;
use crate::readout::{dp_numbers, kept, kernel_note, slider_valuetext, CountText, Readout};
use crate::slider::Scale;
use crate::state::{Action, Notice, State, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlTemplateElement, KeyboardEvent};
use yew::Reducible;

/// The controls the island makes live: the layer panel's four.
const PARAMS: [Param; 4] = [Param::Df, Param::Dk, Param::M, Param::N];

/// The panels that show the layer but that the island does not keep current (the groups
/// slider's range is the divisors of M and N; the preset menu names the layer's preset;
/// Run it says whether the layer fits).
const STALE: &str = ".prerendered :is(.code, .anim, .charts, .share, .groups, .preset, .measure)";

/// The four counts: the element that carries each, and its part.
const COUNTS: [(&str, Part); 4] = [
    ("cost-standard", Part::Standard),
    ("cost-depthwise", Part::Depthwise),
    ("cost-pointwise", Part::Pointwise),
    ("cost-separable", Part::Separable),
];

/// The page as the island keeps it.
struct Island {
    document: Document,
    /// The language of the page it is on, and of its words.
    lang: Lang,
    state: RefCell<Rc<State>>,
}

/// The template in which `index.html` holds the pre-rendered page for a link that changes
/// only the four sizes, out of the document until the link's sizes are in it.
const SIZES_ID: &str = "prerendered-sizes";

/// The layer of a link that changes nothing but the four sizes, read as the app's
/// [`query::parse`] reads it: each size a value its box takes, and a layer with an
/// output. `None` when either fails, for the app to say why. `value_of` is a key's
/// value in the link (the browser's URLSearchParams: this wasm has no query parser).
pub fn link_layer(value_of: impl Fn(&str) -> Option<String>) -> Option<Layer> {
    let mut layer = Layer::default();
    for param in PARAMS {
        if let Some(text) = value_of(param.url_key()) {
            layer = layer.with(param, param.parse(&text).ok()?);
        }
    }
    layer.check().ok().map(|_| layer)
}

/// Brings the pre-rendered page to life, if there is one to bring; otherwise does nothing
/// and leaves the page to the full app.
pub fn start() {
    let Some(document) = dom::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    if root.has_attribute("data-linked") {
        return;
    }
    // The link has at most `theme`, `lang` and the four sizes (`index.html`). The browser
    // reads it, and the state is the app's for that layer, in the reader's language.
    let search = dom::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    let value_of = |key: &str| search.as_ref().and_then(|s| s.get(key));
    let Some(layer) = link_layer(value_of) else {
        return;
    };
    // The page for a link's own sizes goes in only now, to have them written in at once,
    // in this same task: nothing reads or paints the default's numbers as the link's.
    let held = document
        .get_element_by_id(SIZES_ID)
        .and_then(|e| e.dyn_into::<HtmlTemplateElement>().ok());
    if let Some(held) = held {
        let _ = held.replace_with_with_node_1(&held.content());
    }
    let prerendered = document
        .query_selector("#app > fieldset.prerendered")
        .ok()
        .flatten();
    let Some(fieldset) = prerendered else {
        return;
    };
    // The reader's language, which the link the island writes keeps; and the page's, in
    // which it writes its words and figures: the English page stands in where the Chinese
    // page's file could not load.
    let lang = Lang::from_browser(&root.get_attribute("lang").unwrap_or_default());
    let words = Lang::from_browser(&fieldset.get_attribute("lang").unwrap_or_default());
    let theme = value_of("theme")
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    let state = State {
        theme,
        lang,
        ..State::new(layer, Playhead::default(), Vec::new())
    };
    // Every control stays disabled but the four, which the fieldset no longer holds back.
    if let Ok(controls) = fieldset.query_selector_all("button, input, select, textarea") {
        for i in 0..controls.length() {
            if let Some(control) = controls.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = control.set_attribute("disabled", "");
            }
        }
    }
    let _ = fieldset.remove_attribute("disabled");
    let island = Rc::new(Island {
        document,
        lang: words,
        state: RefCell::new(Rc::new(state)),
    });
    for param in PARAMS {
        island.listen(param);
    }
    island.show(None, None);
    if layer != Layer::default() {
        island.mark_stale();
    }
    let _ = root.remove_attribute("data-sizes");
    let _ = root.set_attribute("data-ready", "");
}

impl Island {
    fn by_id(&self, id: &str) -> Option<Element> {
        self.document.get_element_by_id(id)
    }

    fn input(&self, id: &str) -> Option<HtmlInputElement> {
        self.by_id(id).and_then(|e| e.dyn_into().ok())
    }

    fn layer_value(&self, param: Param) -> u32 {
        self.state.borrow().scaled.base.get(param)
    }

    /// The slider's and the box's listeners, as the full app's `ParamControl` has them.
    fn listen(self: &Rc<Self>, param: Param) {
        let key = param.url_key();
        let scale = Scale::of(param.limit());
        let (Some(slider), Some(entry)) = (
            self.input(&format!("{key}-slider")),
            self.input(&format!("{key}-input")),
        ) else {
            return;
        };
        slider.set_disabled(false);
        entry.set_disabled(false);
        let on = |target: &HtmlInputElement, event: &str, f: Box<dyn FnMut(web_sys::Event)>| {
            let closure = Closure::<dyn FnMut(web_sys::Event)>::wrap(f);
            let _ =
                target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            // The listeners live as long as the pre-rendered page, which the app replaces.
            closure.forget();
        };
        let (island, thumb) = (Rc::clone(self), slider.clone());
        on(
            &slider,
            "input",
            Box::new(move |_| {
                let wanted = thumb.value().parse().map(|pos| scale.value_at(pos));
                // The thumb goes back to the value in force until the change is taken.
                thumb.set_value(&scale.position(island.layer_value(param)).to_string());
                if let Ok(wanted) = wanted {
                    island.set(param, wanted, None);
                }
            }),
        );
        let island = Rc::clone(self);
        on(
            &slider,
            "keydown",
            Box::new(move |e| {
                let Some(key) = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
                    return;
                };
                if let Some(wanted) = scale.key_step(&key, island.layer_value(param)) {
                    e.prevent_default();
                    island.set(param, wanted, None);
                }
            }),
        );
        let (island, typed) = (Rc::clone(self), entry.clone());
        on(
            &entry,
            "input",
            Box::new(move |_| {
                match param.parse(&typed.value()) {
                    // The box keeps what was typed ("08"); everything else follows the value.
                    Ok(wanted) => island.set(param, wanted, Some(param)),
                    Err(why) => {
                        let words = messages::input_error(island.lang, param, param.symbol(), why);
                        island.error(
                            param,
                            Some(&kept(island.lang, &words, island.layer_value(param))),
                        );
                    }
                }
            }),
        );
        let island = Rc::clone(self);
        on(
            &entry,
            "keydown",
            Box::new(move |e| {
                let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let step = if key.shift_key() { 10 } else { 1 };
                let value = i64::from(island.layer_value(param));
                let wanted = match key.key().as_str() {
                    "ArrowUp" => scale.clamp(value + step),
                    "ArrowDown" => scale.clamp(value - step),
                    _ => return,
                };
                e.prevent_default();
                island.set(param, wanted, None);
            }),
        );
        let (island, left) = (Rc::clone(self), entry.clone());
        on(
            &entry,
            "blur",
            Box::new(move |_| {
                // Leaving the box shows the value in force again; a message stays until fixed.
                left.set_value(&island.layer_value(param).to_string());
            }),
        );
    }

    /// The layer with `param` at `value`, through the app's own reducer: taken, or
    /// refused with the app's words while the last layer stays. `typing` is the box
    /// whose text stays as typed.
    fn set(&self, param: Param, value: u32, typing: Option<Param>) {
        let now = Rc::clone(&self.state.borrow());
        let before = now.scaled.base;
        let next = now.reduce(Action::Set(param, value));
        if let Some(Notice::Refused { why, .. }) = &next.notice {
            self.error(param, Some(&messages::layer_error(self.lang, why)));
            return;
        }
        if next.scaled == self.state.borrow().scaled {
            self.error(param, None);
            return;
        }
        dom::write_url(&query::to_query(&next));
        *self.state.borrow_mut() = next;
        self.mark_stale();
        self.show(Some(before), typing);
    }

    /// The panels in [`STALE`] still show the default layer, as pre-rendered, until the
    /// app takes over: they say so, and blur (see style.css).
    fn mark_stale(&self) {
        if let Ok(stale) = self.document.query_selector_all(STALE) {
            for i in 0..stale.length() {
                if let Some(panel) = stale.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = panel.set_attribute("aria-busy", "true");
                    let _ = panel.class_list().add_1("stale");
                }
            }
        }
    }

    /// A box's message, or none; the box says whether it is invalid.
    fn error(&self, param: Param, words: Option<&str>) {
        let key = param.url_key();
        if let Some(line) = self.by_id(&format!("{key}-error")) {
            line.set_text_content(words);
        }
        if let Some(entry) = self.by_id(&format!("{key}-input")) {
            let _ = entry.set_attribute("aria-invalid", &words.is_some().to_string());
            if let Ok(Some(row)) = entry.closest(".param") {
                let _ = row
                    .class_list()
                    .toggle_with_force("invalid", words.is_some());
            }
        }
    }

    /// Writes the state's layer into the page. As in the app, a box whose value changed
    /// (`before` is the layer shown until now) loses its message and shows the value,
    /// unless it is the one being typed in (`typing`); the other boxes keep theirs.
    fn show(&self, before: Option<Layer>, typing: Option<Param>) {
        let state = Rc::clone(&self.state.borrow());
        let (costs, unit) = (&state.costs, state.unit);
        let layer = state.scaled.base;
        for param in PARAMS {
            let (key, value) = (param.url_key(), layer.get(param));
            if before.is_some_and(|before| before.get(param) == value) {
                continue;
            }
            if typing != Some(param) {
                if let Some(entry) = self.input(&format!("{key}-input")) {
                    entry.set_value(&value.to_string());
                }
            }
            self.error(param, None);
            if let Some(slider) = self.input(&format!("{key}-slider")) {
                slider.set_value(&Scale::of(param.limit()).position(value).to_string());
                let _ = slider.set_attribute("aria-valuetext", &slider_valuetext(param, value));
            }
        }
        let r = Readout::of(costs, unit, self.lang);
        self.text_before("dp", &format!("= {} = ", dp_numbers(costs)));
        self.figure("dp", &costs.dp.to_string(), &costs.dp.to_string());
        if let Some(bar) = self.by_id("ratio-bar") {
            if let Ok(Some(factor)) = bar.query_selector("strong") {
                factor.set_text_content(Some(&r.speedup));
                let _ = factor.class_list().toggle_with_force("more", r.more);
            }
            if let Ok(Some(words)) = bar.query_selector("span") {
                words.set_text_content(Some(&r.bar_words));
            }
        }
        if let Some(box_) = self
            .document
            .query_selector(".kernel-note-box")
            .ok()
            .flatten()
        {
            box_.set_text_content(None);
            if let Some(words) = kernel_note(self.lang, layer.dk) {
                if let Ok(note) = self.document.create_element("p") {
                    note.set_class_name("panel-note kernel-note");
                    note.set_id("kernel-note");
                    note.set_text_content(Some(&words));
                    let _ = box_.append_child(&note);
                }
            }
        }
        self.summary(&r);
        self.count("params-standard", costs.params_standard());
        self.count("params-separable", costs.params_separable());
        for (id, part) in COUNTS {
            self.count(id, costs.count(part, unit));
            self.card_numbers(id, costs, part, unit);
        }
    }

    fn summary(&self, r: &Readout) {
        self.figure("speedup", &r.speedup, &r.speedup_value);
        if let Some(speedup) = self.by_id("speedup") {
            let _ = speedup.class_list().toggle_with_force("more", r.more);
        }
        if let Some(words) = self
            .document
            .query_selector(".headline-text")
            .ok()
            .flatten()
        {
            words.set_text_content(Some(&r.headline));
        }
        if let Some(bars) = self
            .document
            .query_selector(".summary .bars")
            .ok()
            .flatten()
        {
            let _ = bars.set_attribute("aria-label", &r.bars_label);
            let [standard, depthwise, pointwise] = &r.bar_widths;
            let set = |selector: &str, name: &str, value: &str| {
                if let Ok(Some(rect)) = bars.query_selector(selector) {
                    let _ = rect.set_attribute(name, value);
                }
            };
            set(".bar-standard", "width", standard);
            set(".bar-depthwise", "width", depthwise);
            set(".bar-pointwise", "x", depthwise);
            set(".bar-pointwise", "width", pointwise);
        }
        self.text_before("ratio", &r.ratio_line);
        self.figure("ratio", &r.ratio, &r.ratio_value);
        self.text_before("ratio-closed", &r.closed_line);
        self.figure("ratio-closed", &r.closed, &r.closed_value);
        if let Some(check) = self.by_id("ratio-check") {
            check.set_text_content(Some(&r.check));
            let _ = check.class_list().toggle_with_force("differs", r.differs);
        }
    }

    /// The text node just before the element `id`: the words that lead to a figure.
    fn text_before(&self, id: &str, text: &str) {
        if let Some(node) = self.by_id(id).and_then(|e| e.previous_sibling()) {
            if node.node_type() == web_sys::Node::TEXT_NODE {
                node.set_node_value(Some(text));
            }
        }
    }

    /// A figure as shown, and for machines in `data-value`.
    fn figure(&self, id: &str, shown: &str, value: &str) {
        if let Some(figure) = self.by_id(id) {
            figure.set_text_content(Some(shown));
            let _ = figure.set_attribute("data-value", value);
        }
    }

    /// An exact count as the app's `Count` sets it: separators, size class, short form.
    fn count(&self, id: &str, value: u128) {
        let Some(exact) = self.by_id(id) else {
            return;
        };
        let text = CountText::of(value, self.lang);
        exact.set_class_name(&text.class);
        self.figure(id, &text.exact, &value.to_string());
        let Some(count) = exact.parent_element() else {
            return;
        };
        let shown = count.query_selector(".short").ok().flatten();
        match (shown, text.short) {
            (Some(shown), Some(short)) => shown.set_text_content(Some(&short)),
            (Some(shown), None) => shown.remove(),
            (None, Some(short)) => {
                if let Ok(shown) = self.document.create_element("span") {
                    shown.set_class_name("short");
                    shown.set_text_content(Some(&short));
                    let _ = count.append_child(&shown);
                }
            }
            (None, None) => {}
        }
    }

    /// A card's formula with today's numbers: its number spans, in the formula's order.
    fn card_numbers(&self, id: &str, costs: &Costs, part: Part, unit: Unit) {
        let Some(card) = self
            .by_id(id)
            .and_then(|e| e.closest("article").ok().flatten())
        else {
            return;
        };
        let Ok(spans) = card.query_selector_all(".eq-numbers .num") else {
            return;
        };
        let mut numbers = Vec::new();
        for product in &costs.formula(part, unit).0 {
            flatten(product, &mut numbers);
        }
        if numbers.len() as u32 != spans.length() {
            return;
        }
        for (i, number) in numbers.into_iter().enumerate() {
            if let Some(span) = spans.item(i as u32) {
                span.set_text_content(Some(&number.to_string()));
            }
        }
    }
}

/// The numbers of `terms` in the order the formula prints them.
fn flatten(terms: &[Term], into: &mut Vec<u32>) {
    for term in terms {
        match term {
            Term::Power { value, .. } => into.push(*value),
            Term::Number(n) => into.push(*n),
            Term::Sum(inner) => flatten(inner, into),
        }
    }
}
