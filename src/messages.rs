//! What went wrong, in words: the core's errors, a link's problems and the page's
//! notices, in English and in Simplified Chinese.

use crate::cost::{
    Fraction, GeometryError, InputError, LayerError, Limit, MultiplierError, Padding, Param, Unit,
};
use crate::format::short_decimal;
use crate::i18n::Lang;
use crate::measure::{Kernel, Measured, Plan};
use crate::problem::Problem;
use crate::state::{Change, Notice};
use std::fmt;

/// What a parameter's symbol stands for, in a few words.
pub fn meaning(lang: Lang, param: Param) -> &'static str {
    match param {
        Param::Df => lang.tr("input width and height", "输入的宽和高"),
        Param::Dk => lang.tr("kernel width and height", "卷积核的宽和高"),
        Param::M => lang.tr("input channels", "输入通道数"),
        Param::N => lang.tr("filters (output channels)", "卷积核个数（输出通道数）"),
        Param::Stride => lang.tr("stride", "步长"),
        Param::Dilation => lang.tr("dilation", "膨胀率"),
        Param::Pad => lang.tr("padding on each side", "每边的填充"),
        Param::Groups => lang.tr("groups", "分组数"),
    }
}

/// "valid", "same" or "explicit" ("显式"): the first two are the frameworks' own words.
pub fn padding_name(lang: Lang, padding: Padding) -> &'static str {
    match padding {
        Padding::Valid => "valid",
        Padding::Same => "same",
        Padding::Explicit(_) => lang.tr("explicit", "显式"),
    }
}

/// Why typed text is not a value of `param`, with the rule it must follow; `symbol`
/// names the parameter ("res" for the network's resolution, which takes Df's range).
pub fn input_error(lang: Lang, param: Param, symbol: &str, error: InputError) -> String {
    let Limit { min, max } = param.limit();
    let rule = match lang {
        Lang::En => format!("{symbol} takes a whole number from {min} to {max}"),
        Lang::Zh => format!("{symbol} 取 {min} 到 {max} 之间的整数"),
    };
    let what = match error {
        InputError::OutOfRange(v) => {
            return match lang {
                Lang::En => format!("{v} is out of range: {rule}"),
                Lang::Zh => format!("{v} 超出范围：{rule}"),
            }
        }
        InputError::Empty => lang.tr("empty", "为空"),
        InputError::NotANumber => lang.tr("not a number", "不是数字"),
        InputError::NotWhole => lang.tr("not a whole number", "不是整数"),
        InputError::FarOutOfRange => lang.tr("far out of range", "远超范围"),
    };
    join(lang, what, &rule)
}

/// Why typed text is not a multiplier α or ρ.
pub fn multiplier_error(lang: Lang, symbol: &str, error: MultiplierError) -> String {
    let rule = match lang {
        Lang::En => format!("{symbol} takes a number above 0 and at most 1, like 0.75"),
        Lang::Zh => format!("{symbol} 取大于 0 且不超过 1 的数，如 0.75"),
    };
    let what = match error {
        MultiplierError::NotANumber => lang.tr("not a number", "不是数字"),
        MultiplierError::TooManyDecimals => lang.tr("more than three decimals", "小数超过三位"),
        MultiplierError::OutOfRange => lang.tr("out of range", "超出范围"),
    };
    join(lang, what, &rule)
}

/// "what: rule" with the language's colon.
fn join(lang: Lang, what: &str, rule: &str) -> String {
    match lang {
        Lang::En => format!("{what}: {rule}"),
        Lang::Zh => format!("{what}：{rule}"),
    }
}

pub fn geometry_error(lang: Lang, e: &GeometryError) -> String {
    let GeometryError {
        span,
        padded,
        dilated,
    } = *e;
    match (lang, dilated) {
        (Lang::En, true) => {
            format!("the dilated kernel spans {span} pixels but the padded input has {padded}")
        }
        (Lang::En, false) => {
            format!("the kernel spans {span} pixels but the padded input has {padded}")
        }
        (Lang::Zh, true) => {
            format!("膨胀后的卷积核覆盖 {span} 个像素，但填充后的输入只有 {padded} 个")
        }
        (Lang::Zh, false) => format!("卷积核覆盖 {span} 个像素，但填充后的输入只有 {padded} 个"),
    }
}

pub fn layer_error(lang: Lang, e: &LayerError) -> String {
    match *e {
        LayerError::OutOfRange { param, value } => {
            let Limit { min, max } = param.limit();
            let (symbol, meaning) = (param.symbol(), meaning(lang, param));
            match lang {
                Lang::En => format!("{symbol} = {value}, outside {min}–{max} ({meaning})"),
                Lang::Zh => format!("{symbol} = {value} 超出 {min}–{max}（{meaning}）"),
            }
        }
        LayerError::NoOutput(err) => match lang {
            Lang::En => format!("no output: {}", geometry_error(lang, &err)),
            Lang::Zh => format!("没有输出：{}", geometry_error(lang, &err)),
        },
        LayerError::Groups { g, m, n } => {
            let (side, value) = if m.is_multiple_of(g) {
                ("N", n)
            } else {
                ("M", m)
            };
            match lang {
                Lang::En => format!(
                    "g = {g} groups, which do not divide {side} = {value} (g must divide M and N)"
                ),
                Lang::Zh => {
                    format!("g = {g} 组，不能整除 {side} = {value}（g 必须同时整除 M 和 N）")
                }
            }
        }
        LayerError::Vanishes { what } => match lang {
            Lang::En => format!("{what} = 0 once rounded"),
            Lang::Zh => format!("{what} 取整后为 0"),
        },
    }
}

/// One value of a link that could not be used, and what the page did instead.
pub fn problem(lang: Lang, p: &Problem) -> String {
    let ignored = |key: &str, text: &str, why: &str, instead: &str| match lang {
        Lang::En => format!("Ignored {key}={text} in the link ({why}){instead}."),
        Lang::Zh => format!("已忽略链接中的 {key}={text}（{why}）{instead}。"),
    };
    match p {
        Problem::Number {
            key,
            param,
            text,
            error,
            fallback,
        } => {
            let symbol = if *key == "res" { "res" } else { param.symbol() };
            let why = input_error(lang, *param, symbol, *error);
            let instead = match (lang, *key) {
                (Lang::En, "res") => format!("; using {fallback}"),
                (Lang::Zh, "res") => format!("，改用 {fallback}"),
                (Lang::En, _) => format!("; using {symbol} = {fallback}"),
                (Lang::Zh, _) => format!("，改用 {symbol} = {fallback}"),
            };
            ignored(key, text, &why, &instead)
        }
        Problem::Padding { text, error } => {
            let why = match lang {
                Lang::En => format!(
                    "padding is valid, same or a number; {}",
                    input_error(lang, Param::Pad, "P", *error)
                ),
                Lang::Zh => format!(
                    "填充取 valid、same 或一个数；{}",
                    input_error(lang, Param::Pad, "P", *error)
                ),
            };
            let instead = lang.tr("; using same padding", "，改用 same 填充");
            ignored("pad", text, &why, instead)
        }
        Problem::Choice { key, text } => {
            let (why, instead) = choices(lang, key);
            ignored(key, text, why, instead)
        }
        Problem::Step { text } => ignored(
            "step",
            text,
            lang.tr("it is a whole number of steps", "应为整数步数"),
            lang.tr("; starting at 0", "，从 0 开始"),
        ),
        Problem::StepPast { last } => match lang {
            Lang::En => {
                format!("The link's step is past the animation's last, {last}; showing the last.")
            }
            Lang::Zh => format!("链接中的步数超过了动画的最后一步 {last}；显示最后一步。"),
        },
        Problem::Multiplier { key, text, error } => {
            let symbol = if *key == "alpha" { "α" } else { "ρ" };
            let instead = match lang {
                Lang::En => format!("; using {symbol} = 1"),
                Lang::Zh => format!("，改用 {symbol} = 1"),
            };
            ignored(key, text, &multiplier_error(lang, symbol, *error), &instead)
        }
        Problem::Layer { why, fits } => {
            let why = layer_error(lang, why);
            let padding = padding_name(lang, fits.padding);
            let (dk, dilation, g) = (fits.dk, fits.dilation, fits.groups);
            match lang {
                Lang::En => format!(
                    "The link's layer has {why}; using Dk = {dk}, {padding} padding, dilation {dilation}, g = {g}."
                ),
                Lang::Zh => format!(
                    "链接中的层不可行（{why}），改用 Dk = {dk}、{padding}填充、膨胀率 {dilation}、g = {g}。"
                ),
            }
        }
        Problem::NetworkAlpha { net, text } => ignored(
            "alpha",
            text,
            &match lang {
                Lang::En => format!("{net} is counted at α = 1 only"),
                Lang::Zh => format!("{net} 只按 α = 1 计数"),
            },
            lang.tr("; using α = 1", "，改用 α = 1"),
        ),
        Problem::Scaled { why } => {
            let why = layer_error(lang, why);
            match lang {
                Lang::En => format!("The link's α and ρ give {why}; using α = ρ = 1."),
                Lang::Zh => format!("链接中的 α 和 ρ 不可行（{why}），改用 α = ρ = 1。"),
            }
        }
        Problem::UnknownKey { key, text, like } => {
            let why = match (lang, like) {
                (Lang::En, None) => format!("the page reads no key {key}"),
                (Lang::En, Some(like)) => {
                    format!("the page reads no key {key}; did you mean {like}?")
                }
                (Lang::Zh, None) => format!("页面不读取 {key} 这个键"),
                (Lang::Zh, Some(like)) => format!("页面不读取 {key} 这个键；是否想写 {like}？"),
            };
            ignored(key, text, &why, "")
        }
        Problem::UnknownKeys { more } => match lang {
            Lang::En => format!("Ignored {more} more keys that the page does not read."),
            Lang::Zh => format!("另有 {more} 个页面不读取的键，已忽略。"),
        },
        Problem::Repeated { key, text } => match lang {
            Lang::En => {
                format!("The link gives {key} more than once; using the last, {key}={text}.")
            }
            Lang::Zh => format!("链接中 {key} 出现了不止一次；使用最后一个：{key}={text}。"),
        },
    }
}

/// What a key with a few words for values takes, and what the page does instead.
fn choices(lang: Lang, key: &str) -> (&'static str, &'static str) {
    match key {
        "mode" => (
            lang.tr(
                "it is standard, separable or race",
                "可取 standard、separable 或 race",
            ),
            lang.tr("; using separable", "，改用 separable"),
        ),
        "theme" => (
            lang.tr(
                "it is light, dark, projector or system",
                "可取 light、dark、projector 或 system",
            ),
            lang.tr("; following the system", "，跟随系统"),
        ),
        "embed" => (
            lang.tr(
                "it is cost, plots, anim or network",
                "可取 cost、plots、anim 或 network",
            ),
            lang.tr("; showing the whole page", "，显示整个页面"),
        ),
        "unit" => (
            lang.tr("it is macs or flops", "可取 macs 或 flops"),
            lang.tr("; counting multiply-adds", "，按乘加次数计"),
        ),
        "bias" => (
            lang.tr("it is 0 or 1", "可取 0 或 1"),
            lang.tr("; without bias", "，不加偏置"),
        ),
        "net" => (
            lang.tr(
                "it is mobilenet_v1 or mobilenet_v2",
                "可取 mobilenet_v1 或 mobilenet_v2",
            ),
            "",
        ),
        "scene" => (
            lang.tr("it is volume or slices", "可取 volume 或 slices"),
            lang.tr("; showing the volumes", "，显示立体图"),
        ),
        "yaw" => (
            lang.tr(
                "it is a whole number of degrees from -180 to 180",
                "应为 -180 到 180 之间的整数度数",
            ),
            lang.tr("; using the default view", "，使用默认视角"),
        ),
        "pitch" => (
            lang.tr(
                "it is a whole number of degrees from -80 to 80",
                "应为 -80 到 80 之间的整数度数",
            ),
            lang.tr("; using the default view", "，使用默认视角"),
        ),
        "slide" => (
            lang.tr(
                "it is a stop of the lecture, 1 to 10",
                "应为演示的第 1 到 10 页",
            ),
            lang.tr("; opening the page", "，打开普通页面"),
        ),
        "id" => (
            lang.tr(
                "it is up to 64 letters, digits, - or _",
                "应为不超过 64 个字母、数字、- 或 _",
            ),
            lang.tr("; resize messages carry no id", "，尺寸消息不带 id"),
        ),
        "view" => (
            lang.tr(
                "it is model; a network opens with net=",
                "可取 model；网络用 net= 打开",
            ),
            lang.tr("; showing the layer", "，显示单层"),
        ),
        "example" => (
            lang.tr(
                "it is resnet18 or mobilenet_v2",
                "可取 resnet18 或 mobilenet_v2",
            ),
            "",
        ),
        "bg" => (
            lang.tr("it is transparent", "可取 transparent"),
            lang.tr("; drawing its own background", "，使用自己的背景"),
        ),
        "lang" => (
            lang.tr("it is en or zh", "可取 en 或 zh"),
            lang.tr("; following the browser", "，跟随浏览器"),
        ),
        _ => ("", ""),
    }
}

/// The notice's words when it refused a change of `param`: its control says them too,
/// beside itself, where a reader on a phone (the notice far above) is looking.
pub fn refused(lang: Lang, shown: Option<&Notice>, param: Param) -> Option<String> {
    refused_by(
        lang,
        shown,
        |c| matches!(c, Change::Param(p, _) if *p == param),
    )
}

/// The notice's words when it refused a change that `is` picks out (α's, ρ's).
pub fn refused_by(
    lang: Lang,
    shown: Option<&Notice>,
    is: impl Fn(&Change) -> bool,
) -> Option<String> {
    match shown? {
        n @ Notice::Refused { change, .. } if is(change) => Some(notice(lang, n)),
        _ => None,
    }
}

pub fn notice(lang: Lang, n: &Notice) -> String {
    match n {
        Notice::Link(problems) => {
            let words: Vec<String> = problems.iter().map(|p| problem(lang, p)).collect();
            words.join(lang.tr(" ", ""))
        }
        Notice::Refused { change, why } => {
            let change = match *change {
                Change::Param(param, value) => format!("{} = {value}", param.symbol()),
                Change::Padding(padding) => match lang {
                    Lang::En => format!("{} padding", padding_name(lang, padding)),
                    Lang::Zh => format!("{}填充", padding_name(lang, padding)),
                },
                Change::Bias(_) => lang.tr("the bias", "偏置").to_owned(),
                Change::Alpha(alpha) => format!("α = {alpha}"),
                Change::Rho(rho) => format!("ρ = {rho}"),
                Change::Load => lang.tr("this layer", "这一层").to_owned(),
            };
            let why = layer_error(lang, why);
            match lang {
                Lang::En => format!("Kept the last layer: {change} gives {why}."),
                Lang::Zh => format!("已保留原来的层：{change} 不可行（{why}）。"),
            }
        }
    }
}

// The core, the link and the state report problems as values; in English, for logs and
// tests, they read as the page words them.
impl fmt::Display for LayerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&layer_error(Lang::En, self))
    }
}

impl fmt::Display for GeometryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&geometry_error(Lang::En, self))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem(Lang::En, self))
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&notice(Lang::En, self))
    }
}

/// The words after the headline's factor: " fewer multiply-adds with a depthwise
/// separable convolution", or as many, or more, for `speedup` = standard / separable.
pub fn headline_text(speedup: Fraction, what: &str, lang: Lang) -> String {
    use std::cmp::Ordering::*;
    match (speedup.num().cmp(&speedup.den()), lang) {
        (Greater, Lang::En) => format!(" fewer {what} with a depthwise separable convolution"),
        (Greater, Lang::Zh) => format!(" 标准卷积与深度可分离卷积的{what}之比"),
        (Equal, _) => lang
            .tr(
                " as many: with these sizes separable saves nothing",
                " 两者相同：这样的尺寸下可分离卷积什么也省不了",
            )
            .to_owned(),
        // N = 1, Dk = 1 or a grouped standard side get here.
        (Less, Lang::En) => format!(
            " more {what} when separable: with N = 1, Dk = 1 or many groups there is little to share"
        ),
        (Less, Lang::Zh) => format!(
            " 深度可分离卷积的{what}反而是标准卷积的这么多倍（N = 1、Dk = 1 或分组很多时没什么可共享的）"
        ),
    }
}

/// What a run of the "Run it" panel could not do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunFailure {
    /// The browser validates no WebAssembly SIMD.
    NoSimd,
    /// Even the smallest run of this layer would take too long.
    TooLarge,
    /// The worker or its kernels could not load, or stopped: the browser's words.
    Broken(String),
}

pub fn run_failure(lang: Lang, failure: &RunFailure) -> String {
    match (failure, lang) {
        (RunFailure::NoSimd, Lang::En) => "This browser has no WebAssembly SIMD, which the kernels are built with. A current Chrome, Edge or Firefox, or Safari 16.4 or later, runs them.".into(),
        (RunFailure::NoSimd, Lang::Zh) => "这个浏览器不支持 WebAssembly SIMD，而这些卷积核正是用它编译的。较新的 Chrome、Edge、Firefox 或 Safari 16.4 及以上版本可以运行。".into(),
        (RunFailure::TooLarge, Lang::En) => "This layer is too large to run here, even on a crop with fewer channels and filters: its kernel alone needs more multiplications than a few seconds allow. Try Dk ≤ 11.".into(),
        (RunFailure::TooLarge, Lang::Zh) => "这一层太大，即使裁小输入、减少通道和卷积核也无法在几秒内跑完：单是卷积核本身的乘法就太多了。请试试 Dk ≤ 11。".into(),
        (RunFailure::Broken(why), Lang::En) => format!("The run stopped: {why}. The counts above are unaffected."),
        (RunFailure::Broken(why), Lang::Zh) => format!("运行中断：{why}。上面的计数不受影响。"),
    }
}

/// How the layer that runs differs from the page's, in one sentence; `None` when it is the
/// page's own (a bias, which the kernels leave out, is said apart).
pub fn run_scale(lang: Lang, plan: &Plan) -> Option<String> {
    let mut parts = Vec::new();
    if let Some((run, page)) = plan.crop {
        parts.push(match lang {
            Lang::En => format!("a {run} × {run} crop of the {page} × {page} input"),
            Lang::Zh => format!("{page} × {page} 输入中裁出的 {run} × {run} 一块"),
        });
    }
    if let Some((run, page)) = plan.channels {
        parts.push(match lang {
            Lang::En => format!("{run} of the {page} input channels"),
            Lang::Zh => format!("{page} 个输入通道中的 {run} 个"),
        });
    }
    if let Some((run, page)) = plan.filters {
        parts.push(match lang {
            Lang::En => format!("{run} of the {page} filters"),
            Lang::Zh => format!("{page} 个卷积核中的 {run} 个"),
        });
    }
    if parts.is_empty() {
        return None;
    }
    let r = plan.costs.ratio_in(Unit::Macs).significant(3);
    // One change or two: "it" or "either", "此" or "它们".
    let (it, them) = match parts.len() {
        1 => ("it", "此"),
        _ => ("either", "它们"),
    };
    Some(match (lang, plan.filters.is_some()) {
        (Lang::En, false) => format!(
            "Too large to time in a few seconds, so this run uses {}. R does not depend on {it}: it stays {r}.",
            parts.join(" and ")
        ),
        (Lang::En, true) => format!(
            "Too large to time in a few seconds, so this run uses {}. With fewer filters R is {r} for this run, and the prediction below is this run's.",
            parts.join(" and ")
        ),
        (Lang::Zh, false) => format!(
            "这一层太大，几秒内测不完，所以这次用的是{}。R 与{them}无关，仍是 {r}。",
            parts.join("、")
        ),
        (Lang::Zh, true) => format!(
            "这一层太大，几秒内测不完，所以这次用的是{}。卷积核变少后，这次运行的 R 是 {r}，下面的预测按这次运行计算。",
            parts.join("、")
        ),
    })
}

/// Why the measured speed-up is not the predicted one, from the roofline, in words: where
/// the depthwise step sits, what share of the time it took for its share of the work, and
/// whether the standard convolution ran faster or slower per FLOP than the pointwise step.
pub fn run_why(lang: Lang, plan: &Plan, m: &Measured) -> String {
    let n = short_decimal;
    let (s, d, p) = (Kernel::Standard, Kernel::Depthwise, Kernel::Pointwise);
    let (predicted, measured) = (n(plan.predicted()), n(m.speedup()));
    let (d_intensity, p_intensity) = (n(plan.intensity(d)), n(plan.intensity(p)));
    let (d_speed, p_speed, s_speed) = (
        n(m.gflops(plan, d)),
        n(m.gflops(plan, p)),
        n(m.gflops(plan, s)),
    );
    let d_roof = n(m.roof(plan.intensity(d)));
    let percent = |part: f64, whole: f64| n(100.0 * part / whole);
    let d_work = percent(plan.flops(d) as f64, (plan.flops(d) + plan.flops(p)) as f64);
    let d_time = percent(m.ms(d), m.ms(d) + m.ms(p));
    let ratio = m.gflops(plan, s) / m.gflops(plan, p);
    let mut words = match lang {
        Lang::En => format!(
            "The counts predict {predicted}× (1/R); this machine ran the separable pair {measured}× faster. "
        ),
        Lang::Zh => format!("计数预测快 {predicted} 倍（1/R）；这台机器上可分离的两步实际快了 {measured} 倍。"),
    };
    words += &match (lang, m.memory_bound(plan, d)) {
        (Lang::En, true) => format!(
            "The depthwise step does only {d_intensity} FLOPs for each byte it moves, so memory caps it at {d_roof} GFLOP/s; \
             it ran at {d_speed}, while the pointwise step, at {p_intensity} FLOPs a byte, ran at {p_speed}. "
        ),
        (Lang::En, false) => format!(
            "The depthwise step ({d_intensity} FLOPs a byte) ran at {d_speed} GFLOP/s, the pointwise step ({p_intensity} a byte) at {p_speed}. "
        ),
        (Lang::Zh, true) => format!(
            "深度卷积每搬运一个字节只做 {d_intensity} 次浮点运算，内存把它限制在至多 {d_roof} GFLOP/s；\
             它实际跑到 {d_speed}，而每字节做 {p_intensity} 次的逐点卷积跑到 {p_speed}。"
        ),
        (Lang::Zh, false) => format!(
            "深度卷积（每字节 {d_intensity} 次运算）跑到 {d_speed} GFLOP/s，逐点卷积（每字节 {p_intensity} 次）跑到 {p_speed}。"
        ),
    };
    words += &match lang {
        Lang::En => format!(
            "It has {d_work} % of the pair's multiplications and took {d_time} % of its time. "
        ),
        Lang::Zh => format!("它占两步乘法的 {d_work}%，却用了 {d_time}% 的时间。"),
    };
    if !(0.87..=1.15).contains(&ratio) {
        words += &match (lang, ratio > 1.0) {
            (Lang::En, true) => format!(
                "The standard convolution ran at {s_speed} GFLOP/s, faster than the pointwise step, which lowers the measured figure too."
            ),
            (Lang::En, false) => format!(
                "The standard convolution ran at only {s_speed} GFLOP/s, slower than the pointwise step (it first copies every window into a matrix, im2col), which raises the measured figure."
            ),
            (Lang::Zh, true) => format!(
                "标准卷积跑到 {s_speed} GFLOP/s，比逐点卷积还快，这也拉低了实测倍数。"
            ),
            (Lang::Zh, false) => format!(
                "标准卷积只跑到 {s_speed} GFLOP/s，比逐点卷积慢（它要先把每个窗口复制成矩阵，即 im2col），这抬高了实测倍数。"
            ),
        };
    } else if m.speedup() < plan.predicted() {
        words += lang.tr(
            "Fewer multiplications save less time when what is left waits on memory.",
            "剩下的工作在等内存时，少做的乘法省不下同样多的时间。",
        );
    }
    words.trim_end().to_owned()
}
