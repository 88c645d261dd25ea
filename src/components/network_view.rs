//! A real network, layer by layer: shapes, multiply-adds, parameters and each layer's
//! share; where the cost goes; totals beside the paper's, and beside the same network
//! built from full convolutions. A row's button loads its layer into the layer view.

use super::cost_card::count;
use super::hooks::use_lang;
use super::where_bar::{where_bar, Part};
use crate::cost::{Multiplier, Padding};
use crate::format::thousands;
use crate::i18n::Lang;
use crate::network::{agreement, by_id, Agreement, Count, Kind, Published, NETWORKS};
use crate::state::{Action, NetChoice};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub net: NetChoice,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn NetworkView(props: &Props) -> Html {
    let net = props.net;
    let lang = use_lang();
    // Read and counted again only when the network, α or the resolution change.
    let counted = use_memo(net, |net| {
        by_id(net.id).map(|network| {
            let count = Count::of(network, net.alpha, net.res);
            (network, count)
        })
    });
    let Some((network, count)) = counted.as_ref() else {
        return html! {};
    };
    let totals = count.totals;
    let on_action = &props.on_action;

    let select = |id: &'static str,
                  label: &'static str,
                  options: Vec<(String, String)>,
                  current: String,
                  to: fn(NetChoice, &str) -> NetChoice| {
        let onchange = on_action.reform(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            Action::SetNet(to(net, &value))
        });
        html! {
            <label class="net-choice">
                <span>{ label }</span>
                <select {id} {onchange}>
                    { for options.into_iter().map(|(value, text)| html! {
                        <option selected={value == current} value={value.clone()}>{ text }</option>
                    }) }
                </select>
            </label>
        }
    };
    let networks = NETWORKS
        .iter()
        .map(|n| (n.id.to_owned(), n.title.to_owned()))
        .collect();
    let alphas = offered(
        network.alphas.iter().map(|a| a.to_string()),
        net.alpha.to_string(),
    );
    let resolutions = offered(
        network.resolutions.iter().map(u32::to_string),
        net.res.to_string(),
    );
    let pick_net = |net: NetChoice, id: &str| {
        let id = by_id(id).map_or(net.id, |n| n.id);
        NetChoice {
            id,
            ..NetChoice::default()
        }
    };
    let pick_alpha = |net: NetChoice, a: &str| NetChoice {
        alpha: Multiplier::parse(a).unwrap_or(net.alpha),
        ..net
    };
    let pick_res = |net: NetChoice, r: &str| NetChoice {
        res: r.parse().unwrap_or(net.res),
        ..net
    };

    // The columns' names: the table's header, and on a phone each number's own label.
    let labels = [
        "#",
        lang.tr("Type / stride", "类型 / 步长"),
        lang.tr("Filter", "卷积核"),
        lang.tr("Input", "输入"),
        lang.tr("Output", "输出"),
        lang.tr("Multiply-adds", "乘加次数"),
        lang.tr("Parameters", "参数"),
        lang.tr("Share", "占比"),
        lang.tr("Load", "载入"),
    ];
    let rows = count.rows.iter().enumerate().map(|(i, row)| {
        let (size, c) = row.input;
        let (out_size, out) = row.output;
        let name = match row.kind {
            Kind::Standard => format!("Conv / s{}", row.stride),
            Kind::Depthwise => format!("Conv dw / s{}", row.stride),
            Kind::Pointwise => "Conv 1×1 / s1".to_owned(),
            Kind::Pool => "Avg Pool".to_owned(),
            Kind::Classifier => "FC".to_owned(),
        };
        let filter = match row.kind {
            Kind::Standard => format!("{0}×{0}×{c}×{out}", row.k),
            Kind::Depthwise => format!("{0}×{0}×{c} dw", row.k),
            Kind::Pointwise => format!("1×1×{c}×{out}"),
            Kind::Pool => format!("Pool {size}×{size}"),
            Kind::Classifier => format!("{c}×{out}"),
        };
        let share = bp(row.macs, totals.macs);
        let load = row.layer.map(|layer| {
            let onclick = on_action.reform(move |_: MouseEvent| Action::Load(layer));
            let label = match lang {
                Lang::En => format!("Load layer {} into the layer view", i + 1),
                Lang::Zh => format!("把第 {} 层载入单层视图", i + 1),
            };
            let pad = if layer.padding == Padding::Same { "" } else { " (valid)" };
            html! {
                <button type="button" class="tool row-load" aria-label={label}
                    title={format!("Df {}, Dk {}, M {}, N {}, {} {}{pad}", layer.df, layer.dk, layer.m, layer.n, lang.tr("stride", "步长"), layer.stride)}
                    {onclick}>{ lang.tr("Load", "载入") }</button>
            }
        });
        html! {
            <tr class={classes!("net-row", kind_class(row.kind))}
                data-macs={row.macs.to_string()} data-params={row.params.to_string()}>
                <td class="num">{ i + 1 }</td>
                <td>{ name }{ if row.residual { " +" } else { "" } }</td>
                <td data-label={labels[2]}>{ filter }</td>
                <td data-label={labels[3]}>{ format!("{size}×{size}×{c}") }</td>
                <td data-label={labels[4]}>{ format!("{out_size}×{out_size}×{out}") }</td>
                <td class="num" data-label={labels[5]}>{ thousands(row.macs) }</td>
                <td class="num" data-label={labels[6]}>{ thousands(row.params) }</td>
                <td class="num share-cell" data-label={labels[7]}>
                    <svg class="share-bar" viewBox="0 0 10000 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect width={share.to_string()} height="10" />
                    </svg>
                    { percent(share) }
                </td>
                <td>{ for load }</td>
            </tr>
        }
    });

    html! {
        <section class="panel network" aria-labelledby="network-title">
            <h2 id="network-title">{ match lang {
                Lang::En => format!("{} layer by layer", network.title),
                Lang::Zh => format!("{} 逐层计数", network.title),
            } }</h2>
            <p class="panel-note">{ match lang {
                Lang::En => &network.source,
                Lang::Zh => &network.source_zh,
            } }</p>
            <div class="net-choices">
                { select("net", lang.tr("Network", "网络"), networks, net.id.to_owned(), pick_net) }
                { select("net-alpha", lang.tr("Width α", "宽度 α"), alphas, net.alpha.to_string(), pick_alpha) }
                { select("net-res", lang.tr("Input", "输入"), resolutions, net.res.to_string(), pick_res) }
            </div>
            <div class="net-totals">
                { total(Total {
                    title: lang.tr("Depthwise separable, as published", "深度可分离（原网络）"),
                    macs_id: "net-macs",
                    params_id: "net-params",
                    macs: totals.macs,
                    params: totals.params,
                    published: network.published_for(&net.alpha.to_string(), net.res),
                }, lang) }
                { total(Total {
                    title: lang.tr("The same with full convolutions", "同一网络改用标准卷积"),
                    macs_id: "net-macs-standard",
                    params_id: "net-params-standard",
                    macs: totals.macs_standard,
                    params: totals.params_standard,
                    published: network.published_standard.as_ref()
                        .filter(|p| p.alpha == net.alpha.to_string() && p.res == net.res),
                }, lang) }
            </div>
            <p class="net-factor">
                { match lang {
                    Lang::En => format!("{}× fewer multiply-adds and {}× fewer parameters than the same network with full convolutions.",
                        ratio(totals.macs_standard, totals.macs), ratio(totals.params_standard, totals.params)),
                    Lang::Zh => format!("与改用标准卷积的同一网络相比，乘加次数仅为其 1/{}，参数仅为其 1/{}。",
                        ratio(totals.macs_standard, totals.macs), ratio(totals.params_standard, totals.params)),
                } }
            </p>
            { where_it_goes(count, lang) }
            { notes(network.id, lang) }
            <div class="table-wrap">
                <table class="net-table">
                    <caption class="sr-only">{ format!("{}, α = {}, {}×{}", network.title, net.alpha, net.res, net.res) }</caption>
                    <thead><tr>
                        { for labels[..8].iter().map(|l| html! { <th scope="col">{ *l }</th> }) }
                        <th scope="col"><span class="sr-only">{ labels[8] }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// The published choices, and the current one if it is not among them (from a link).
fn offered(published: impl Iterator<Item = String>, current: String) -> Vec<(String, String)> {
    let mut values: Vec<String> = published.collect();
    if !values.contains(&current) {
        values.push(current);
    }
    values.into_iter().map(|v| (v.clone(), v)).collect()
}

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Standard => "kind-standard",
        Kind::Depthwise => "kind-depthwise",
        Kind::Pointwise => "kind-pointwise",
        Kind::Pool => "kind-pool",
        Kind::Classifier => "kind-classifier",
    }
}

/// A part of a whole in hundredths of a percent, rounded.
fn bp(part: u128, whole: u128) -> u128 {
    (part * 20_000 / whole.max(1)).div_ceil(2)
}

fn percent(bp: u128) -> String {
    format!("{}.{:02} %", bp / 100, bp % 100)
}

/// a / b to one decimal.
fn ratio(a: u128, b: u128) -> String {
    let tenths = (a * 20 / b.max(1)).div_ceil(2);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// One of the two totals: a network's multiply-adds and parameters, each on the element
/// with its id, against the paper's printed figures where there are some.
struct Total<'a> {
    title: &'static str,
    macs_id: &'static str,
    params_id: &'static str,
    macs: u128,
    params: u128,
    published: Option<&'a Published>,
}

fn total(props: Total, lang: Lang) -> Html {
    let against = |count: u128, printed: Option<&str>| {
        let printed = printed?;
        let agrees = agreement(count, printed);
        let verdict = match agrees {
            Agreement::Rounded => lang
                .tr("✓ rounds to the printed figure", "✓ 四舍五入后与之相同")
                .to_owned(),
            Agreement::Truncated => lang
                .tr(
                    "✓ the paper cut the decimals here",
                    "✓ 论文在这里舍去了小数",
                )
                .to_owned(),
            Agreement::Differs => match crate::network::difference(count, printed) {
                // By how much, so that a lecture's stop, which leaves the notes out, says
                // it too: a hair (0.03 %), not a mistake in the count.
                Some((more, m, p)) => {
                    let sign = if more { "+" } else { "−" };
                    let signed = |h: u128| format!("{sign}{}.{:02}", h / 100, h % 100);
                    let (m, p) = (signed(m), signed(p));
                    let by = lang.tr("≠ differs by ", "≠ 相差 ");
                    let (open, close) = (lang.tr(" (", "（"), lang.tr(" %)", " %）"));
                    format!("{by}{m} M{open}{p}{close}")
                }
                None => lang.tr("≠ differs", "≠ 不同").to_owned(),
            },
        };
        // The notes are under the table, which a lecture's stop leaves out.
        let see_notes = (agrees == Agreement::Differs)
            .then(|| html! { <span class="see-notes">{ lang.tr(": see the notes below", "：见下方说明") }</span> });
        let class = classes!(
            "published",
            (agrees == Agreement::Differs).then_some("differs")
        );
        let printed = match lang {
            Lang::En => format!("printed {printed} M · {verdict}"),
            Lang::Zh => format!("论文为 {printed} M · {verdict}"),
        };
        Some(html! { <span {class}>{ printed }{ for see_notes }</span> })
    };
    let published = props.published;
    html! {
        <article class="card net-total">
            <h3>{ props.title }</h3>
            <p class="card-note">{ lang.tr("multiply-adds", "乘加次数") }</p>
            { count(props.macs_id, props.macs, lang) }
            { for against(props.macs, published.map(|p| p.macs)) }
            <p class="card-note">{ lang.tr("parameters", "参数") }</p>
            { count(props.params_id, props.params, lang) }
            { for against(props.params, published.map(|p| p.params)) }
            if let Some(p) = published {
                <p class="card-note">{ match lang {
                    Lang::En => format!("Published: {}", p.table),
                    Lang::Zh => format!("出处：{}", p.table_zh),
                } }</p>
            }
        </article>
    }
}

/// One bar, split by kind of layer: where the multiply-adds go.
fn where_it_goes(count: &Count, lang: Lang) -> Html {
    let total = count.totals.macs;
    let kinds = [
        (Kind::Standard, lang.tr("full convolutions", "标准卷积")),
        (Kind::Depthwise, lang.tr("depthwise", "深度卷积")),
        (Kind::Pointwise, lang.tr("1×1 pointwise", "1×1 逐点卷积")),
        (Kind::Classifier, lang.tr("classifier", "分类器")),
    ];
    let parts: Vec<Part> = kinds
        .iter()
        .map(|&(kind, label)| {
            let macs: u128 = count
                .rows
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.macs)
                .sum();
            let share = bp(macs, total);
            Part {
                class: kind_class(kind),
                words: format!("{label} {}", percent(share)),
                width: share,
            }
        })
        .collect();
    where_bar(&parts, None, lang)
}

/// What it takes to get the published figures of the network `id`, in words.
fn notes(id: &str, lang: Lang) -> Html {
    let notes: &[&str] = match (id, lang) {
        ("mobilenet_v1", Lang::En) => &[
            "Table 1 of the paper prints the second-to-last depthwise layer as “s2” on a 7×7 input. Read literally it would shrink the last layers to 4×4 and give 534 M multiply-adds, not 569 M; TF-slim's code, and the 7×7 output Table 1 itself prints, use stride 1, as here.",
            "Counted as in the paper and in fvcore: multiply-adds of the convolutions and the classifier; no batch norm, ReLU, bias or pooling. Parameters are weights plus the classifier's 1,000 biases; PyTorch's count adds batch norm's 21,888 γ and β (4,231,976).",
            "“Conv MobileNet” (Table 4) replaces each depthwise + 1×1 pair by one full 3×3 convolution. The paper prints 4866 M; this count is 4867.29 M, 0.03 % more. Without the classifier's 1.02 M it is 4866.27 M, the printed figure: the paper seems to have left the classifier out of that one.",
            "The paper rounds most figures (568.74 M → 569) but cuts a few (290.68 M at 160×160 → 290); the ✓ says which.",
        ],
        ("mobilenet_v1", Lang::Zh) => &[
            "论文表 1 把倒数第二个深度卷积层印成了 7×7 输入上的 “s2”。照字面理解，最后几层会缩到 4×4，总计 534 M 次乘加，而不是 569 M；TF-slim 的代码以及表 1 自己印的 7×7 输出都用的是步长 1，这里也一样。",
            "计数方式与论文和 fvcore 相同：只数卷积和分类器的乘加；不计批归一化、ReLU、偏置和池化。参数为权重加上分类器的 1,000 个偏置；PyTorch 的统计还会加上批归一化的 21,888 个 γ 和 β（共 4,231,976）。",
            "“Conv MobileNet”（表 4）把每一对深度卷积 + 1×1 卷积换成一个完整的 3×3 卷积。论文印的是 4866 M；这里算出 4867.29 M，多 0.03 %。去掉分类器的 1.02 M 后是 4866.27 M，正是论文的数字：论文的这个数字似乎没有算上分类器。",
            "论文大多数数字是四舍五入的（568.74 M → 569），但也有几个是直接舍去小数的（160×160 时 290.68 M → 290）；✓ 后面会注明是哪一种。",
        ],
        ("mobilenet_v2", Lang::Zh) => &[
            "按表 2 逐块展开的瓶颈结构：1×1 扩张（t = 6）、3×3 深度卷积、线性 1×1 投影；“+” 表示残差相加，不需要乘加。",
            "300,774,272 次乘加，与 torch 的 FlopCounterMode 以及 fvcore 的卷积和线性算子对 torchvision 的 mobilenet_v2 的计数一致；TF-slim 印的是 300 M（舍去小数，而非四舍五入）。fvcore 的整网总数（314 M）加上了批归一化，ptflops 和 thop 加得更多。",
            "3,470,760 个参数：torchvision 的 3,504,872 减去批归一化的 34,112 个 γ 和 β；TF-slim 印的是 3.47 M。",
        ],
        ("mobilenet_v2", Lang::En) => &[
            "Bottlenecks of Table 2 written out: 1×1 expansion (t = 6), 3×3 depthwise, linear 1×1 projection; “+” marks a residual addition, which needs no multiply-add.",
            "300,774,272 multiply-adds, as torch's FlopCounterMode and fvcore's convolution and linear operators count torchvision's mobilenet_v2; TF-slim prints 300 M (cut, not rounded). fvcore's whole-model total (314 M) adds batch norm, and ptflops and thop add more again.",
            "3,470,760 parameters: torchvision's 3,504,872 less batch norm's 34,112 γ and β; TF-slim prints 3.47 M.",
        ],
        _ => &[],
    };
    html! {
        <ul class="net-notes">{ for notes.iter().map(|n| html! { <li>{ *n }</li> }) }</ul>
    }
}
