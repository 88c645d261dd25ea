//! The lesson in one glance: how many times fewer multiplications, the two costs as bars,
//! and the ratio R both ways, from the counts and from the article's closed form.

use super::cost_card::Count;
use super::formula::symbol_html;
use super::hooks::use_lang;
use crate::cost::{Costs, Fraction, Gap, Part, Unit};
use crate::format::{fraction_text, headline_factor, thousands};
use crate::i18n::Lang;
use crate::messages::headline_text;
use yew::prelude::*;

/// Significant digits on the page, and (more) in the `data-value`s for machines.
const SHOWN_DIGITS: usize = 9;
const DATA_DIGITS: usize = 15;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
    pub unit: Unit,
}

#[function_component]
pub fn Summary(props: &Props) -> Html {
    let (c, unit) = (&props.costs, props.unit);
    let (n, dk) = (c.layer.n, c.layer.dk);
    let count = |part| c.count(part, unit);
    let (standard, separable) = (count(Part::Standard), count(Part::Separable));
    let (depthwise, pointwise) = (count(Part::Depthwise), count(Part::Pointwise));
    let ratio = c.ratio_in(unit);
    let closed = c.ratio_closed_form();
    let speedup = Fraction::new(standard, separable);
    let lang = use_lang();
    let what = match unit {
        Unit::Macs => lang.tr("multiply-adds", "乘加次数"),
        Unit::Flops => "FLOPs",
    };
    // With groups, g/N + g/Dk² is exact in multiply-adds; FLOPs with bias move R further.
    let further = match (unit, c.layer.bias, lang) {
        (Unit::Flops, true, Lang::En) => " in multiply-adds; FLOPs with bias move it further",
        (Unit::Flops, true, Lang::Zh) => "（按乘加次数计；按 FLOPs 计且有偏置时还会再偏离）",
        _ => "",
    };
    let gap = match (c.gap(unit), lang) {
        (None, _) => lang.tr(" ✓ the same: M and Dp² cancel", " ✓ 相同：M 与 Dp² 约掉了").to_owned(),
        (Some(Gap::Groups(g)), Lang::En) => format!(
            " ✗ differs: with g = {g} groups the standard side is {g}× cheaper already, so R = g/N + g/Dk² = {g}/{n} + {g}/{dk}²{further}"
        ),
        (Some(Gap::Groups(g)), Lang::Zh) => format!(
            " ✗ 不同：分成 g = {g} 组后，标准卷积的计算量已降为 1/{g}，所以 R = g/N + g/Dk² = {g}/{n} + {g}/{dk}²{further}"
        ),
        (Some(Gap::FlopsBias), _) => lang.tr(
            " ✗ differs: in FLOPs a bias adds one addition per output value, which does not cancel",
            " ✗ 不同：按 FLOPs 计时，偏置为每个输出值加一次加法，约不掉",
        ).to_owned(),
    };
    let (g, bias) = (c.layer.groups, c.layer.bias);
    let params_standard = match (g, bias) {
        (1, false) => "·M·N = ".to_owned(),
        (1, true) => "·M·N + N = ".to_owned(),
        (_, false) => "·(M/g)·N = ".to_owned(),
        (_, true) => "·(M/g)·N + N = ".to_owned(),
    };
    let params_separable = if bias {
        "·M + M·N + M + N = "
    } else {
        "·M + M·N = "
    };
    // Bar lengths in hundredths of a percent, in integers (float formatting would
    // cost the wasm more than it is worth); the exact figures are printed beside them.
    // Each part shows at least a sliver. They are SVG attributes, not styles: a strict
    // Content-Security-Policy refuses `style` attributes, and attributes are in the page
    // pre-rendered at build time, before any wasm runs.
    // The longer cost fills its track: when separable costs more (Dk = 1, N = 1, many
    // groups) its bar is the longer one, not cut at the standard's end.
    let longest = standard.max(separable).max(1);
    let share = |part: u128| (part * 10_000 / longest).max(20);
    let percent = |bp: u128| format!("{}.{:02}%", bp / 100, bp % 100);
    let (depthwise_width, pointwise_width) = (share(depthwise), share(pointwise));
    let more = separable > standard;
    html! {
        <section class="panel summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="headline">
                <span id="speedup" class={classes!("speedup", more.then_some("more"))}
                    data-value={speedup.significant(DATA_DIGITS)}>
                    { headline_factor(speedup) }{ "×" }
                </span>
                <span class="headline-text">{ headline_text(speedup, what, lang) }</span>
            </h2>
            <div class="bars" role="img" aria-label={bars_label(lang, what, standard, depthwise, pointwise)}>
                <div class="bar-row">
                    <span class="bar-label">{ lang.tr("standard", "标准") }</span>
                    <svg class="bar-track">
                        <rect class="bar-standard" height="100%" width={percent(share(standard))} />
                    </svg>
                </div>
                <div class="bar-row">
                    <span class="bar-label">{ lang.tr("separable", "可分离") }</span>
                    <svg class="bar-track">
                        <rect class="bar-depthwise" height="100%" width={percent(depthwise_width)} />
                        <rect class="bar-pointwise" height="100%" x={percent(depthwise_width)}
                            width={percent(pointwise_width)} />
                    </svg>
                </div>
                <p class="legend" aria-hidden="true">
                    <span class="key key-depthwise"></span>{ lang.tr("depthwise ", "深度卷积 ") }
                    <span class="key key-pointwise"></span>{ lang.tr("pointwise", "逐点卷积") }
                </p>
            </div>
            <dl class="ratios">
                <dt>{ lang.tr("R = separable ÷ standard", "R = 可分离 ÷ 标准") }</dt>
                <dd>
                    { format!("{} ÷ {} = {} = ", thousands(separable), thousands(standard), fraction_text(ratio)) }
                    <strong id="ratio" data-value={ratio.significant(DATA_DIGITS)}>
                        { ratio.significant(SHOWN_DIGITS) }
                    </strong>
                </dd>
                <dt>{ lang.tr("The article's closed form", "原文的简化公式") }</dt>
                <dd>
                    { "1/" }{ symbol_html("N") }{ " + 1/" }{ symbol_html("Dk") }<sup>{ 2 }</sup>
                    { format!(" = 1/{n} + 1/{dk}² = {} = ", fraction_text(closed)) }
                    <strong id="ratio-closed" data-value={closed.significant(DATA_DIGITS)}>
                        { closed.significant(SHOWN_DIGITS) }
                    </strong>
                    <span class={classes!("check", c.gap(unit).map(|_| "differs"))} id="ratio-check">{ gap }</span>
                </dd>
                <dt>{ lang.tr("Weights (parameters)", "权重（参数量）") }</dt>
                <dd class="weights">
                    <span>{ lang.tr("standard ", "标准 ") }{ symbol_html("Dk") }<sup>{ 2 }</sup>{ params_standard }</span>
                    <Count id="params-standard" value={c.params_standard()} />
                    <span>{ lang.tr("separable ", "可分离 ") }{ symbol_html("Dk") }<sup>{ 2 }</sup>{ params_separable }</span>
                    <Count id="params-separable" value={c.params_separable()} />
                </dd>
            </dl>
        </section>
    }
}

/// The bars in words, for screen readers.
fn bars_label(lang: Lang, what: &str, standard: u128, depthwise: u128, pointwise: u128) -> String {
    let (s, d, p) = (
        thousands(standard),
        thousands(depthwise),
        thousands(pointwise),
    );
    match lang {
        Lang::En => format!("Standard: {s} {what}. Separable: {d} depthwise plus {p} pointwise."),
        Lang::Zh => format!("标准卷积：{s}（{what}）。可分离卷积：深度卷积 {d} 加逐点卷积 {p}。"),
    }
}
