//! Single layers against public FLOP counters run on real PyTorch modules
//! (fvcore 0.1.5, thop 0.1.1, ptflops 0.7.5, torchinfo 1.8.0 on torch 2.15.0;
//! `scripts/counters/count.py`, results in `docs/counters.md`).
//!
//! fvcore and thop count multiply-adds without bias; ptflops and torchinfo add one per
//! output value for a bias. Both conventions are checked.
#![cfg(not(target_arch = "wasm32"))]

use sepconv::cost::{Costs, Layer, Multiplier, Padding, Part, Unit};
use sepconv::network::{by_id, Count};

/// One `nn.Conv2d` as the counters saw it, with what they reported.
struct Counted {
    id: &'static str,
    /// C_in, H (= W), C_out, k, stride, padding, dilation, groups, bias
    conv: (u32, u32, u32, u32, u32, u32, u32, u32, bool),
    out: u32,
    fvcore_thop: u128,
    ptflops_torchinfo: u128,
    params: u128,
}

const LAYERS: [Counted; 10] = [
    Counted {
        id: "a",
        conv: (512, 14, 512, 3, 1, 1, 1, 512, false),
        out: 14,
        fvcore_thop: 903_168,
        ptflops_torchinfo: 903_168,
        params: 4608,
    },
    Counted {
        id: "b",
        conv: (512, 14, 512, 1, 1, 0, 1, 1, false),
        out: 14,
        fvcore_thop: 51_380_224,
        ptflops_torchinfo: 51_380_224,
        params: 262_144,
    },
    Counted {
        id: "c",
        conv: (3, 224, 32, 3, 2, 1, 1, 1, false),
        out: 112,
        fvcore_thop: 10_838_016,
        ptflops_torchinfo: 10_838_016,
        params: 864,
    },
    Counted {
        id: "d",
        conv: (3, 224, 32, 3, 2, 1, 1, 1, true),
        out: 112,
        fvcore_thop: 10_838_016,
        ptflops_torchinfo: 11_239_424,
        params: 896,
    },
    Counted {
        id: "e",
        conv: (64, 57, 128, 5, 3, 0, 2, 4, true),
        out: 17,
        fvcore_thop: 14_796_800,
        ptflops_torchinfo: 14_833_792,
        params: 51_328,
    },
    Counted {
        id: "f",
        conv: (32, 31, 32, 3, 2, 0, 3, 32, true),
        out: 13,
        fvcore_thop: 48_672,
        ptflops_torchinfo: 54_080,
        params: 320,
    },
    Counted {
        id: "g",
        conv: (16, 20, 48, 7, 1, 3, 1, 8, false),
        out: 20,
        fvcore_thop: 1_881_600,
        ptflops_torchinfo: 1_881_600,
        params: 4704,
    },
    Counted {
        id: "h",
        conv: (8, 9, 8, 3, 4, 5, 1, 2, true),
        out: 5,
        fvcore_thop: 7200,
        ptflops_torchinfo: 7400,
        params: 296,
    },
    Counted {
        id: "i",
        conv: (24, 56, 144, 1, 1, 0, 1, 1, false),
        out: 56,
        fvcore_thop: 10_838_016,
        ptflops_torchinfo: 10_838_016,
        params: 3456,
    },
    Counted {
        id: "j",
        conv: (144, 56, 144, 3, 2, 1, 1, 144, false),
        out: 28,
        fvcore_thop: 1_016_064,
        ptflops_torchinfo: 1_016_064,
        params: 1296,
    },
];

#[test]
fn single_layers_agree_with_the_counters() {
    for counted in LAYERS {
        let (m, df, n, dk, stride, pad, dilation, groups, bias) = counted.conv;
        let layer = Layer {
            df,
            dk,
            m,
            n,
            padding: Padding::Explicit(pad),
            stride,
            dilation,
            groups,
            bias,
        };
        let c = Costs::of(&layer).unwrap();
        let id = counted.id;
        assert_eq!(c.dp, counted.out, "layer {id}: output size");
        let macs = c.count(Part::Standard, Unit::Macs);
        assert_eq!(macs, counted.fvcore_thop, "layer {id}: multiply-adds");
        // ptflops and torchinfo: a bias adds one per output value, N·Dp². FLOPs, by the
        // page's convention, are twice the multiply-adds plus the same bias additions.
        let with_bias = counted.ptflops_torchinfo;
        assert_eq!(
            c.count(Part::Standard, Unit::Flops),
            2 * macs + (with_bias - macs),
            "layer {id}"
        );
        assert_eq!(
            c.params_standard(),
            counted.params,
            "layer {id}: parameters"
        );
    }
}

#[test]
fn mobilenet_v2_agrees_with_torchvision() {
    let network = by_id("mobilenet_v2").unwrap();
    let count = Count::of(network, Multiplier::ONE, 224);
    // torch's FlopCounterMode (halved) and fvcore's conv + linear operators on
    // torchvision's mobilenet_v2(): 299,494,272 in convolutions, 1,280,000 in the classifier.
    assert_eq!(count.totals.macs, 300_774_272);
    assert_eq!(count.rows.last().unwrap().macs, 1_280_000);
    // torchvision's 3,504,872 parameters less BatchNorm's γ and β (34,112).
    assert_eq!(count.totals.params, 3_504_872 - 34_112);
    assert_eq!(
        count.rows.len(),
        53 + 1,
        "52 convolutions, pooling, the classifier"
    );
    // fvcore's per-layer figures, a few of them: the first expansion, a strided
    // depthwise layer and the last 1x1 convolution.
    let macs: Vec<u128> = count.rows.iter().map(|r| r.macs).collect();
    assert_eq!(macs[3], 19_267_584);
    assert_eq!(macs[4], 2_709_504);
    assert_eq!(macs[51], 20_070_400);
}

#[test]
fn mobilenet_v1_agrees_with_a_counted_pytorch_model() {
    let count = Count::of(by_id("mobilenet_v1").unwrap(), Multiplier::ONE, 224);
    // The same network built in PyTorch: torch 568,740,352; ptflops' aten backend adds
    // the classifier's 1,000 biases; sum(p.numel()) adds BatchNorm's 21,888 γ and β.
    assert_eq!(count.totals.macs, 568_740_352);
    assert_eq!(count.totals.macs + 1000, 568_741_352);
    assert_eq!(count.totals.params + 21_888, 4_231_976);
}
