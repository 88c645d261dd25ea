//! The lesson in one glance: how many times fewer multiplications, the two costs as bars,
//! and the ratio R both ways, from the counts and from the article's closed form.

use super::cost_card::count;
use super::formula::symbol_html;
use crate::cost::Costs;
use crate::i18n::Lang;
use crate::readout::Readout;
use yew::prelude::*;

/// The headline, the bars and the ratios for `c`, in the words of `r`.
pub fn summary(c: &Costs, r: &Readout, lang: Lang) -> Html {
    let r = r.clone();
    let (g, bias) = (c.layer.groups, c.layer.bias);
    let params_standard = match (g, bias) {
        (1, false) => "·M·N = ",
        (1, true) => "·M·N + N = ",
        (_, false) => "·(M/g)·N = ",
        (_, true) => "·(M/g)·N + N = ",
    };
    let params_separable = if bias {
        "·M + M·N + M + N = "
    } else {
        "·M + M·N = "
    };
    // The bars are SVG attributes, not styles: a strict Content-Security-Policy refuses
    // `style` attributes, and attributes are in the page pre-rendered at build time.
    let [standard_width, depthwise_width, pointwise_width] = r.bar_widths;
    html! {
        <section class="panel summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="headline">
                <span id="speedup" class={classes!("speedup", r.more.then_some("more"))}
                    data-value={r.speedup_value}>
                    { r.speedup }
                </span>
                <span class="headline-text">{ r.headline }</span>
            </h2>
            <div class="bars" role="img" aria-label={r.bars_label}>
                <div class="bar-row">
                    <span class="bar-label">{ lang.tr("standard", "标准") }</span>
                    <svg class="bar-track">
                        <rect class="bar-standard" height="100%" width={standard_width} />
                    </svg>
                </div>
                <div class="bar-row">
                    <span class="bar-label">{ lang.tr("separable", "可分离") }</span>
                    <svg class="bar-track">
                        <rect class="bar-depthwise" height="100%" width={depthwise_width.clone()} />
                        <rect class="bar-pointwise" height="100%" x={depthwise_width}
                            width={pointwise_width} />
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
                    { r.ratio_line }
                    <strong id="ratio" data-value={r.ratio_value}>{ r.ratio }</strong>
                </dd>
                <dt>{ lang.tr("The article's closed form", "原文的简化公式") }</dt>
                <dd>
                    { "1/" }{ symbol_html("N") }{ " + 1/" }{ symbol_html("Dk") }<sup>{ 2 }</sup>
                    { r.closed_line }
                    <strong id="ratio-closed" data-value={r.closed_value}>{ r.closed }</strong>
                    <span class={classes!("check", r.differs.then_some("differs"))} id="ratio-check">{ r.check }</span>
                </dd>
                <dt>{ lang.tr("Weights (parameters)", "权重（参数量）") }</dt>
                <dd class="weights">
                    <span>{ lang.tr("standard ", "标准 ") }{ symbol_html("Dk") }<sup>{ 2 }</sup>{ params_standard }</span>
                    { count("params-standard", c.params_standard(), lang) }
                    <span>{ lang.tr("separable ", "可分离 ") }{ symbol_html("Dk") }<sup>{ 2 }</sup>{ params_separable }</span>
                    { count("params-separable", c.params_separable(), lang) }
                </dd>
            </dl>
        </section>
    }
}
