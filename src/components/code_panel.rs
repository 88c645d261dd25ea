//! The current layer as code: PyTorch or Keras, the standard side and the separable
//! pair, ready to paste, with a copy button.

use super::hooks::use_lang;
use super::share::{copy_from, CopyWords};
use crate::cost::{Costs, Layer, Padding};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Framework {
    PyTorch,
    Keras,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
}

#[function_component]
pub fn CodePanel(props: &Props) -> Html {
    let framework = use_state(|| Framework::PyTorch);
    let lang = use_lang();
    let status = use_state(String::new);
    let code_box = use_node_ref();
    let code = match *framework {
        Framework::PyTorch => pytorch(&props.costs),
        Framework::Keras => keras(&props.costs),
    };
    let tabs = [
        (Framework::PyTorch, "PyTorch", "code-pytorch"),
        (Framework::Keras, "Keras", "code-keras"),
    ]
    .map(|(choice, label, id)| {
        let pressed = (choice == *framework).to_string();
        let framework = framework.clone();
        let onclick = Callback::from(move |_: MouseEvent| framework.set(choice));
        html! {
            <button type="button" class="seg seg-small" {id} aria-pressed={pressed} {onclick}>
                { label }</button>
        }
    });
    let rows = (code.lines().count() + 1).to_string();
    let copy = {
        let (node, status) = (code_box.clone(), status.clone());
        let words = std::rc::Rc::new(CopyWords::of(lang, ("code", "代码")));
        Callback::from(move |_: MouseEvent| copy_from(&node, words.clone(), status.clone()))
    };
    html! {
        <section class="panel code" aria-labelledby="code-title">
            <h2 id="code-title">{ lang.tr("This layer in code", "这一层的代码") }</h2>
            <div class="seg-group" role="group" aria-label={lang.tr("Framework", "框架")}>{ for tabs }</div>
            <textarea id="code" ref={code_box} class="code-box" readonly=true
                {rows} value={code}
                aria-label={lang.tr("Code that builds this layer", "构建这一层的代码")} spellcheck="false" />
            <div class="code-foot">
                <button type="button" class="tool" id="copy-code" onclick={copy}>{ lang.tr("Copy code", "复制代码") }</button>
                <span class="code-status" role="status">{ (*status).clone() }</span>
            </div>
        </section>
    }
}

/// PyTorch has no `same` padding with a stride above 1, and pads symmetrically; where
/// TensorFlow's `same` puts the odd pixel at the bottom and right, a `ZeroPad2d` does.
fn torch_padding(costs: &Costs) -> (Option<String>, String) {
    let l = &costs.layer;
    match l.padding {
        Padding::Valid => (None, "0".to_owned()),
        Padding::Explicit(p) => (None, p.to_string()),
        Padding::Same if l.stride == 1 => (None, "\"same\"".to_owned()),
        Padding::Same => {
            let total = costs.same_padding();
            let (before, after) = (total / 2, total - total / 2);
            if before == after {
                (None, before.to_string())
            } else {
                let pad = format!("nn.ZeroPad2d(({before}, {after}, {before}, {after}))");
                (Some(pad), "0".to_owned())
            }
        }
    }
}

fn python_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

pub fn pytorch(costs: &Costs) -> String {
    let Layer {
        df,
        dk,
        m,
        n,
        stride,
        dilation,
        groups,
        bias,
        ..
    } = costs.layer;
    let (pad_layer, padding) = torch_padding(costs);
    let bias = python_bool(bias);
    let geometry = format!("stride={stride}, padding={padding}, dilation={dilation}");
    let wrap = |conv: String| match &pad_layer {
        Some(pad) => format!("nn.Sequential({pad}, {conv})"),
        None => conv,
    };
    let standard = wrap(format!(
        "nn.Conv2d({m}, {n}, {dk}, {geometry}, groups={groups}, bias={bias})"
    ));
    let depthwise = wrap(format!(
        "nn.Conv2d({m}, {m}, {dk}, {geometry}, groups={m}, bias={bias})"
    ));
    let dp = costs.dp;
    format!(
        "import torch\nfrom torch import nn\n\n\
         x = torch.randn(1, {m}, {df}, {df})  # input Df x Df x M\n\n\
         standard = {standard}\n\n\
         separable = nn.Sequential(\n    \
             {depthwise},  # depthwise\n    \
             nn.Conv2d({m}, {n}, 1, bias={bias}),  # pointwise\n)\n\n\
         assert standard(x).shape == separable(x).shape == (1, {n}, {dp}, {dp})\n"
    )
}

pub fn keras(costs: &Costs) -> String {
    let Layer {
        df,
        dk,
        m,
        n,
        padding,
        stride,
        dilation,
        groups,
        bias,
    } = costs.layer;
    let (pad_layer, padding) = match padding {
        Padding::Same => (String::new(), "same"),
        Padding::Valid => (String::new(), "valid"),
        Padding::Explicit(p) => (format!("x = layers.ZeroPadding2D({p})(x)\n"), "valid"),
    };
    let bias = python_bool(bias);
    let geometry = format!("strides={stride}, padding=\"{padding}\", dilation_rate={dilation}");
    // SeparableConv2D has no bias on its depthwise step: N biases where the pair has M + N.
    let one_layer_bias = if costs.layer.bias {
        "\n#   (its use_bias adds N biases only, none on the depthwise step)"
    } else {
        ""
    };
    let caveat = if stride > 1 && dilation > 1 {
        "# Keras refuses strides > 1 together with dilation_rate > 1; PyTorch allows it.\n"
    } else {
        ""
    };
    format!(
        "import keras\nfrom keras import layers\n\n{caveat}\
         inputs = keras.Input(shape=({df}, {df}, {m}))  # input Df x Df x M\nx = inputs\n{pad_layer}\n\
         standard = layers.Conv2D({n}, {dk}, {geometry}, groups={groups}, use_bias={bias})(x)\n\n\
         y = layers.DepthwiseConv2D({dk}, {geometry}, use_bias={bias})(x)  # depthwise\n\
         separable = layers.Conv2D({n}, 1, use_bias={bias})(y)  # pointwise\n\
         # or in one layer: layers.SeparableConv2D({n}, {dk}, {geometry}, use_bias={bias})(x){one_layer_bias}\n"
    )
}
