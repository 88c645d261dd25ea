//! "Run it": the layer on screen, run for real on random numbers in a worker that loads
//! only now, kernel by kernel; the measured speed-up beside the predicted 1/R; this
//! machine's roofline, which says why the two differ; and the proof that the separable
//! pair is a standard convolution with rank-one weights.

mod worker;

use super::chart::{read_style, ready_canvas, theme};
use super::dom;
use super::hooks::{use_lang, use_size};
use super::lazy::Job;
use crate::cost::Costs;
use crate::format::{decimal, short_decimal};
use crate::i18n::Lang;
use crate::measure::{Kernel, Measured, Plan};
use crate::messages::{run_failure, run_scale, run_why, RunFailure};
use crate::plots::{self, Point, Roofline, RooflineKernel};
use crate::state::Scheme;
use plotters::prelude::*;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use worker::Reply;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
    pub scheme: Scheme,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Running {
        plan: Plan,
        stage: String,
        fraction: f64,
    },
    Done {
        plan: Plan,
        measured: Measured,
    },
    Failed(RunFailure),
}

#[function_component]
pub fn MeasurePanel(props: &Props) -> Html {
    let lang = use_lang();
    let status = use_state(|| Status::Idle);
    let job = use_mut_ref(|| None::<Job>);
    // Worked out again only for a new layer, not at each progress report of a run.
    let plan = *use_memo(props.costs, Plan::of);
    {
        // Leaving the page's layer view ends a run.
        let job = job.clone();
        use_effect_with((), move |_| move || drop(job.borrow_mut().take()));
    }
    let run = {
        let (status, job) = (status.clone(), job.clone());
        Callback::from(move |_: MouseEvent| start(plan, status.clone(), job.clone()))
    };
    let cancel = {
        let (status, job) = (status.clone(), job.clone());
        Callback::from(move |_: MouseEvent| {
            drop(job.borrow_mut().take());
            status.set(Status::Idle);
        })
    };
    let running = matches!(*status, Status::Running { .. });
    let controls = match &*status {
        Status::Running {
            stage, fraction, ..
        } => html! {
            <div class="measure-actions">
                <progress id="measure-progress" max="1" value={decimal(*fraction, 3)}
                    aria-label={lang.tr("Progress of the run", "运行进度")}></progress>
                <span class="measure-stage" role="status">{ stage_words(lang, stage) }</span>
                <button type="button" class="tool" id="measure-cancel" onclick={cancel}>
                    { lang.tr("Cancel", "取消") }</button>
            </div>
        },
        _ => html! {
            <div class="measure-actions">
                <button type="button" class="play" id="measure-run" onclick={run}
                    disabled={!plan.fits}>{ lang.tr("Run it", "运行") }</button>
                <span class="measure-stage">{ lang.tr(
                    "About two seconds; the page stays responsive.",
                    "约两秒；页面照常响应。") }</span>
            </div>
        },
    };
    let failure = match (&*status, plan.fits) {
        (Status::Failed(failure), _) => Some(failure.clone()),
        (_, false) => Some(RunFailure::TooLarge),
        _ => None,
    };
    html! {
        <section class="panel measure" aria-labelledby="measure-title" aria-busy={running.to_string()}>
            <h2 id="measure-title">{ lang.tr("Run it: counts against the clock", "实测：计数与时钟") }</h2>
            <p class="panel-note">{ lang.tr(
                "Fewer multiplications, but how much faster? This runs the layer for real on your machine, on random numbers: the standard convolution, then the depthwise and pointwise steps, each timed (the median of many runs). Stride, padding, dilation and groups are as set; nothing leaves this page.",
                "乘法少了，可快了多少？这里在你的机器上用随机数真正运行这一层：标准卷积，然后是深度卷积和逐点卷积，各自计时（取多次运行的中位数）。步长、填充、膨胀率和分组都按当前设置；数据不会离开本页。") }</p>
            if let Some(words) = run_scale(lang, &plan) {
                <p class="measure-scale" id="measure-scale">{ words }</p>
            }
            if plan.bias_left_out {
                <p class="measure-scale">{ lang.tr(
                    "The kernels leave out the bias: one addition per output value, the same on both sides.",
                    "卷积核不计偏置：每个输出值一次加法，两边相同。") }</p>
            }
            { controls }
            if let Some(failure) = failure {
                <p class="measure-failure" id="measure-failure" role="alert">{ run_failure(lang, &failure) }</p>
            }
            if let Status::Done { plan: ran, measured } = &*status {
                { results(lang, ran, measured, *ran != plan, props.scheme) }
            }
        </section>
    }
}

/// Loads the worker and starts a run of `plan`, reporting into `status`.
fn start(plan: Plan, status: UseStateHandle<Status>, job: Rc<RefCell<Option<Job>>>) {
    drop(job.borrow_mut().take());
    // The figures' styles, which come long before the figures do.
    dom::stylesheet("measure-css", "measure.css");
    status.set(Status::Running {
        plan,
        stage: "load".into(),
        fraction: 0.0,
    });
    let on_reply = {
        let (status, job) = (status.clone(), job.clone());
        move |reply: Reply| match reply {
            Reply::Progress { stage, fraction } => status.set(Status::Running {
                plan,
                stage,
                fraction,
            }),
            Reply::Done(measured) => {
                status.set(Status::Done { plan, measured });
                drop(job.borrow_mut().take());
            }
            Reply::Failed(reason) => {
                status.set(Status::Failed(match reason.as_str() {
                    "simd" => RunFailure::NoSimd,
                    _ => RunFailure::Broken(reason),
                }));
                drop(job.borrow_mut().take());
            }
        }
    };
    yew::platform::spawn_local(async move {
        match worker::start(plan.geometry(), on_reply).await {
            // A cancel while the files loaded leaves the status idle: drop the worker.
            Ok(started) if matches!(*status, Status::Running { .. }) => {
                *job.borrow_mut() = Some(started)
            }
            Ok(_) => {}
            Err(reason) => status.set(Status::Failed(RunFailure::Broken(reason))),
        }
    });
}

fn stage_words(lang: Lang, stage: &str) -> &'static str {
    match stage {
        "standard" => lang.tr("Timing the standard convolution…", "正在计时标准卷积…"),
        "depthwise" => lang.tr("Timing the depthwise step…", "正在计时深度卷积…"),
        "pointwise" => lang.tr("Timing the pointwise step…", "正在计时逐点卷积…"),
        "check" => lang.tr("Comparing the two outputs…", "正在比较两种输出…"),
        "peak" => lang.tr(
            "Measuring this machine's arithmetic peak…",
            "正在测量这台机器的算力峰值…",
        ),
        "bandwidth" => lang.tr(
            "Measuring this machine's memory bandwidth…",
            "正在测量这台机器的内存带宽…",
        ),
        _ => lang.tr("Loading the kernels…", "正在加载卷积核…"),
    }
}

fn kernel_name(lang: Lang, kernel: Kernel) -> &'static str {
    match kernel {
        Kernel::Standard => lang.tr("standard", "标准卷积"),
        Kernel::Depthwise => lang.tr("depthwise", "深度卷积"),
        Kernel::Pointwise => lang.tr("pointwise", "逐点卷积"),
    }
}

/// A figure with its full value in `data-value`, for checks and for copying.
fn figure(id: &'static str, value: f64, shown: String) -> Html {
    html! { <output {id} data-value={dom::full_number(value)}>{ shown }</output> }
}

fn results(lang: Lang, plan: &Plan, m: &Measured, stale: bool, scheme: Scheme) -> Html {
    let rows = Kernel::ALL.map(|kernel| {
        let id = match kernel {
            Kernel::Standard => "measure-ms-standard",
            Kernel::Depthwise => "measure-ms-depthwise",
            Kernel::Pointwise => "measure-ms-pointwise",
        };
        html! {
            <tr class={kernel.key()}>
                <th scope="row">{ kernel_name(lang, kernel) }</th>
                <td>{ figure(id, m.ms(kernel), short_decimal(m.ms(kernel))) }</td>
                <td>{ short_decimal(m.gflops(plan, kernel)) }</td>
                <td>{ short_decimal(plan.intensity(kernel)) }</td>
            </tr>
        }
    });
    let roofline = Roofline {
        peak: m.peak_gflops,
        bandwidth: m.bandwidth_gbs,
        points: Kernel::ALL
            .iter()
            .map(|&kernel| Point {
                name: kernel_name(lang, kernel).into(),
                kind: match kernel {
                    Kernel::Standard => RooflineKernel::Standard,
                    Kernel::Depthwise => RooflineKernel::Depthwise,
                    Kernel::Pointwise => RooflineKernel::Pointwise,
                },
                intensity: plan.intensity(kernel),
                gflops: m.gflops(plan, kernel),
            })
            .collect(),
    };
    // "2.4e-7", as the browser writes it.
    let error = js_sys::Number::from(m.max_error)
        .to_exponential(1)
        .map(String::from)
        .unwrap_or_default();
    html! {
        <div class="measure-results">
            if stale {
                <p class="measure-scale">{ lang.tr(
                    "These figures are for the layer before your last change: run it again for this one.",
                    "这些数字属于你上次修改之前的那一层：再运行一次即可得到这一层的。") }</p>
            }
            <table class="measure-table">
                <thead><tr>
                    <th scope="col">{ lang.tr("kernel", "卷积") }</th>
                    <th scope="col">{ lang.tr("ms per run", "每次毫秒") }</th>
                    <th scope="col">{ "GFLOP/s" }</th>
                    <th scope="col">{ lang.tr("FLOPs per byte", "每字节运算数") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="measure-speedups">
                <span>{ lang.tr("Predicted by the counts (1/R): ", "计数预测（1/R）：") }
                    <strong>{ figure("measure-predicted", plan.predicted(), format!("{}×", short_decimal(plan.predicted()))) }</strong></span>
                <span>{ lang.tr("Measured here: ", "这里实测：") }
                    <strong>{ figure("measure-speedup", m.speedup(), format!("{}×", short_decimal(m.speedup()))) }</strong></span>
            </p>
            <p class="measure-why" id="measure-why">{ run_why(lang, plan, m) }</p>
            <RooflineChart {roofline} {scheme} />
            <p class="measure-proof">
                { lang.tr(
                    "The same layer either way: the standard kernel run with the weights W[n, m] = P[n, m] · D[m] gives the separable pair's output to within ",
                    "两者是同一层：用权重 W[n, m] = P[n, m] · D[m] 运行标准卷积，得到的输出与可分离两步的输出之差不超过 ") }
                { figure("measure-max-error", m.max_error, error) }
                { lang.tr(" (float rounding). A separable layer is a standard one whose weights are restricted, which is why the two can be compared at all.",
                    "（浮点舍入误差）。可分离卷积就是权重受限的标准卷积，所以两者才可以相比。") }
            </p>
            <p class="measure-machine">
                { lang.tr("This machine: arithmetic peak ", "这台机器：算力峰值 ") }
                { figure("measure-peak-gflops", m.peak_gflops, short_decimal(m.peak_gflops)) }
                { " GFLOP/s, " }
                { lang.tr("memory bandwidth ", "内存带宽 ") }
                { figure("measure-bandwidth-gbs", m.bandwidth_gbs.unwrap_or(f64::NAN),
                    m.bandwidth_gbs.map_or_else(|| "?".into(), short_decimal)) }
                { " GB/s." }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RooflineProps {
    roofline: Roofline,
    scheme: Scheme,
}

/// The roofline on a canvas, redrawn when its figures, its size or the palette change.
#[function_component]
fn RooflineChart(props: &RooflineProps) -> Html {
    let lang = use_lang();
    let canvas = use_node_ref();
    let size = use_size(canvas.clone());
    let scheme = props.scheme;
    let style = use_memo(scheme, |_| OnceCell::new());
    {
        let (canvas, style) = (canvas.clone(), style.clone());
        use_effect_with(
            (props.roofline.clone(), size, scheme, lang),
            move |(roofline, size, scheme, lang)| {
                let zoom = dom::type_zoom() * scheme.zoom();
                if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                    let theme_at =
                        |scale| theme(style.get_or_init(read_style), scale * zoom, *lang);
                    if let Some((backend, theme, _)) = ready_canvas(&element, *size, &theme_at) {
                        let root = backend.into_drawing_area();
                        let _ = plots::draw_roofline(&root, roofline, &theme);
                    }
                }
            },
        );
    }
    let title = lang.tr(
        "This machine's roofline: the fastest a kernel can run, by FLOPs per byte it moves",
        "这台机器的屋顶线：按每字节运算数，卷积核最快能跑多快",
    );
    html! {
        <figure class="chart roofline">
            <figcaption class="chart-head"><span class="chart-title">{ title }</span></figcaption>
            <div class="chart-body">
                <canvas ref={canvas} id="measure-roofline" class="chart-canvas" role="img"
                    aria-label={title} aria-describedby="measure-why"></canvas>
            </div>
        </figure>
    }
}
