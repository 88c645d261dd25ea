//! Layers worth a look, one choice away: the seed article's example, MobileNet's example
//! layer, an RGB stem, and every layer of MobileNet v1.

use super::hooks::use_lang;
use crate::cost::{Layer, Multiplier, Padding};
use crate::i18n::Lang;
use crate::network::{by_id, Count, Kind};
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
    let mut list = vec![
        named(
            "The article's example: N = 100, Dk = 512",
            "原文的例子：N = 100，Dk = 512",
            same(512, 512, 3, 100, 1),
        ),
        named(
            "MobileNet's example layer: 14×14×512, 3×3, 512 filters",
            "MobileNet 论文的例子：14×14×512，3×3，512 个卷积核",
            same(14, 3, 512, 512, 1),
        ),
        named(
            "An RGB stem: 224×224×3, 3×3, 32 filters, stride 2",
            "RGB 输入的第一层：224×224×3，3×3，32 个卷积核，步长 2",
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
                let name = match lang {
                    Lang::En => format!("{} layer {}: {what}", network.title, i + 1),
                    Lang::Zh => format!("{} 第 {} 层：{what}", network.title, i + 1),
                };
                list.push((name, layer));
            }
        }
    }
    list
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn Presets(props: &Props) -> Html {
    let lang = use_lang();
    let list = use_memo(lang, |lang| presets(*lang));
    let onchange = {
        let list = list.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            let chosen = select.value().parse::<usize>().ok();
            // Back to the prompt, so the same preset can be chosen again; the prompt
            // itself loads nothing.
            select.set_value("");
            if let Some((_, layer)) = chosen.and_then(|i| list.get(i)) {
                on_action.emit(Action::Load(*layer));
            }
        })
    };
    html! {
        <label class="preset">
            <span>{ lang.tr("Start from", "从预设开始") }</span>
            <select id="preset" {onchange}>
                <option value="" selected=true>{ lang.tr("a preset layer…", "选择一个预设层…") }</option>
                { for list.iter().enumerate().map(|(i, (name, _))| html! {
                    <option value={i.to_string()}>{ name.clone() }</option>
                }) }
            </select>
        </label>
    }
}
