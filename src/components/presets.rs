//! Layers worth a look, one choice away: the seed article's example, MobileNet's example
//! layer, an RGB stem, and every layer of MobileNet v1.

use super::hooks::use_lang;
use crate::cost::{Layer, Multiplier, Padding};
use crate::i18n::Lang;
use crate::network::{by_id, Count, Kind};
use crate::readout::{kernel_note, padding_note};
use crate::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The presets by name, in the order the list shows them.
pub fn presets(lang: Lang) -> Vec<(String, Layer)> {
    let same = |df, dk, m, n, stride| Layer {
        df,
        dk,
        m,
        n,
        padding: Padding::Same,
        stride,
        ..Layer::default()
    };
    let named = |en: &'static str, zh: &'static str, layer| (lang.tr(en, zh).to_owned(), layer);
    // Short enough to be read whole in the closed menu, in a laptop's column and on a
    // phone: the sliders under it say the rest.
    let mut list = vec![
        named(
            "The article: N = 100, Dk = 512",
            "原文的例子：N = 100，Dk = 512",
            same(512, 512, 3, 100, 1),
        ),
        named(
            "MobileNet's 14×14×512 → 512",
            "MobileNet 的例子 14×14×512 → 512",
            same(14, 3, 512, 512, 1),
        ),
        named(
            "RGB stem: 224×224×3 → 32, stride 2",
            "RGB 输入层：224×224×3 → 32，步长 2",
            same(224, 3, 3, 32, 2),
        ),
    ];
    if let Some(network) = by_id("mobilenet_v1") {
        let count = Count::of(network, Multiplier::ONE, network.input);
        for (i, row) in count.rows.iter().enumerate() {
            // One entry per separable pair: its depthwise row stands for both.
            if row.kind == Kind::Pointwise {
                continue;
            }
            if let Some(layer) = row.layer {
                let (size, c) = row.input;
                let what = match row.kind {
                    Kind::Depthwise => format!("dw + 1×1, {size}×{size}×{c} → {}", layer.n),
                    Kind::Classifier => match lang {
                        Lang::En => format!("classifier, {c} → {}", layer.n),
                        Lang::Zh => format!("分类器，{c} → {}", layer.n),
                    },
                    _ => format!(
                        "{conv} {dk}×{dk}, {size}×{size}×{c} → {n}",
                        conv = lang.tr("conv", "卷积"),
                        dk = layer.dk,
                        n = layer.n
                    ),
                };
                // Under the menu's heading for the network (see `Presets`), by number.
                let name = format!("#{} {what}", i + 1);
                list.push((name, layer));
            }
        }
    }
    list
}

/// How many presets come before the network's layers, which the menu groups under the
/// network's name.
const FEATURED: usize = 3;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The layer on screen: the menu shows the preset it is, or that it is custom.
    pub layer: Layer,
    /// The layer as counted, after the multipliers α and ρ: what the notes speak of.
    pub counted: Layer,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn Presets(props: &Props) -> Html {
    let lang = use_lang();
    let list = use_memo(lang, |lang| presets(*lang));
    // Several presets are one layer (MobileNet's example is its layers 8 to 12): the one
    // the reader chose stays named while the layer is its.
    let chosen = use_mut_ref(|| None::<usize>);
    let onchange = {
        let (list, chosen) = (list.clone(), chosen.clone());
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            let Ok(i) = select.value().parse::<usize>() else {
                return;
            };
            if let Some((_, layer)) = list.get(i) {
                *chosen.borrow_mut() = Some(i);
                on_action.emit(Action::Load(*layer));
            }
        })
    };
    // The preset on screen, if the layer is one; otherwise the prompt, or "custom" once
    // the layer is neither a preset nor the page's first.
    let is_shown = |&i: &usize| list.get(i).is_some_and(|(_, layer)| *layer == props.layer);
    let current = chosen
        .borrow()
        .filter(is_shown)
        .or_else(|| list.iter().position(|(_, layer)| *layer == props.layer));
    let prompt = if props.layer == Layer::default() {
        lang.tr("a preset layer…", "选择一个预设层…")
    } else {
        lang.tr(
            "custom layer (choose a preset…)",
            "自定义的层（选择一个预设…）",
        )
    };
    // The option's `selected` attribute stops counting once the reader has chosen one, so
    // the menu's value is set as well.
    let menu = use_node_ref();
    {
        let menu = menu.clone();
        use_effect_with(current, move |current| {
            if let Some(select) = menu.cast::<HtmlSelectElement>() {
                select.set_value(&current.map(|i| i.to_string()).unwrap_or_default());
            }
        });
    }
    let option = |(i, (name, _)): (usize, &(String, Layer))| {
        html! {
            <option value={i.to_string()} selected={current == Some(i)}>{ name.clone() }</option>
        }
    };
    let note = kernel_note(lang, props.layer.dk)
        .map(|words| html! { <p class="panel-note kernel-note" id="kernel-note">{ words }</p> });
    let padded = padding_note(lang, &props.counted)
        .map(|words| html! { <p class="panel-note kernel-note" id="padding-note">{ words }</p> });
    html! {
        <>
            <label class="preset">
                <span>{ lang.tr("Start from", "从预设开始") }</span>
                <select id="preset" ref={menu} {onchange}>
                    <option value="" selected={current.is_none()}>{ prompt }</option>
                    { for list.iter().enumerate().take(FEATURED).map(option) }
                    <optgroup label={lang.tr("MobileNet v1, layer by layer", "MobileNet v1，逐层")}>
                        { for list.iter().enumerate().skip(FEATURED).map(option) }
                    </optgroup>
                </select>
            </label>
            // Always there, so that the sliders after it are not rebuilt when it shows.
            <div class="kernel-note-box">{ for note }{ for padded }</div>
        </>
    }
}
