//! What a chart says besides its pixels: the read-out under the pointer, the `data-*`
//! attributes for tests and embedders, the sentence for screen readers, the file name.

use super::{Kind, View};
use crate::cost::{Costs, Fraction, Part, Unit};
use crate::format::{short_decimal, thousands};
use crate::i18n::Lang;
use crate::plots::{self, Measure, RatioChart, Sweep};

/// Significant digits of the figures in `data-*` attributes and in the read-out.
const DATA_DIGITS: usize = 15;
const SHOWN_DIGITS: usize = 9;

/// The exact value under the pointer, in words.
pub fn read_out(
    kind: Kind,
    costs: &Costs,
    model: Option<&RatioChart>,
    view: View,
    (x, y): (f64, f64),
    lang: Lang,
) -> Option<String> {
    match (kind, model) {
        (Kind::Ratio(sweep), Some(chart)) => {
            let at = (x.round() as u32).clamp(1, chart.x_max);
            // The curve nearest the pointer, measured on the log axis the curves are drawn on.
            let (key, value) = chart
                .curves
                .iter()
                .filter_map(|c| Some((c.key, chart.value_at(&costs.layer, c.key, at)?)))
                .min_by(|a, b| {
                    let gap = |v: Fraction| (v.to_f64().log10() - y.log10()).abs();
                    gap(a.1).total_cmp(&gap(b.1))
                })?;
            let (x_sym, key_sym) = match sweep {
                Sweep::Filters => ("N", "Dk"),
                Sweep::Kernel => ("Dk", "N"),
            };
            let what = match chart.measure {
                Measure::Ratio => "R",
                Measure::Speedup => "1/R",
            };
            Some(format!(
                "{key_sym} = {key}, {x_sym} = {at}: {what} = {}",
                value.significant(SHOWN_DIGITS)
            ))
        }
        _ => {
            let bars = plots::bars(costs, view.unit, view.log, lang);
            let bar = bars.get(x.round().max(0.0) as usize)?;
            let (name, total) = (bar.name, thousands(bar.total()));
            Some(match (lang, view.unit) {
                (Lang::En, Unit::Macs) => format!("{name}: {total} multiplications"),
                (Lang::Zh, Unit::Macs) => format!("{name}：{total} 次乘法"),
                (Lang::En, Unit::Flops) => format!("{name}: {total} FLOPs"),
                (Lang::Zh, Unit::Flops) => format!("{name}：{total} FLOPs"),
            })
        }
    }
}

/// What the chart drew, for tests and embedders: `data-*` name and value pairs.
pub fn data_attributes(
    kind: Kind,
    costs: &Costs,
    model: Option<&RatioChart>,
    view: View,
) -> Vec<(&'static str, String)> {
    match (kind, model) {
        (Kind::Ratio(_), Some(chart)) => {
            let keys: Vec<String> = chart.curves.iter().map(|c| c.key.to_string()).collect();
            let current = chart.curves.iter().find(|c| c.current).map(|c| c.key);
            vec![
                (
                    "data-measure",
                    match chart.measure {
                        Measure::Ratio => "ratio".to_owned(),
                        Measure::Speedup => "speedup".to_owned(),
                    },
                ),
                ("data-x", chart.current_x.to_string()),
                ("data-value", chart.current_value.significant(DATA_DIGITS)),
                ("data-asymptote", chart.asymptote.significant(DATA_DIGITS)),
                ("data-curves", keys.join(",")),
                (
                    "data-current-curve",
                    current.map(|k| k.to_string()).unwrap_or_default(),
                ),
            ]
        }
        _ => vec![
            (
                "data-scale",
                if view.log { "log" } else { "linear" }.to_owned(),
            ),
            ("data-unit", view.unit.key().to_owned()),
            (
                "data-standard",
                costs.count(Part::Standard, view.unit).to_string(),
            ),
            (
                "data-depthwise",
                costs.count(Part::Depthwise, view.unit).to_string(),
            ),
            (
                "data-pointwise",
                costs.count(Part::Pointwise, view.unit).to_string(),
            ),
            (
                "data-separable",
                costs.count(Part::Separable, view.unit).to_string(),
            ),
        ],
    }
}

/// A sentence or two that says what the chart shows with today's numbers.
pub fn describe(
    kind: Kind,
    costs: &Costs,
    model: Option<&RatioChart>,
    view: View,
    lang: Lang,
) -> String {
    let l = costs.layer;
    let unit = view.unit;
    match (kind, model) {
        (Kind::Ratio(sweep), Some(chart)) => {
            let keys: Vec<String> = chart.curves.iter().map(|c| c.key.to_string()).collect();
            let (x_sym, key_sym) = match sweep {
                Sweep::Filters => ("N", "Dk"),
                Sweep::Kernel => ("Dk", "N"),
            };
            // In R, whichever measure the axis shows.
            let level = match (costs.gap(unit), sweep) {
                (Some(_), _) => lang.tr("its limit", "极限"),
                (None, Sweep::Filters) => "1/Dk²",
                (None, Sweep::Kernel) => "1/N",
            };
            let (keys, r) = (
                keys.join(", "),
                short_decimal(costs.ratio_in(unit).to_f64()),
            );
            let limit = short_decimal(plots::limit(&l, sweep, unit).to_f64());
            let (dk, n) = (l.dk, l.n);
            match lang {
                Lang::En => format!(
                    "R against {x_sym}, one curve for each {key_sym} in {keys}. This layer (Dk = {dk}, N = {n}) has R = {r}; \
                     as {x_sym} grows, R levels out at {level} = {limit}."
                ),
                Lang::Zh => format!(
                    "R 随 {x_sym} 的变化，{key_sym} 取 {keys} 时各一条曲线。这一层（Dk = {dk}，N = {n}）的 R = {r}；\
                     {x_sym} 越大，R 越趋近 {level} = {limit}。"
                ),
            }
        }
        _ => {
            let count = |part| thousands(costs.count(part, unit));
            let (s, d, p, t) = (
                count(Part::Standard),
                count(Part::Depthwise),
                count(Part::Pointwise),
                count(Part::Separable),
            );
            let what = match (unit, lang) {
                (Unit::Macs, _) => lang.tr("multiplications", "次乘法"),
                (Unit::Flops, _) => "FLOPs",
            };
            match lang {
                Lang::En => format!(
                    "Standard: {s} {what}. Separable: {d} depthwise plus {p} pointwise, {t} in all."
                ),
                Lang::Zh => {
                    format!(
                        "标准卷积：{s} {what}。可分离卷积：深度卷积 {d} 加逐点卷积 {p}，共 {t}。"
                    )
                }
            }
        }
    }
}

/// "sepconv-ratio-vs-n-df14-dk3-m512-n512-speedup": says what the file shows.
pub fn file_name(id: &str, costs: &Costs, view: View) -> String {
    let l = costs.layer;
    let variant = match (view.measure, view.log) {
        (Measure::Speedup, _) => "-speedup",
        (_, true) => "-log",
        _ => "",
    };
    let unit = match view.unit {
        Unit::Macs => "",
        Unit::Flops => "-flops",
    };
    format!(
        "sepconv-{id}-df{}-dk{}-m{}-n{}{variant}{unit}",
        l.df, l.dk, l.m, l.n
    )
}
