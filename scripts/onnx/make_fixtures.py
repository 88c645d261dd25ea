"""Makes the ONNX test models of issue 16 (tests/fixtures/onnx/) and what they must count.

Each model is built with onnx.helper alone, checked (onnx.checker, and strict shape
inference), then stripped: every weight moves to an external file that is not kept, so a
model of millions of parameters weighs a few kilobytes and still names every weight's shape.
The expected counts (<name>.json) come from onnx's own shape inference, independent of
sepconv's: for each Conv, Gemm and MatMul, its kind, multiply-adds and parameters.

    python3 -m venv .venv && .venv/bin/pip install onnx
    .venv/bin/python scripts/onnx/make_fixtures.py tests/fixtures/onnx
"""

import json
import math
import os
import sys

import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference

import numpy as np

# HardSwish came in opset 14.
OPSET = 14


class Net:
    """A graph under construction: nodes, weights (zeros) and a running value name."""

    def __init__(self, name, shape):
        self.name = name
        self.nodes = []
        self.weights = []
        self.inputs = [helper.make_tensor_value_info("input", TensorProto.FLOAT, shape)]
        self.count = 0

    def fresh(self, stem):
        self.count += 1
        return f"{stem}_{self.count}"

    def weight(self, stem, dims):
        name = self.fresh(stem)
        self.weights.append(numpy_helper.from_array(np.zeros(dims, dtype=np.float32), name))
        return name

    def node(self, op, inputs, name=None, **attrs):
        out = self.fresh(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], name=name or out, **attrs))
        return out

    def conv(self, x, c_in, c_out, k, stride=1, groups=1, dilation=1, pads=None, auto_pad=None, bias=False, name=None):
        kh, kw = (k, k) if isinstance(k, int) else k
        w = self.weight("w", [c_out, c_in // groups, kh, kw])
        inputs = [x, w] + ([self.weight("b", [c_out])] if bias else [])
        attrs = dict(kernel_shape=[kh, kw], strides=[stride, stride], group=groups, dilations=[dilation, dilation])
        if auto_pad:
            attrs["auto_pad"] = auto_pad
        else:
            attrs["pads"] = pads if pads is not None else [dilation * (kh - 1) // 2, dilation * (kw - 1) // 2] * 2
        return self.node("Conv", inputs, name=name, **attrs)

    def bn(self, x, c):
        params = [self.weight(s, [c]) for s in ("scale", "bias", "mean", "var")]
        return self.node("BatchNormalization", [x] + params)

    def relu6(self, x):
        lo = self.weight("lo", [])
        hi = self.weight("hi", [])
        return self.node("Clip", [x, lo, hi])

    def finish(self, out, out_shape):
        graph = helper.make_graph(self.nodes, self.name, self.inputs,
                                  [helper.make_tensor_value_info(out, TensorProto.FLOAT, out_shape)], self.weights)
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="sepconv fixtures")


def mobilenet_v1():
    net = Net("mobilenet_v1", [1, 3, 224, 224])
    x = net.relu6(net.bn(net.conv("input", 3, 32, 3, stride=2, name="conv0"), 32))
    blocks = [(32, 64, 1), (64, 128, 2), (128, 128, 1), (128, 256, 2), (256, 256, 1), (256, 512, 2)] \
        + [(512, 512, 1)] * 5 + [(512, 1024, 2), (1024, 1024, 1)]
    for i, (c_in, c_out, s) in enumerate(blocks, 1):
        # TensorFlow's "same" at stride 2 pads after only: the asymmetric case, as exported.
        pads = [1, 1, 1, 1] if s == 1 else [0, 0, 1, 1]
        x = net.relu6(net.bn(net.conv(x, c_in, c_in, 3, stride=s, groups=c_in, pads=pads, name=f"dw{i}"), c_in))
        x = net.relu6(net.bn(net.conv(x, c_in, c_out, 1, name=f"pw{i}"), c_out))
    x = net.node("GlobalAveragePool", [x])
    x = net.node("Flatten", [x], axis=1)
    x = net.node("Gemm", [x, net.weight("fc_w", [1000, 1024]), net.weight("fc_b", [1000])], name="fc", transB=1)
    return net.finish(x, [1, 1000])


def mobilenet_v2():
    net = Net("mobilenet_v2", [1, 3, 224, 224])
    x = net.relu6(net.bn(net.conv("input", 3, 32, 3, stride=2, name="stem"), 32))
    c_in = 32
    settings = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]
    block = 0
    for t, c, n, s in settings:
        for i in range(n):
            block += 1
            stride = s if i == 0 else 1
            y = x
            hidden = c_in * t
            if t != 1:
                y = net.relu6(net.bn(net.conv(y, c_in, hidden, 1, name=f"b{block}_expand"), hidden))
            y = net.relu6(net.bn(net.conv(y, hidden, hidden, 3, stride=stride, groups=hidden, name=f"b{block}_dw"), hidden))
            y = net.bn(net.conv(y, hidden, c, 1, name=f"b{block}_project"), c)
            x = net.node("Add", [x, y]) if stride == 1 and c_in == c else y
            c_in = c
    x = net.relu6(net.bn(net.conv(x, 320, 1280, 1, name="head"), 1280))
    x = net.node("GlobalAveragePool", [x])
    x = net.node("Reshape", [x, shape_constant(net, [1, -1])])
    x = net.node("Gemm", [x, net.weight("fc_w", [1000, 1280]), net.weight("fc_b", [1000])], name="fc", transB=1)
    return net.finish(x, [1, 1000])


def shape_constant(net, values):
    name = net.fresh("shape")
    net.weights.append(numpy_helper.from_array(np.array(values, dtype=np.int64), name))
    return name


def resnet_block():
    net = Net("resnet_block", [1, 3, 64, 64])
    x = net.node("Relu", [net.bn(net.conv("input", 3, 64, 7, stride=2, pads=[3, 3, 3, 3], name="stem"), 64)])
    x = net.node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    y = net.node("Relu", [net.bn(net.conv(x, 64, 64, 3, name="conv1"), 64)])
    y = net.bn(net.conv(y, 64, 64, 3, name="conv2"), 64)
    x = net.node("Relu", [net.node("Add", [x, y])])
    return net.finish(x, [1, 64, 16, 16])


def resnet18():
    """torchvision's resnet18, which its docs put at 1.81 G multiply-adds and 11,689,512
    parameters: the example "Your network" offers of a network of standard convolutions."""
    net = Net("resnet18", [1, 3, 224, 224])
    x = net.node("Relu", [net.bn(net.conv("input", 3, 64, 7, stride=2, pads=[3, 3, 3, 3], name="conv1"), 64)])
    x = net.node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    c_in = 64
    for stage, c in enumerate([64, 128, 256, 512], start=1):
        for block in range(2):
            stride = 2 if stage > 1 and block == 0 else 1
            at = f"layer{stage}.{block}"
            y = net.node("Relu", [net.bn(net.conv(x, c_in, c, 3, stride=stride, name=f"{at}.conv1"), c)])
            y = net.bn(net.conv(y, c, c, 3, name=f"{at}.conv2"), c)
            if stride != 1 or c_in != c:
                x = net.bn(net.conv(x, c_in, c, 1, stride=stride, pads=[0, 0, 0, 0], name=f"{at}.downsample"), c)
            x = net.node("Relu", [net.node("Add", [x, y])])
            c_in = c
    x = net.node("GlobalAveragePool", [x])
    x = net.node("Flatten", [x], axis=1)
    x = net.node("Gemm", [x, net.weight("fc_w", [1000, 512]), net.weight("fc_b", [1000])], name="fc", transB=1)
    return net.finish(x, [1, 1000])


def odd_layers():
    """Groups, dilation, asymmetric padding, every auto_pad, and the element-wise, pooling,
    concatenation and matrix operators a CNN uses."""
    net = Net("odd_layers", [1, 16, 33, 33])
    a = net.conv("input", 16, 32, 3, groups=4, name="grouped", bias=True)
    b = net.conv("input", 16, 32, 3, dilation=2, name="dilated")
    c = net.conv("input", 16, 32, 3, stride=2, auto_pad="SAME_UPPER", name="same_upper")
    d = net.conv("input", 16, 32, 3, stride=2, auto_pad="SAME_LOWER", name="same_lower")
    e = net.conv("input", 16, 32, 3, auto_pad="VALID", name="valid")
    f = net.conv("input", 16, 32, (1, 5), pads=[0, 1, 0, 3], name="rectangular")
    x = net.node("Concat", [a, b], axis=1)
    x = net.node("HardSwish", [x])
    x = net.node("Mul", [x, net.node("Sigmoid", [x])])
    x = net.node("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1)
    x = net.conv(x, 64, 64, 3, groups=64, name="depthwise")
    x = net.conv(x, 64, 128, 1, name="pointwise")
    y = net.node("Add", [c, d])
    y = net.node("Relu", [net.node("Add", [y, net.node("MaxPool", [net.node("Relu", [e])], kernel_shape=[2, 2], strides=[2, 2], pads=[1, 1, 2, 2])])])
    x = net.node("Concat", [x, net.node("Relu", [y])], axis=1)
    x = net.node("Flatten", [net.node("GlobalAveragePool", [net.node("Add", [x, x])])], axis=1)
    x = net.node("MatMul", [x, net.weight("fc", [160, 10])], name="classifier")
    x = net.node("Add", [x, net.weight("fc_bias", [10])])
    # The rectangular convolution's output ends in a pool that nothing reads: counted all
    # the same, as a real graph's side branch would be.
    net.node("GlobalAveragePool", [f])
    return net.finish(x, [1, 10])


def dynamic():
    """An input whose batch and size are named, not given: the page asks for the size."""
    net = Net("dynamic", ["batch", 3, "height", "width"])
    x = net.node("Relu", [net.conv("input", 3, 8, 3, name="conv")])
    x = net.conv(x, 8, 8, 3, groups=8, name="dw")
    return net.finish(x, ["batch", 8, "height", "width"])


def at_size(model, size):
    """A copy of `model` whose named input sizes are given: batch 1, `size` x `size`, as
    sepconv assumes when it asks and the reader takes the default."""
    fixed = onnx.ModelProto()
    fixed.CopyFrom(model)
    dims = fixed.graph.input[0].type.tensor_type.shape.dim
    for dim, value in zip(dims, [1, dims[1].dim_value, size, size]):
        dim.Clear()
        dim.dim_value = value
    fixed.graph.output[0].type.tensor_type.ClearField("shape")
    return fixed


def mystery(declared):
    """An operator nobody knows between two convolutions: the second's counts are unknown,
    unless the file declares the mystery's output shape in value_info."""
    net = Net("mystery_declared" if declared else "mystery", [1, 8, 32, 32])
    x = net.conv("input", 8, 16, 3, name="before")
    out = net.fresh("mystery")
    net.nodes.append(helper.make_node("Mystery", [x], [out], name="mystery", domain="com.example"))
    x = net.node("Relu", [net.conv(out, 16, 16, 3, name="after")])
    model = net.finish(x, [1, 16, 32, 32])
    model.opset_import.append(helper.make_opsetid("com.example", 1))
    if declared:
        model.graph.value_info.append(helper.make_tensor_value_info(out, TensorProto.FLOAT, [1, 16, 32, 32]))
    return model


def counted(model):
    """What sepconv must count: each Conv, Gemm and MatMul, from onnx's own inference."""
    inferred = shape_inference.infer_shapes(model, strict_mode=True)
    shapes = {}
    for value in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
        shapes[value.name] = [d.dim_value if d.HasField("dim_value") else d.dim_param for d in value.type.tensor_type.shape.dim]
    weights = {w.name: list(w.dims) for w in model.graph.initializer}
    for w in model.graph.initializer:
        shapes[w.name] = list(w.dims)
    rows = []
    for node in model.graph.node:
        if node.op_type not in ("Conv", "Gemm", "MatMul"):
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        out = shapes[node.output[0]]
        params = sum(math.prod(weights[i]) for i in node.input[1:] if i in weights)
        if node.op_type == "Conv":
            n, c_per_group, kh, kw = weights[node.input[1]]
            c_in = shapes[node.input[0]][1]
            groups = attrs.get("group", 1)
            macs = math.prod(out[1:]) * c_per_group * kh * kw
            if groups == 1:
                kind = "pointwise" if (kh, kw) == (1, 1) else "standard"
            elif groups == c_in and c_per_group == 1:
                kind = "depthwise"
            else:
                kind = "grouped"
        else:
            a, b = shapes[node.input[0]], shapes[node.input[1]]
            k = b[1] if node.op_type == "Gemm" and attrs.get("transB", 0) else b[0]
            macs = math.prod(out) * k
            kind = "fully connected"
        rows.append({"node": node.name, "kind": kind, "macs": macs, "params": params})
    return rows


def strip(model):
    """Every float weight's values out, leaving its name and shape: marked as kept in an
    external file that does not exist. Small int64 tensors (a Reshape's shape) stay."""
    for t in model.graph.initializer:
        if t.data_type == TensorProto.FLOAT:
            t.ClearField("raw_data")
            t.ClearField("float_data")
            t.data_location = TensorProto.EXTERNAL
            entry = t.external_data.add()
            entry.key, entry.value = "location", "weights-not-kept.bin"
    return model


def main(out):
    os.makedirs(out, exist_ok=True)
    for make in (mobilenet_v1, mobilenet_v2, resnet_block, resnet18, odd_layers, dynamic):
        model = make()
        onnx.checker.check_model(model, full_check=make is not dynamic)
        rows = counted(model if make is not dynamic else at_size(model, 224))
        write(model, make.__name__, rows, out)
    # onnx cannot check or count past an operator it does not know: sepconv must say so.
    write(mystery(False), "mystery", None, out)
    write(mystery(True), "mystery_declared", None, out)


def write(model, name, rows, out):
    """The stripped model, and what it must count (none where onnx cannot tell)."""
    model = strip(model)
    path = os.path.join(out, f"{name}.onnx")
    with open(path, "wb") as f:
        f.write(model.SerializeToString())
    print(f"{path}: {os.path.getsize(path)} bytes")
    if rows is None:
        return
    expected = {"macs": sum(r["macs"] for r in rows), "params": sum(r["params"] for r in rows), "nodes": rows}
    with open(os.path.join(out, f"{name}.json"), "w") as f:
        json.dump(expected, f, indent=1)
    print(f"  {expected['macs']:,} multiply-adds, {expected['params']:,} parameters")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/onnx")
