//! "Your network" (`view=model`): a reader's own ONNX file, read in a worker that loads
//! only now (nothing leaves the machine), and every Conv, Gemm and MatMul counted exactly,
//! with what depthwise separable convolutions in place of the standard k x k ones would
//! save. The reading and counting are the `onnx/` crate's; this is its view.

use super::hooks::use_lang;
use super::lazy::{self, field, Job};
use super::where_bar::{where_bar, Part};
use crate::cost::{Costs, Layer, Padding};
use crate::format::{decimal, thousands};
use crate::i18n::Lang;
use crate::state::{Action, Example, View};
use js_sys::{Array, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, DragEvent, File, HtmlInputElement};
use yew::prelude::*;

/// Input size used for named (dynamic) input sizes until the reader gives one.
const DEFAULT_SIZE: u32 = 224;

/// What a reader with no ONNX file at hand can open (beside the page, or inline in the
/// single file): a network of standard convolutions, to see what the trick would buy it,
/// and one built on the trick. Each: its button's id and words in English and in Chinese.
const EXAMPLES: [(Example, &str, (&str, &str)); 2] = [
    (
        Example::ResNet18,
        "model-example-resnet18",
        ("ResNet-18 (standard convolutions)", "ResNet-18（标准卷积）"),
    ),
    (
        Example::MobileNetV2,
        "model-example-mobilenet_v2",
        ("MobileNetV2 (separable)", "MobileNetV2（可分离卷积）"),
    ),
];

/// A model to read: the reader's own file, or one of the examples, fetched as it is read.
#[derive(Clone)]
enum Source {
    Chosen(File),
    Example(Example),
}

/// One counted node, as the worker reports it.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    node: String,
    kind: String,
    input: Option<Vec<u64>>,
    output: Option<Vec<u64>>,
    macs: Option<u128>,
    params: u128,
    separable: Option<u128>,
    window: Option<Window>,
    bias: bool,
}

/// A convolution's kernel, strides and dilations (height, width), pads (top, left,
/// bottom, right) and groups.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    kernel: [u64; 2],
    strides: [u64; 2],
    dilations: [u64; 2],
    pads: [u64; 4],
    groups: u64,
}

#[derive(Clone, Debug, PartialEq)]
struct Report {
    file: String,
    named_sizes: bool,
    rows: Vec<Row>,
    macs: Option<u128>,
    params: u128,
    macs_separable: Option<u128>,
    /// The node whose output could not be worked out, and its operator.
    unknown: Option<(String, String)>,
    /// Bytes of the file the reader read, and the file's size: the weights' values are
    /// passed over.
    read: (f64, f64),
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Empty,
    Reading(String),
    Done(Rc<Report>),
    Failed(String),
}

/// What reads a model into the view: what it shows, the worker at work, and the number
/// of the latest read. A read that another has followed is dropped when it is ready, so
/// that an example opened after a file, or two opened quickly, end on the last one asked
/// for, whichever fetch comes back first.
#[derive(Clone)]
struct Reader {
    status: UseStateHandle<Status>,
    job: Rc<RefCell<Option<Job>>>,
    latest: Rc<Cell<u32>>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The example network the page's state (and link) has open, if any.
    pub example: Option<Example>,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn ModelView(props: &Props) -> Html {
    let lang = use_lang();
    let status = use_state(|| Status::Empty);
    let size = use_state(|| DEFAULT_SIZE);
    let size_text = use_state(|| DEFAULT_SIZE.to_string());
    let file = use_mut_ref(|| None::<Source>);
    let reader = Reader {
        status: status.clone(),
        job: use_mut_ref(|| None::<Job>),
        latest: use_memo((), |_| Cell::new(0)),
    };
    let open = {
        let (reader, file, size) = (reader.clone(), file.clone(), size.clone());
        Callback::from(move |chosen: Source| {
            *file.borrow_mut() = Some(chosen.clone());
            read(chosen, *size, &reader, lang);
        })
    };
    // A link that names an example opens the view with it read.
    {
        let (job, open, example) = (reader.job.clone(), open.clone(), props.example);
        use_effect_with((), move |_| {
            if let Some(example) = example {
                open.emit(Source::Example(example));
            }
            move || drop(job.borrow_mut().take())
        });
    }
    // A reader's own file cannot be in a link: the link loses the example.
    let open_file = {
        let (open, on_action, example) = (open.clone(), props.on_action.clone(), props.example);
        Callback::from(move |chosen: File| {
            open.emit(Source::Chosen(chosen));
            if example.is_some() {
                on_action.emit(Action::SetView(View::Model(None)));
            }
        })
    };
    let on_pick = {
        let open_file = open_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(chosen) = input.files().and_then(|files| files.get(0)) {
                open_file.emit(chosen);
            }
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        let chosen = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(chosen) = chosen {
            open_file.emit(chosen);
        }
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let examples = EXAMPLES.map(|(example, id, (en, zh))| {
        // Read at once (again, if it is open already: after a failed fetch, say), and
        // written into the state, so that the link says which.
        let (open, on_action, open_now) = (
            open.clone(),
            props.on_action.clone(),
            props.example == Some(example),
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            open.emit(Source::Example(example));
            if !open_now {
                on_action.emit(Action::SetView(View::Model(Some(example))));
            }
        });
        html! {
            <button type="button" class="tool" {id} aria-pressed={open_now.to_string()} {onclick}>
                { lang.tr(en, zh) }</button>
        }
    });
    let on_size = {
        let (reader, file, size, size_text) = (
            reader.clone(),
            file.clone(),
            size.clone(),
            size_text.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            size_text.set(text.clone());
            // A whole number of pixels from 1 to 4096; anything else keeps the last count.
            if let Some(value) = text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|v| (1..=4096).contains(v))
            {
                size.set(value);
                if let Some(chosen) = file.borrow().clone() {
                    read(chosen, value, &reader, lang);
                }
            }
        })
    };
    let size_ok = size_text
        .trim()
        .parse::<u32>()
        .is_ok_and(|v| (1..=4096).contains(&v));
    let body = match &*status {
        Status::Empty => html! {},
        Status::Reading(name) => html! {
            <p class="model-status" role="status">{ match lang {
                Lang::En => format!("Reading {name}…"),
                Lang::Zh => format!("正在读取 {name}…"),
            } }</p>
        },
        Status::Failed(words) => html! {
            <p class="model-error" id="model-error" role="alert">{ words.clone() }</p>
        },
        Status::Done(report) => results(
            report,
            lang,
            (*size_text).clone(),
            size_ok,
            on_size,
            &props.on_action,
        ),
    };
    html! {
        <section class="panel model" aria-labelledby="model-title">
            <h2 id="model-title">{ lang.tr("Your network", "你的网络") }</h2>
            <p class="panel-note">{ lang.tr(
                "Open an ONNX file and see where its multiplications go, layer by layer. It is read in this browser; nothing is uploaded, and the weights' values are passed over, not read. Parameters are the listed layers' weights and biases; batch norm's are left out.",
                "打开一个 ONNX 文件，逐层查看它的乘法都花在哪里。文件只在本浏览器中读取，不会上传；权重的数值直接跳过，不会读取。参数只计入所列各层的权重和偏置，不含批归一化的参数。") }</p>
            <div class="model-drop" ondrop={on_drop} ondragover={on_drag_over}>
                <label for="model-file">{ lang.tr("Choose an .onnx file, or drop one here", "选择一个 .onnx 文件，或拖放到这里") }</label>
                <input type="file" id="model-file" accept=".onnx" onchange={on_pick} />
                <p class="model-examples">
                    { lang.tr("No file at hand? Open one of these:", "手头没有文件？打开一个示例：") }
                    { for examples }
                </p>
            </div>
            { body }
        </section>
    }
}

/// Reads `chosen` in the worker at `size` pixels for named input sizes.
fn read(chosen: Source, size: u32, reader: &Reader, lang: Lang) {
    let Reader {
        status,
        job,
        latest,
    } = reader.clone();
    drop(job.borrow_mut().take());
    let ticket = latest.get().wrapping_add(1);
    latest.set(ticket);
    let name = match &chosen {
        Source::Chosen(file) => file.name(),
        Source::Example(example) => example.file().to_owned(),
    };
    status.set(Status::Reading(name.clone()));
    let on_message = {
        let (status, job, name) = (status.clone(), job.clone(), name.clone());
        move |data: JsValue| {
            let answer = match text(&data, "type").as_deref() {
                Some("done") => js_sys::JSON::parse(&text(&data, "json").unwrap_or_default())
                    .map_err(lazy::describe)
                    .and_then(|json| parse(&json, &name, lang))
                    .map(|report| Report {
                        read: (
                            field(&data, "read").as_f64().unwrap_or_default(),
                            field(&data, "size").as_f64().unwrap_or_default(),
                        ),
                        ..report
                    }),
                _ => Err(text(&data, "reason").unwrap_or_default()),
            };
            status.set(match answer {
                Ok(report) => Status::Done(Rc::new(report)),
                Err(words) => Status::Failed(words),
            });
            drop(job.borrow_mut().take());
        }
    };
    let on_error = {
        let status = status.clone();
        move |message: String| status.set(Status::Failed(message))
    };
    yew::platform::spawn_local(async move {
        let started = lazy::start("model-worker.js", on_message, on_error).await;
        let wasm = lazy::asset("model-reader.wasm").await;
        let file = match chosen {
            Source::Chosen(file) => Ok(file.into()),
            Source::Example(_) => lazy::asset(&name).await.and_then(|bytes| {
                let parts = Array::of1(&bytes);
                Blob::new_with_buffer_source_sequence_and_options(&parts, &BlobPropertyBag::new())
                    .map_err(lazy::describe)
            }),
        };
        if latest.get() != ticket {
            return;
        }
        match (started, wasm, file) {
            (Ok(started), Ok(wasm), Ok(file)) => {
                let message = Object::new();
                let _ = Reflect::set(&message, &"wasm".into(), &wasm);
                let _ = Reflect::set(&message, &"file".into(), &file);
                let _ = Reflect::set(&message, &"size".into(), &f64::from(size).into());
                match started
                    .worker
                    .post_message_with_transfer(&message, &Array::of1(&wasm))
                {
                    Ok(()) => *job.borrow_mut() = Some(started),
                    Err(e) => status.set(Status::Failed(lazy::describe(e))),
                }
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => status.set(Status::Failed(e)),
        }
    });
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    field(value, key).as_string()
}

fn count(value: &JsValue, key: &str) -> Option<u128> {
    text(value, key)?.parse().ok()
}

fn dims(value: &JsValue, key: &str) -> Option<Vec<u64>> {
    let list = field(value, key).dyn_into::<Array>().ok()?;
    list.iter().map(|d| d.as_f64().map(|d| d as u64)).collect()
}

/// A whole number the worker sent, as the file has it (an opset, a type's code): read
/// as an integer, since the page has no other use for writing out a float.
fn whole(json: &JsValue, key: &str) -> i64 {
    field(json, key).as_f64().unwrap_or(0.0) as i64
}

/// The worker's JSON, or what is wrong with the file in words.
fn parse(json: &JsValue, file: &str, lang: Lang) -> Result<Report, String> {
    if field(json, "ok").as_bool() != Some(true) {
        let error = text(json, "error").unwrap_or_default();
        return Err(match (error.as_str(), lang) {
            ("truncated", Lang::En) => format!(
                "{file} ends too soon: the file is cut short (a download that did not finish?)."
            ),
            ("truncated", Lang::Zh) => format!("{file} 提前结束了：文件不完整（下载没有完成？）。"),
            ("opset", Lang::En) => format!(
                "{file} uses ONNX opset {}, which sepconv does not know (it reads opsets 1 to 23).",
                whole(json, "opset")
            ),
            ("opset", Lang::Zh) => format!(
                "{file} 使用 ONNX 算子集版本 {}，sepconv 不认识（它能读 1 到 23）。",
                whole(json, "opset")
            ),
            ("data-type", Lang::En) => format!(
                "{file}: the input {} has an element type ({}) that ONNX does not define.",
                text(json, "input").unwrap_or_default(),
                whole(json, "code")
            ),
            ("data-type", Lang::Zh) => format!(
                "{file}：输入 {} 的元素类型（{}）不是 ONNX 定义的类型。",
                text(json, "input").unwrap_or_default(),
                whole(json, "code")
            ),
            (_, Lang::En) => {
                format!("{file} is not an ONNX model: it holds no graph sepconv can read.")
            }
            (_, Lang::Zh) => format!("{file} 不是 ONNX 模型：里面没有 sepconv 能读的计算图。"),
        });
    }
    let rows = field(json, "rows")
        .dyn_into::<Array>()
        .map_err(|_| "no rows".to_owned())?
        .iter()
        .map(|r| Row {
            node: text(&r, "node").unwrap_or_default(),
            kind: text(&r, "kind").unwrap_or_default(),
            input: dims(&r, "input"),
            output: dims(&r, "output"),
            macs: count(&r, "macs"),
            params: count(&r, "params").unwrap_or(0),
            separable: count(&r, "separable"),
            window: window(&field(&r, "window")),
            bias: field(&r, "bias").as_bool() == Some(true),
        })
        .collect();
    let unknown = field(json, "unknown");
    Ok(Report {
        file: file.to_owned(),
        read: (0.0, 0.0),
        named_sizes: field(json, "named_sizes").as_bool() == Some(true),
        rows,
        macs: count(json, "macs"),
        params: count(json, "params").unwrap_or(0),
        macs_separable: count(json, "macs_separable"),
        unknown: text(&unknown, "node")
            .map(|node| (node, text(&unknown, "op").unwrap_or_default())),
    })
}

fn window(w: &JsValue) -> Option<Window> {
    let two = |key| dims(w, key).and_then(|d| <[u64; 2]>::try_from(d).ok());
    Some(Window {
        kernel: two("kernel")?,
        strides: two("strides")?,
        dilations: two("dilations")?,
        pads: dims(w, "pads").and_then(|d| <[u64; 4]>::try_from(d).ok())?,
        groups: field(w, "groups").as_f64()? as u64,
    })
}

/// The layer view's layer for a counted node, and what it had to approximate: the layer
/// view is square, with one stride, dilation and padding for both axes; a fully connected
/// layer is a 1 x 1 convolution on a 1 x 1 input.
fn layer_of(r: &Row, lang: Lang) -> Option<(Layer, Vec<String>)> {
    let (x, y) = (r.input.as_deref()?, r.output.as_deref()?);
    let mut notes = Vec::new();
    let mut note = |en: String, zh: String| {
        notes.push(match lang {
            Lang::En => en,
            Lang::Zh => zh,
        })
    };
    let Some(Window {
        kernel,
        strides,
        dilations,
        pads,
        groups,
    }) = r.window
    else {
        note(
            "a fully connected layer, as a 1 × 1 convolution on a 1 × 1 input".into(),
            "全连接层，作为 1 × 1 输入上的 1 × 1 卷积".into(),
        );
        let layer = Layer {
            df: 1,
            dk: 1,
            m: u32::try_from(*x.last()?).ok()?,
            n: u32::try_from(*y.last()?).ok()?,
            padding: Padding::Valid,
            ..Layer::default()
        };
        return Some((layer, notes));
    };
    if x.len() != 4 || y.len() != 4 {
        return None;
    }
    let wide = |v: [u64; 2]| u32::try_from(v[0].max(v[1])).ok();
    if x[2] != x[3] {
        note(
            format!("the {} × {} input as {2} × {2}", x[2], x[3], x[2].max(x[3])),
            format!("{} × {} 的输入按 {2} × {2} 计", x[2], x[3], x[2].max(x[3])),
        );
    }
    if kernel[0] != kernel[1] {
        note(
            format!(
                "the {} × {} kernel as {2} × {2}",
                kernel[0],
                kernel[1],
                kernel[0].max(kernel[1])
            ),
            format!(
                "{} × {} 的卷积核按 {2} × {2} 计",
                kernel[0],
                kernel[1],
                kernel[0].max(kernel[1])
            ),
        );
    }
    let mut layer = Layer {
        df: wide([x[2], x[3]])?,
        dk: wide(kernel)?,
        m: u32::try_from(x[1]).ok()?,
        n: u32::try_from(y[1]).ok()?,
        stride: wide(strides)?,
        dilation: wide(dilations)?,
        groups: u32::try_from(groups).ok()?,
        bias: r.bias,
        padding: Padding::Explicit(u32::try_from(pads[0]).ok()?),
    };
    if pads.iter().all(|&p| p == pads[0]) {
        if pads[0] == 0 {
            layer.padding = Padding::Valid;
        }
    } else {
        // TensorFlow's "same" pads the odd pixel after: the layer view's Same, where the
        // output agrees; otherwise the largest pad on every side.
        let same = Layer {
            padding: Padding::Same,
            ..layer
        };
        if Costs::of(&same).is_ok_and(|c| u64::from(c.dp) == y[2]) {
            layer = same;
        } else {
            let most = pads.iter().copied().max().unwrap_or(0);
            layer.padding = Padding::Explicit(u32::try_from(most).ok()?);
            // (Written out: `{:?}` would ship Rust's Debug formatting for one note.)
            let listed = pads.map(|p| p.to_string()).join(", ");
            note(
                format!("pads [{listed}] as {most} on every side"),
                format!("填充 [{listed}] 按每边 {most} 计"),
            );
        }
    }
    Some((layer, notes))
}

/// One bar split by kind of node: where the known multiply-adds go. When some layers'
/// counts are unknown, the bar is a whole of the others only, and says so: its parts are
/// not shares of the network.
fn where_it_goes(report: &Report, lang: Lang) -> Html {
    let kinds = [
        ("standard", "kind-standard"),
        ("grouped", "kind-grouped"),
        ("depthwise", "kind-depthwise"),
        ("pointwise", "kind-pointwise"),
        ("fully connected", "kind-classifier"),
    ];
    let known: u128 = report.rows.iter().filter_map(|r| r.macs).sum();
    let parts: Vec<Part> = kinds
        .iter()
        .map(|&(kind, class)| {
            let macs: u128 = report
                .rows
                .iter()
                .filter(|r| r.kind == kind)
                .filter_map(|r| r.macs)
                .sum();
            // Ten-thousandths of the whole, so that the parts add up to the bar.
            let width = macs * 10_000 / known.max(1);
            let words = format!(
                "{} {}.{:02} %",
                kind_name(kind, lang),
                width / 100,
                width % 100
            );
            Part {
                class,
                words,
                width,
            }
        })
        .filter(|p| p.width > 0)
        .collect();
    let scope = report.macs.is_none().then(|| {
        lang.tr(
            "Of the counted layers only (the rest are unknown):",
            "仅限已计数的层（其余未知）：",
        )
    });
    where_bar(&parts, scope, lang)
}

/// 18.8 KB, 100.0 MB.
fn kilobytes(bytes: f64) -> String {
    if bytes >= 1e6 {
        format!("{} MB", decimal(bytes / 1e6, 1))
    } else {
        format!("{} KB", decimal(bytes / 1e3, 1))
    }
}

fn shape(dims: &Option<Vec<u64>>) -> String {
    dims.as_ref().map_or("?".into(), |d| {
        d.iter().map(u64::to_string).collect::<Vec<_>>().join(" × ")
    })
}

fn kind_name(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "standard" => lang.tr("standard", "标准卷积"),
        "depthwise" => lang.tr("depthwise", "深度卷积"),
        "pointwise" => lang.tr("pointwise", "逐点卷积"),
        "grouped" => lang.tr("grouped", "分组卷积"),
        _ => lang.tr("fully connected", "全连接"),
    }
}

fn figure(id: &'static str, value: Option<u128>) -> Html {
    match value {
        Some(v) => html! { <output {id} data-value={v.to_string()}>{ thousands(v) }</output> },
        None => html! { <output {id}>{ "?" }</output> },
    }
}

fn results(
    report: &Report,
    lang: Lang,
    size_text: String,
    size_ok: bool,
    on_size: Callback<InputEvent>,
    on_action: &Callback<Action>,
) -> Html {
    let labels = [
        lang.tr("kind", "类型"),
        lang.tr("input", "输入"),
        lang.tr("output", "输出"),
        lang.tr("multiply-adds", "乘加次数"),
        lang.tr("parameters", "参数"),
        lang.tr("share", "占比"),
        lang.tr("if separable", "若为可分离"),
        lang.tr("layer view", "单层视图"),
    ];
    let rows = report.rows.iter().map(|r| {
        let load = match layer_of(r, lang) {
            Some((layer, notes)) => {
                let onclick = on_action.reform(move |_: MouseEvent| Action::Load(layer));
                let label = match (notes.is_empty(), lang) {
                    (true, Lang::En) => format!("Load {} into the layer view", r.node),
                    (true, Lang::Zh) => format!("把 {} 载入单层视图", r.node),
                    (false, Lang::En) => format!("Load {} into the layer view, approximated: {}", r.node, notes.join("; ")),
                    (false, Lang::Zh) => format!("把 {} 近似载入单层视图：{}", r.node, notes.join("；")),
                };
                html! {
                    <>
                        <button type="button" class="tool" aria-label={label} title={notes.join("; ")} {onclick}>
                            { lang.tr("Load", "载入") }{ if notes.is_empty() { "" } else { " ≈" } }</button>
                        if !notes.is_empty() {
                            <span class="model-approx">{ notes.join("; ") }</span>
                        }
                    </>
                }
            }
            None => html! {},
        };
        // A share of an unknown total is unknown too, whatever this layer's own count.
        let share = match (r.macs, report.macs) {
            (Some(m), Some(total)) if total > 0 => format!("{} %", decimal(100.0 * m as f64 / total as f64, 1)),
            (Some(_), Some(_)) => "–".into(),
            _ => "?".into(),
        };
        html! {
            <tr data-node={r.node.clone()} data-kind={r.kind.clone()}
                data-macs={r.macs.map(|m| m.to_string())} data-params={r.params.to_string()}>
                <th scope="row">{ &r.node }</th>
                <td data-label={labels[0]}>{ kind_name(&r.kind, lang) }</td>
                <td data-label={labels[1]}>{ shape(&r.input) }</td>
                <td data-label={labels[2]}>{ shape(&r.output) }</td>
                <td class="num" data-label={labels[3]}>{ r.macs.map_or("?".into(), thousands) }</td>
                <td class="num" data-label={labels[4]}>{ thousands(r.params) }</td>
                <td class="num" data-label={labels[5]}>{ share }</td>
                <td class="num" data-label={labels[6]}>{ r.separable.map_or("–".into(), thousands) }</td>
                <td data-label={labels[7]}>{ load }</td>
            </tr>
        }
    });
    let saving = match (report.macs, report.macs_separable) {
        (Some(m), Some(s)) if s > 0 && s < m => match lang {
            Lang::En => format!(" ({}× fewer)", decimal(m as f64 / s as f64, 2)),
            Lang::Zh => format!("（少 {} 倍）", decimal(m as f64 / s as f64, 2)),
        },
        _ => String::new(),
    };
    html! {
        <>
            if report.named_sizes {
                <p class="model-size">
                    <label for="model-size">{ lang.tr(
                        "The file names its input size instead of giving it. Pixels a side:",
                        "文件只给了输入尺寸的名字，没有给出数值。每边像素数：") }</label>
                    <input type="number" id="model-size" min="1" max="4096" value={size_text}
                        oninput={on_size} aria-invalid={(!size_ok).to_string()} />
                    if !size_ok {
                        <span class="model-error" role="alert">{ lang.tr(
                            "A whole number from 1 to 4096; the counts below keep the last one.",
                            "请输入 1 到 4096 的整数；下面的计数保持上一次的值。") }</span>
                    }
                </p>
            }
            <p class="model-totals">
                <span data-read={(report.read.0 as u64).to_string()}>{ &report.file }
                    { match lang {
                        Lang::En => format!(" (read {} of {}): ", kilobytes(report.read.0), kilobytes(report.read.1)),
                        Lang::Zh => format!("（读取了 {}，共 {}）：", kilobytes(report.read.0), kilobytes(report.read.1)),
                    } }</span>
                <span>{ lang.tr("multiply-adds ", "乘加次数 ") }{ figure("model-macs", report.macs) }
                    // FLOPs as the frameworks' profilers count them: a multiply and an add.
                    { report.macs.map_or(String::new(), |m| format!(" ({} FLOPs)", thousands(2 * m))) }</span>
                <span>{ lang.tr(" · parameters ", " · 参数 ") }{ figure("model-params", Some(report.params)) }</span>
                <span>{ lang.tr(" · with every standard k × k convolution made separable: ", " · 若每个标准 k × k 卷积都换成可分离卷积：") }
                    { figure("model-macs-separable", report.macs_separable) }{ saving }</span>
            </p>
            { where_it_goes(report, lang) }
            if let Some((node, op)) = &report.unknown {
                <p class="model-error" role="status">{ match lang {
                    Lang::En => format!("sepconv cannot work out the output of node “{node}” ({op}), so the counts of the layers after it are unknown (“?”), not guessed."),
                    Lang::Zh => format!("sepconv 无法推出节点“{node}”（{op}）的输出形状，所以它之后各层的计数未知（“?”），不作猜测。"),
                } }</p>
            }
            <div class="table-scroll">
                <table class="model-table">
                    <thead><tr>
                        <th scope="col">{ lang.tr("node", "节点") }</th>
                        { for labels.iter().map(|l| html! { <th scope="col">{ *l }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}
