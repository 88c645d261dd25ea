//! The lesson in one glance: how many times fewer multiplications, the two costs as bars,
//! and the ratio R both ways, from the counts and from the article's closed form.

use super::cost_card::Count;
use super::formula::symbol_html;
use super::hooks::use_css;
use crate::cost::{Costs, Fraction};
use crate::format::thousands;
use yew::prelude::*;

/// Significant digits on the page, and (more) in the `data-value`s for machines.
const SHOWN_DIGITS: usize = 9;
const DATA_DIGITS: usize = 15;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
}

#[function_component]
pub fn Summary(props: &Props) -> Html {
    let c = &props.costs;
    let (n, dk) = (c.layer.n, c.layer.dk);
    let ratio = c.ratio();
    let closed = c.ratio_closed_form();
    let speedup = c.speedup();
    // Bar lengths in hundredths of a percent, in integers (float formatting would
    // cost the wasm more than it is worth); the exact figures are printed beside them.
    let share = |part: u128| {
        let bp = part * 10_000 / c.standard();
        vec![("width", format!("{}.{:02}%", bp / 100, bp % 100))]
    };
    let (depthwise_bar, pointwise_bar) = (use_node_ref(), use_node_ref());
    use_css(depthwise_bar.clone(), share(c.depthwise()));
    use_css(pointwise_bar.clone(), share(c.pointwise()));
    html! {
        <section class="panel summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="headline">
                <span id="speedup" class="speedup" data-value={speedup.significant(DATA_DIGITS)}>
                    { headline_factor(speedup) }{ "×" }
                </span>
                <span class="headline-text">{ headline_text(speedup) }</span>
            </h2>
            <div class="bars" role="img" aria-label={format!(
                "Standard: {} multiplications. Separable: {} depthwise plus {} pointwise.",
                thousands(c.standard()), thousands(c.depthwise()), thousands(c.pointwise()))}>
                <div class="bar-row">
                    <span class="bar-label">{ "standard" }</span>
                    <div class="bar-track"><div class="bar bar-standard"></div></div>
                </div>
                <div class="bar-row">
                    <span class="bar-label">{ "separable" }</span>
                    <div class="bar-track">
                        <div class="bar bar-depthwise" ref={depthwise_bar}></div>
                        <div class="bar bar-pointwise" ref={pointwise_bar}></div>
                    </div>
                </div>
                <p class="legend" aria-hidden="true">
                    <span class="key key-depthwise"></span>{ "depthwise " }
                    <span class="key key-pointwise"></span>{ "pointwise" }
                </p>
            </div>
            <dl class="ratios">
                <dt>{ "R = separable ÷ standard" }</dt>
                <dd>
                    { format!("{} ÷ {} = {} = ", thousands(c.separable()), thousands(c.standard()), fraction_text(ratio)) }
                    <strong id="ratio" data-value={ratio.significant(DATA_DIGITS)}>
                        { ratio.significant(SHOWN_DIGITS) }
                    </strong>
                </dd>
                <dt>{ "The article's closed form" }</dt>
                <dd>
                    { "1/" }{ symbol_html("N") }{ " + 1/" }{ symbol_html("Dk") }<sup>{ 2 }</sup>
                    { format!(" = 1/{n} + 1/{dk}² = {} = ", fraction_text(closed)) }
                    <strong id="ratio-closed" data-value={closed.significant(DATA_DIGITS)}>
                        { closed.significant(SHOWN_DIGITS) }
                    </strong>
                    <span class="check">
                        { if ratio == closed { " ✓ the same: M and Dp² cancel" } else { " ✗ differs" } }
                    </span>
                </dd>
                <dt>{ "Weights (parameters)" }</dt>
                <dd class="weights">
                    <span>{ "standard " }{ symbol_html("Dk") }<sup>{ 2 }</sup>{ "·M·N = " }</span>
                    <Count id="params-standard" value={c.params_standard()} />
                    <span>{ "separable " }{ symbol_html("Dk") }<sup>{ 2 }</sup>{ "·M + M·N = " }</span>
                    <Count id="params-separable" value={c.params_separable()} />
                </dd>
            </dl>
        </section>
    }
}

/// 521/4608, or just 1 when the denominator is 1.
fn fraction_text(f: Fraction) -> String {
    if f.den() == 1 {
        thousands(f.num())
    } else {
        format!("{}/{}", thousands(f.num()), thousands(f.den()))
    }
}

/// The headline's factor, always at least 1: "8.8" fewer, or "2.0" more.
fn headline_factor(speedup: Fraction) -> String {
    if speedup.num() >= speedup.den() {
        speedup.fixed(1)
    } else {
        Fraction::new(speedup.den(), speedup.num()).fixed(1)
    }
}

fn headline_text(speedup: Fraction) -> &'static str {
    use std::cmp::Ordering::*;
    match speedup.num().cmp(&speedup.den()) {
        Greater => " fewer multiplications with a depthwise separable convolution",
        Equal => " as many: with these sizes separable saves nothing",
        // Only N = 1 or Dk = 1 get here: a 1x1 kernel or one filter.
        Less => {
            " more multiplications when separable: with N = 1 or Dk = 1 there is nothing to share"
        }
    }
}
