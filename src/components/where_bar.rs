//! One bar split by kind of layer, with its legend: where a network's multiply-adds go.
//! The published networks' view and Your network's view draw it alike; each works out
//! its own parts.

use crate::i18n::Lang;
use yew::prelude::*;

/// A part of the bar: the kind's class (its colour), its words ("depthwise 3.06 %"), and
/// its width in ten-thousandths of the bar.
pub struct Part {
    pub class: &'static str,
    pub words: String,
    pub width: u128,
}

/// The bar, its parts from left to right, described in words for screen readers, and the
/// legend under it. `scope`, if any, says what the bar is a whole of when that is not the
/// whole network (only the layers that could be counted), before the parts in the legend
/// and in the words.
pub fn where_bar(parts: &[Part], scope: Option<&str>, lang: Lang) -> Html {
    let words: Vec<&str> = parts.iter().map(|p| p.words.as_str()).collect();
    let label = format!(
        "{}{}{}",
        lang.tr("Where the multiply-adds go: ", "乘加次数的去向："),
        scope.map_or(String::new(), |s| format!("{s} ")),
        words.join(lang.tr(", ", "，"))
    );
    let starts = parts.iter().scan(0, |x, p| {
        *x += p.width;
        Some(*x - p.width)
    });
    html! {
        <figure class="where">
            <svg class="where-bar" viewBox="0 0 10000 100" preserveAspectRatio="none" role="img"
                aria-label={label}>
                { for parts.iter().zip(starts).map(|(p, x)| html! {
                    <rect class={p.class} x={x.to_string()} width={p.width.to_string()} height="100" />
                }) }
            </svg>
            <figcaption class="legend">
                if let Some(scope) = scope {
                    <span class="where-scope">{ scope }</span>
                }
                { for parts.iter().map(|p| html! {
                    <span class="where-key">
                        <span class={classes!("key", p.class)}></span>{ p.words.clone() }
                    </span>
                }) }
            </figcaption>
        </figure>
    }
}
