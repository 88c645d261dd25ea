#!/usr/bin/env python3
"""Reference MAC / parameter counts from public PyTorch FLOP counters.

Reproduce:
    python3 -m venv venv
    venv/bin/pip install torch==2.15.0 torchvision==0.29.2          # CPU use is fine
    venv/bin/pip install fvcore==0.1.5.post20221221 thop==0.1.1.post2209072238 \
                         ptflops==0.7.5 torchinfo==1.8.0
    venv/bin/python count.py > RESULTS.md   (also writes results.json)

Counters (all report one multiply-add as one "FLOP"/MAC, except torch FlopCounterMode
which reports 2 FLOPs per MAC; we divide it by 2):
  fvcore   FlopCountAnalysis(model, x).total()
  thop     profile(model, (x,))[0]
  ptflops  get_model_complexity_info(model, (C,H,W), backend='pytorch' and 'aten')
  torchinfo summary(model, input_size=...).total_mult_adds
  torch    torch.utils.flop_counter.FlopCounterMode().get_total_flops() // 2
"""
import contextlib
import io
import json
import math
import sys
import warnings
from collections import OrderedDict, defaultdict

import torch
import torch.nn as nn
import torchvision

warnings.filterwarnings("ignore")
import fvcore
from fvcore.nn import FlopCountAnalysis
import thop
from thop import profile as thop_profile
import ptflops
from ptflops import get_model_complexity_info
import torchinfo
from torchinfo import summary
from torch.utils.flop_counter import FlopCounterMode

import logging
logging.disable(logging.WARNING)  # fvcore "unsupported operator" chatter

torch.manual_seed(0)


@contextlib.contextmanager
def quiet():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        yield


# ---------------------------------------------------------------- counters
def c_fvcore(model, x):
    with quiet():
        fa = FlopCountAnalysis(model, x)
        fa.unsupported_ops_warnings(False)
        fa.uncalled_modules_warnings(False)
        return int(fa.total()), {k: int(v) for k, v in fa.by_operator().items()}


def c_thop(model, x):
    with quiet():
        macs, params = thop_profile(model, inputs=(x,), verbose=False)
    # thop leaves total_ops/total_params buffers removed; returns float
    return int(round(macs))


def c_ptflops(model, x, backend):
    with quiet():
        macs, params = get_model_complexity_info(
            model, tuple(x.shape[1:]), as_strings=False,
            print_per_layer_stat=False, verbose=False, backend=backend)
    return int(macs)


def c_torchinfo(model, x):
    with quiet():
        s = summary(model, input_size=tuple(x.shape), verbose=0, device="cpu")
    return int(s.total_mult_adds), int(s.total_params)


def c_torch(model, x):
    with FlopCounterMode(display=False) as fc:
        with torch.no_grad():
            model(x)
    f = int(fc.get_total_flops())
    assert f % 2 == 0
    return f // 2


def all_counts(model, x):
    model.eval()
    r = OrderedDict()
    r["fvcore"], by_op = c_fvcore(model, x)
    r["thop"] = c_thop(model, x)
    r["ptflops_pytorch"] = c_ptflops(model, x, "pytorch")
    r["ptflops_aten"] = c_ptflops(model, x, "aten")
    r["torchinfo"], ti_params = c_torchinfo(model, x)
    r["torch_flopcounter"] = c_torch(model, x)
    params = sum(p.numel() for p in model.parameters())
    assert ti_params == params, (ti_params, params)
    return r, params, by_op


# ---------------------------------------------------------------- analytic
def conv_out(n, k, s, p, d):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def conv_formula(cin, h, w, cout, k, s, p, d, g, bias):
    ho, wo = conv_out(h, k, s, p, d), conv_out(w, k, s, p, d)
    macs = cout * ho * wo * (cin // g) * k * k
    params = cout * (cin // g) * k * k + (cout if bias else 0)
    return ho, wo, macs, params


# ---------------------------------------------------------------- part 1
LAYERS = [
    # id, cin, H, W, cout, k, stride, pad, dil, groups, bias
    ("a", 512, 14, 14, 512, 3, 1, 1, 1, 512, False),
    ("b", 512, 14, 14, 512, 1, 1, 0, 1, 1, False),
    ("c", 3, 224, 224, 32, 3, 2, 1, 1, 1, False),
    ("d", 3, 224, 224, 32, 3, 2, 1, 1, 1, True),
    ("e", 64, 57, 57, 128, 5, 3, 0, 2, 4, True),
    ("f", 32, 31, 31, 32, 3, 2, 0, 3, 32, True),
    ("g", 16, 20, 20, 48, 7, 1, 3, 1, 8, False),
    ("h", 8, 9, 9, 8, 3, 4, 5, 1, 2, True),
    ("i", 24, 56, 56, 144, 1, 1, 0, 1, 1, False),
    ("j", 144, 56, 56, 144, 3, 2, 1, 1, 144, False),
]


def part1():
    rows = []
    for (lid, cin, h, w, cout, k, s, p, d, g, b) in LAYERS:
        m = nn.Conv2d(cin, cout, k, stride=s, padding=p, dilation=d, groups=g, bias=b)
        x = torch.randn(1, cin, h, w)
        y = m(x)
        ho, wo, fmacs, fparams = conv_formula(cin, h, w, cout, k, s, p, d, g, b)
        assert tuple(y.shape) == (1, cout, ho, wo)
        r, params, _ = all_counts(m, x)
        assert params == fparams
        rows.append(dict(id=lid, cin=cin, h=h, w=w, cout=cout, k=k, stride=s, pad=p,
                         dil=d, groups=g, bias=b, ho=ho, wo=wo, params=params,
                         formula_macs_no_bias=fmacs,
                         bias_adds=(cout * ho * wo if b else 0), counters=r))
    return rows


# ---------------------------------------------------------------- MobileNet v1
def conv_bn(cin, cout, s):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, s, 1, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


def dw_pw(cin, cout, s):
    return nn.Sequential(
        nn.Conv2d(cin, cin, 3, s, 1, groups=cin, bias=False), nn.BatchNorm2d(cin),
        nn.ReLU(inplace=True),
        nn.Conv2d(cin, cout, 1, 1, 0, bias=False), nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True))


class MobileNetV1(nn.Module):
    # Howard et al. 2017 Table 1 / TF-slim mobilenet_v1 (last dw at stride 1)
    CFG = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
           (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)]

    def __init__(self, num_classes=1000):
        super().__init__()
        layers = [conv_bn(3, 32, 2)]
        cin = 32
        for cout, s in self.CFG:
            layers.append(dw_pw(cin, cout, s))
            cin = cout
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(1024, num_classes)

    def forward(self, x):
        x = self.pool(self.features(x))
        return self.classifier(torch.flatten(x, 1))


# ---------------------------------------------------------------- part 2
def leaf_breakdown(model, x):
    """Per-leaf-module MACs (analytic, bias excluded) and shapes, grouped by kind."""
    recs = []

    def hook(mod, inp, out):
        recs.append((mod, tuple(inp[0].shape), tuple(out.shape)))

    hs = [m.register_forward_hook(hook) for m in model.modules()
          if len(list(m.children())) == 0]
    with torch.no_grad():
        model(x)
    for h in hs:
        h.remove()
    agg = defaultdict(lambda: defaultdict(int))
    for mod, ishape, oshape in recs:
        if isinstance(mod, nn.Conv2d):
            kind = "conv_dw" if mod.groups == mod.in_channels and mod.groups > 1 else (
                "conv_pw" if mod.kernel_size == (1, 1) else "conv_full")
            macs = math.prod(oshape) * (mod.in_channels // mod.groups) * math.prod(mod.kernel_size)
            agg[kind]["macs"] += macs
            agg[kind]["count"] += 1
            agg[kind]["bias_adds"] += math.prod(oshape) if mod.bias is not None else 0
        elif isinstance(mod, nn.Linear):
            agg["linear"]["macs"] += math.prod(oshape) * mod.in_features
            agg["linear"]["count"] += 1
            agg["linear"]["bias_adds"] += math.prod(oshape) if mod.bias is not None else 0
        elif isinstance(mod, nn.BatchNorm2d):
            agg["batchnorm"]["elements"] += math.prod(ishape)
            agg["batchnorm"]["count"] += 1
            agg["batchnorm"]["channels"] += mod.num_features
        elif isinstance(mod, (nn.ReLU, nn.ReLU6)):
            agg["relu"]["elements"] += math.prod(oshape)
            agg["relu"]["count"] += 1
        elif isinstance(mod, nn.AdaptiveAvgPool2d):
            agg["avgpool"]["in_elements"] += math.prod(ishape)
            agg["avgpool"]["out_elements"] += math.prod(oshape)
            agg["avgpool"]["count"] += 1
    return {k: dict(v) for k, v in agg.items()}


def per_layer(model, x):
    """Every Conv2d / Linear in forward order, with analytic MACs (bias excluded) and
    the fvcore per-module count for cross-checking."""
    recs = []

    def hook(mod, inp, out):
        recs.append((mod, tuple(inp[0].shape), tuple(out.shape)))

    names = {m: n for n, m in model.named_modules()}
    hs = [m.register_forward_hook(hook) for m in model.modules()
          if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(x)
    for h in hs:
        h.remove()
    with quiet():
        fa = FlopCountAnalysis(model, x)
        fa.unsupported_ops_warnings(False)
        fa.uncalled_modules_warnings(False)
        bym = fa.by_module()
    rows = []
    for mod, ish, osh in recs:
        n = names[mod]
        if isinstance(mod, nn.Conv2d):
            macs = math.prod(osh) * (mod.in_channels // mod.groups) * math.prod(mod.kernel_size)
            rows.append(dict(name=n, type="conv", cin=ish[1], h=ish[2], w=ish[3], cout=osh[1],
                             k=mod.kernel_size[0], s=mod.stride[0], p=mod.padding[0],
                             g=mod.groups, ho=osh[2], wo=osh[3], macs=macs,
                             params=sum(p.numel() for p in mod.parameters()),
                             fvcore=int(bym[n])))
        else:
            macs = math.prod(osh) * mod.in_features
            rows.append(dict(name=n, type="linear", cin=mod.in_features, h=1, w=1,
                             cout=mod.out_features, k=1, s=1, p=0, g=1, ho=1, wo=1,
                             macs=macs, params=sum(p.numel() for p in mod.parameters()),
                             fvcore=int(bym[n])))
    return rows


def per_counter_by_kind(model, x):
    """Run hook-based counters on each leaf module separately (same input shape it
    saw in the full model), sum by module kind. Exact for thop/ptflops/torchinfo,
    whose totals are sums over leaf modules."""
    recs = []

    def hook(mod, inp, out):
        recs.append((mod, inp[0].detach().clone()))

    leaves = [m for m in model.modules() if len(list(m.children())) == 0]
    hs = [m.register_forward_hook(hook) for m in leaves]
    model.eval()
    with torch.no_grad():
        model(x)
    for h in hs:
        h.remove()
    out = defaultdict(lambda: defaultdict(int))
    for mod, xin in recs:
        kind = type(mod).__name__
        if kind == "Conv2d":
            kind = "Conv2d_dw" if mod.groups == mod.in_channels and mod.groups > 1 else "Conv2d"
        if isinstance(mod, nn.Dropout):
            continue
        out[kind]["thop"] += c_thop(mod, xin)
        out[kind]["ptflops_pytorch"] += c_ptflops(mod, xin, "pytorch")
        if sum(p.numel() for p in mod.parameters()) > 0:
            out[kind]["torchinfo"] += c_torchinfo(mod, xin)[0]
        out[kind]["params"] += sum(p.numel() for p in mod.parameters())
    return {k: dict(v) for k, v in out.items()}


def param_breakdown(model):
    conv_w = conv_b = bn = lin_w = lin_b = 0
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            conv_w += m.weight.numel()
            conv_b += m.bias.numel() if m.bias is not None else 0
        elif isinstance(m, nn.BatchNorm2d):
            bn += sum(p.numel() for p in m.parameters())
        elif isinstance(m, nn.Linear):
            lin_w += m.weight.numel()
            lin_b += m.bias.numel() if m.bias is not None else 0
    bn_buffers = sum(b.numel() for n, b in model.named_buffers()
                     if n.endswith("running_mean") or n.endswith("running_var"))
    return dict(conv_weights=conv_w, conv_biases=conv_b, bn_gamma_beta=bn,
                bn_running_stats_buffers=bn_buffers,
                linear_weights=lin_w, linear_biases=lin_b,
                classifier_total=lin_w + lin_b,
                total=sum(p.numel() for p in model.parameters()))


def part2():
    res = OrderedDict()
    x = torch.randn(1, 3, 224, 224)
    models = OrderedDict()
    models["torchvision.models.mobilenet_v2(weights=None)"] = torchvision.models.mobilenet_v2(weights=None)
    models["MobileNetV1 (hand-built, count.py)"] = MobileNetV1()
    for name, m in models.items():
        m.eval()
        r, params, by_op = all_counts(m, x)
        with quiet():
            r["ptflops_pytorch_nofunctional"] = int(get_model_complexity_info(
                m, (3, 224, 224), as_strings=False, print_per_layer_stat=False,
                backend="pytorch", backend_specific_config={"count_functional": False})[0])
        res[name] = dict(counters=r, layers=per_layer(m, x), params=params, fvcore_by_operator=by_op,
                         analytic=leaf_breakdown(m, x),
                         per_counter_by_kind=per_counter_by_kind(m, x),
                         param_breakdown=param_breakdown(m))
    return res


# ---------------------------------------------------------------- report
NOTES = open(__file__.replace("count.py", "notes.md")).read()

COUNTERS = ["fvcore", "thop", "ptflops_pytorch", "ptflops_aten", "torchinfo", "torch_flopcounter"]
MCOUNTERS = COUNTERS[:3] + ["ptflops_pytorch_nofunctional"] + COUNTERS[3:]


def md(p1, p2):
    L = []
    P = L.append
    P("# Reference MAC / parameter counts from public PyTorch counters\n")
    P("Generated by `scripts/counters/count.py` (batch size 1, CPU, float32, `model.eval()`).\n")
    P("## Library versions\n")
    P("| library | version |\n|---|---|")
    from importlib.metadata import version as _v
    for n, v in [("python", sys.version.split()[0])] + [
            (p, _v(p)) for p in ["torch", "torchvision", "fvcore", "thop", "ptflops",
                                 "torchinfo", "numpy"]]:
        P(f"| {n} | {v} |")
    P("")
    P("## Part 1 - single Conv2d layers\n")
    P("`formula` = C_out * H_out * W_out * (C_in/groups) * k_h * k_w (bias excluded); "
      "`bias_adds` = C_out * H_out * W_out when bias=True. "
      "H_out = floor((H + 2p - d(k-1) - 1)/s) + 1. params = sum(p.numel()).\n")
    P("| id | C_in×H×W | C_out | k | s | p | d | g | bias | H_out×W_out | formula (no bias) | bias_adds | params |")
    P("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in p1:
        P(f"| {r['id']} | {r['cin']}×{r['h']}×{r['w']} | {r['cout']} | {r['k']} | {r['stride']} | "
          f"{r['pad']} | {r['dil']} | {r['groups']} | {r['bias']} | {r['ho']}×{r['wo']} | "
          f"{r['formula_macs_no_bias']} | {r['bias_adds']} | {r['params']} |")
    P("")
    P("MACs as reported by each counter:\n")
    P("| id | " + " | ".join(COUNTERS) + " |")
    P("|---|" + "---|" * len(COUNTERS))
    for r in p1:
        P(f"| {r['id']} | " + " | ".join(str(r['counters'][c]) for c in COUNTERS) + " |")
    P("")
    for name, r in p2.items():
        P(f"## Part 2 - {name}, input 1×3×224×224\n")
        P(f"Total params (sum p.numel()): **{r['params']}**\n")
        P("| counter | total MACs reported |\n|---|---|")
        for c in MCOUNTERS:
            P(f"| {c} | {r['counters'][c]} |")
        P("")
        P("Analytic breakdown by layer kind (from shapes seen in the forward pass; conv/linear MACs exclude bias):\n")
        P("| kind | layers | MACs (no bias) | bias adds | elements |\n|---|---|---|---|---|")
        a = r["analytic"]
        for k in ["conv_full", "conv_dw", "conv_pw", "linear", "batchnorm", "relu", "avgpool"]:
            if k in a:
                v = a[k]
                el = v.get("elements", v.get("in_elements", ""))
                P(f"| {k} | {v.get('count', '')} | {v.get('macs', '')} | {v.get('bias_adds', '')} | {el} |")
        conv_total = sum(a[k]["macs"] for k in ["conv_full", "conv_dw", "conv_pw"] if k in a)
        P(f"| **all conv** | | {conv_total} | | |")
        P(f"| **conv + linear** | | {conv_total + a['linear']['macs']} | | |")
        P("")
        P("fvcore `by_operator()`:\n")
        P("| operator | MACs |\n|---|---|")
        for k, v in r["fvcore_by_operator"].items():
            P(f"| {k} | {v} |")
        P("")
        P("Hook-based counters, summed per module type (each leaf module counted with the input it saw):\n")
        P("| module type | thop | ptflops_pytorch | torchinfo | params |\n|---|---|---|---|---|")
        for k, v in r["per_counter_by_kind"].items():
            P(f"| {k} | {v.get('thop', 0)} | {v.get('ptflops_pytorch', 0)} | {v.get('torchinfo', 0)} | {v.get('params', 0)} |")
        pc = r["per_counter_by_kind"]
        P(f"| **sum** | {sum(v.get('thop', 0) for v in pc.values())} | "
          f"{sum(v.get('ptflops_pytorch', 0) for v in pc.values())} | "
          f"{sum(v.get('torchinfo', 0) for v in pc.values())} | "
          f"{sum(v.get('params', 0) for v in pc.values())} |")
        P("")
        P("Per-layer list (forward order; MACs = analytic, bias excluded; fvcore = fvcore by_module, identical):\n")
        P("| # | module | C_in×H×W | C_out | k | s | p | g | H_out×W_out | MACs | fvcore | params |")
        P("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for i, l in enumerate(r["layers"]):
            assert l["macs"] == l["fvcore"], l
            P(f"| {i} | {l['name']} | {l['cin']}×{l['h']}×{l['w']} | {l['cout']} | {l['k']} | {l['s']} | "
              f"{l['p']} | {l['g']} | {l['ho']}×{l['wo']} | {l['macs']} | {l['fvcore']} | {l['params']} |")
        P("")
        agg = OrderedDict()
        for l in r["layers"]:
            k = "linear" if l["type"] == "linear" else (
                "conv dw 3x3" if l["g"] > 1 else ("conv 1x1 (pw)" if l["k"] == 1 else "conv 3x3 full"))
            wts = l["cout"] * (l["cin"] // l["g"]) * l["k"] ** 2
            a = agg.setdefault(k, [0, 0])
            a[0] += l["macs"]
            a[1] += wts
        tm = sum(v[0] for v in agg.values())
        tp = sum(v[1] for v in agg.values())
        P("Share by layer kind, MACs without bias and weights only (no biases, no BN) - the "
          "convention of MobileNet v1 paper Table 2:\n")
        P("| kind | MACs | % MACs | weights | % weights |\n|---|---|---|---|---|")
        for k, (m_, p_) in agg.items():
            P(f"| {k} | {m_} | {100 * m_ / tm:.2f}% | {p_} | {100 * p_ / tp:.2f}% |")
        P(f"| **total** | {tm} | 100% | {tp} | 100% |")
        P("")
        P("Parameter breakdown:\n")
        P("| part | count |\n|---|---|")
        for k, v in r["param_breakdown"].items():
            P(f"| {k} | {v} |")
        P("")
    L.append(NOTES)
    return "\n".join(L)


if __name__ == "__main__":
    p1 = part1()
    p2 = part2()
    with open("results.json", "w") as f:
        json.dump(dict(part1=p1, part2=p2), f, indent=1, default=str)
    print(md(p1, p2))
