//! The parser and shape inference on the models `scripts/onnx/make_fixtures.py` makes
//! (tests/fixtures/onnx/): every counted node and total against what onnx's own shape
//! inference gives, MobileNet v1 against its paper, and each kind of bad file.

use sepconv_onnx::{count, Kind, Model, ReadError, Report};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/onnx/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn counted(name: &str) -> Report {
    let model = Model::read(&fixture(&format!("{name}.onnx"))).unwrap();
    count(&model, 224)
}

/// Every node, kind, multiply-add count and parameter count as the fixture's JSON says.
fn matches_expected(name: &str) -> Report {
    let report = counted(name);
    let expected: Value = serde_json::from_slice(&fixture(&format!("{name}.json"))).unwrap();
    let rows = expected["nodes"].as_array().unwrap();
    assert_eq!(report.rows.len(), rows.len(), "{name}: counted nodes");
    for (row, want) in report.rows.iter().zip(rows) {
        assert_eq!(row.node, want["node"].as_str().unwrap(), "{name}");
        assert_eq!(
            row.kind.key(),
            want["kind"].as_str().unwrap(),
            "{name}: {}",
            row.node
        );
        assert_eq!(
            row.macs,
            Ok(u128::from(want["macs"].as_u64().unwrap())),
            "{name}: {}",
            row.node
        );
        assert_eq!(
            row.params,
            u128::from(want["params"].as_u64().unwrap()),
            "{name}: {}",
            row.node
        );
    }
    assert_eq!(
        report.macs(),
        Some(u128::from(expected["macs"].as_u64().unwrap()))
    );
    assert_eq!(
        report.params(),
        u128::from(expected["params"].as_u64().unwrap())
    );
    assert_eq!(report.unknown, None);
    report
}

#[test]
fn mobilenet_v1_counts_as_its_paper_says() {
    let report = matches_expected("mobilenet_v1");
    // Howard et al. (2017), Table 1 and the text: 569 million multiply-adds, 4.2 million
    // parameters; exactly, as counted layer by layer in docs/counters.md.
    assert_eq!(report.macs(), Some(568_740_352));
    assert_eq!(report.params(), 4_210_088);
    let kinds: Vec<Kind> = report.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds.iter().filter(|&&k| k == Kind::Depthwise).count(), 13);
    assert_eq!(kinds.iter().filter(|&&k| k == Kind::Pointwise).count(), 13);
    // Its one standard 3 x 3 convolution, the stem, is all the trick could still change.
    assert_eq!(
        report.rows.iter().filter(|r| r.separable.is_some()).count(),
        1
    );
}

#[test]
fn mobilenet_v2_counts_as_torchvision_s_model_does() {
    let report = matches_expected("mobilenet_v2");
    // fvcore and torch on torchvision's MobileNetV2 (docs/counters.md).
    assert_eq!(report.macs(), Some(300_774_272));
}

#[test]
fn a_resnet_block_and_what_separable_convolutions_would_save_it() {
    let report = matches_expected("resnet_block");
    let conv1 = report.rows.iter().find(|r| r.node == "conv1").unwrap();
    // 64 channels at 16 x 16, 3 x 3: 64·64·9·256 standard; 64·9·256 + 64·64·256 separable.
    assert_eq!(conv1.macs, Ok(9_437_184));
    assert_eq!(conv1.separable, Some(147_456 + 1_048_576));
    let saved = report.macs().unwrap() - report.macs_separable().unwrap();
    assert!(saved > 15_000_000, "{saved}");
}

#[test]
fn resnet18_counts_as_torchvision_documents_it() {
    let report = matches_expected("resnet18");
    // torchvision's docs: 1.81 G multiply-adds ("GFLOPS"), 11,689,512 parameters. Here,
    // by hand: the 7 x 7 stem, 118,013,952; four 3 x 3 at 56 x 56, 115,605,504 each; each
    // later stage 411,041,792 (a strided 3 x 3, three 3 x 3 and a 1 x 1 shortcut); the
    // classifier 512,000. Parameters leave out batch norm's 9,600 scales and shifts.
    assert_eq!(
        report.macs(),
        Some(118_013_952 + 4 * 115_605_504 + 3 * 411_041_792 + 512_000)
    );
    assert_eq!(report.params(), 11_689_512 - 9_600);
    // Nothing in it is separable yet: every 3 x 3 and the stem could be.
    let could = report.rows.iter().filter(|r| r.separable.is_some()).count();
    assert_eq!(could, 1 + 16);
    let factor = report.macs().unwrap() as f64 / report.macs_separable().unwrap() as f64;
    assert!(factor > 7.0, "{factor}");
}

#[test]
fn groups_dilation_asymmetric_padding_and_every_auto_pad() {
    matches_expected("odd_layers");
}

#[test]
fn named_input_sizes_are_read_as_the_size_asked_for() {
    matches_expected("dynamic");
    // At 112 pixels a side, a quarter of the pixels: a quarter of the work.
    let model = Model::read(&fixture("dynamic.onnx")).unwrap();
    assert_eq!(count(&model, 112).macs(), Some(14_450_688 / 4));
}

#[test]
fn after_an_operator_nobody_knows_the_counts_are_unknown_not_guessed() {
    let report = counted("mystery");
    assert_eq!(report.rows[0].macs, Ok(16 * 32 * 32 * 8 * 9));
    let unknown = report.rows[1].macs.clone().unwrap_err();
    assert_eq!(
        (unknown.node.as_str(), unknown.op.as_str()),
        ("mystery", "Mystery")
    );
    assert_eq!(report.macs(), None);
    assert_eq!(report.unknown, Some(unknown));
    // Where the file declares the mystery's output, its shape is taken from there.
    let declared = counted("mystery_declared");
    assert_eq!(declared.rows[1].macs, Ok(16 * 32 * 32 * 16 * 9));
    assert_eq!(declared.unknown, None);
}

#[test]
fn bad_files_are_named_for_what_is_wrong_with_them() {
    assert_eq!(
        Model::read(b"Hello, this is not a model."),
        Err(ReadError::NotOnnx)
    );
    assert_eq!(Model::read(&[]), Err(ReadError::NotOnnx));
    let whole = fixture("mobilenet_v1.onnx");
    assert_eq!(
        Model::read(&whole[..whole.len() / 2]),
        Err(ReadError::Truncated)
    );
    // A model of an opset from the future: ir_version 8, opset_import { version 99 }, an
    // empty graph.
    let future = [0x08, 8, 0x42, 2, 0x10, 99, 0x3a, 0];
    assert_eq!(Model::read(&future), Err(ReadError::Opset(99)));
    // An input of element type 99, which ONNX does not have.
    // ModelProto { ir_version 8, graph { input { name "x", type { tensor_type {
    // elem_type 99 } } } } }
    let odd_type = [
        0x08, 8, 0x3a, 11, 0x5a, 9, 0x0a, 1, b'x', 0x12, 4, 0x0a, 2, 0x08, 99,
    ];
    let Err(ReadError::DataType { input, code }) = Model::read(&odd_type) else {
        panic!("not refused")
    };
    assert_eq!((input.as_str(), code), ("x", 99));
}

#[test]
fn the_worker_answers_in_json_with_exact_counts_as_strings() {
    use sepconv_onnx::worker::to_json;
    let answer: Value = serde_json::from_str(&to_json(&fixture("mobilenet_v1.onnx"), 224)).unwrap();
    assert_eq!(answer["ok"], true);
    assert_eq!(answer["named_sizes"], false);
    assert_eq!(answer["macs"], "568740352");
    assert_eq!(answer["params"], "4210088");
    assert_eq!(answer["rows"][0]["node"], "conv0");
    assert_eq!(
        answer["rows"][0]["output"],
        serde_json::json!([1, 32, 112, 112])
    );
    let dynamic: Value = serde_json::from_str(&to_json(&fixture("dynamic.onnx"), 112)).unwrap();
    assert_eq!(
        (dynamic["named_sizes"].clone(), dynamic["size"].clone()),
        (true.into(), 112.into())
    );
    let mystery: Value = serde_json::from_str(&to_json(&fixture("mystery.onnx"), 224)).unwrap();
    assert_eq!(mystery["macs"], Value::Null);
    assert_eq!(mystery["unknown"]["op"], "Mystery");
    let bad: Value = serde_json::from_str(&to_json(b"not a model", 224)).unwrap();
    assert_eq!(bad["error"], "not-onnx");
}

#[test]
fn each_convolution_s_window_has_its_pads_worked_out() {
    let report = counted("odd_layers");
    let window = |node: &str| {
        report
            .rows
            .iter()
            .find(|r| r.node == node)
            .unwrap()
            .window
            .clone()
            .unwrap()
    };
    // 33 pixels at stride 2 to 17: 2 pixels of padding in all, one each side.
    assert_eq!(window("same_upper").pads, [1, 1, 1, 1]);
    assert_eq!(window("valid").pads, [0; 4]);
    assert_eq!(window("rectangular").kernel, [1, 5]);
    assert_eq!(window("rectangular").pads, [0, 1, 0, 3]);
    assert_eq!((window("grouped").groups, report.rows[0].bias), (4, true));
    assert_eq!(window("dilated").dilations, [2, 2]);
    let v1 = counted("mobilenet_v1");
    let dw2 = v1
        .rows
        .iter()
        .find(|r| r.node == "dw2")
        .unwrap()
        .window
        .clone()
        .unwrap();
    assert_eq!(
        (dw2.strides, dw2.pads, dw2.groups),
        ([2, 2], [0, 0, 1, 1], 64)
    );
}
