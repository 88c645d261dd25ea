//! In-browser tests: the components rendered by Yew into a real DOM, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use sepconv::components::App;
use sepconv::cost::{Costs, Layer, Padding};
use wasm_bindgen_test::*;
use web_sys::{window, Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    window().unwrap().document().unwrap()
}

/// Renders the app for the URL query `query` into a fresh element and waits for it.
async fn render(query: &str) -> Element {
    let history = window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn data_value(root: &Element, id: &str) -> String {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("#{id} is missing"))
        .get_attribute("data-value")
        .unwrap()
}

#[wasm_bindgen_test]
async fn figures_match_the_core() {
    let root = render("?df=14&dk=3&m=512&n=512&pad=same").await;
    let costs = Costs::of(&Layer {
        df: 14,
        dk: 3,
        m: 512,
        n: 512,
        padding: Padding::Same,
        stride: 1,
        dilation: 1,
        ..Layer::default()
    })
    .unwrap();
    assert_eq!(data_value(&root, "dp"), "14");
    assert_eq!(
        data_value(&root, "cost-standard"),
        costs.standard().to_string()
    );
    assert_eq!(
        data_value(&root, "cost-depthwise"),
        costs.depthwise().to_string()
    );
    assert_eq!(
        data_value(&root, "cost-pointwise"),
        costs.pointwise().to_string()
    );
    assert_eq!(data_value(&root, "cost-separable"), "52283392");
    assert_eq!(
        data_value(&root, "params-standard"),
        costs.params_standard().to_string()
    );
    assert_eq!(
        data_value(&root, "params-separable"),
        costs.params_separable().to_string()
    );
    assert_eq!(data_value(&root, "ratio"), costs.ratio().significant(15));
    assert_eq!(
        data_value(&root, "ratio-closed"),
        data_value(&root, "ratio")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_link_shows_a_notice_and_writes_a_clean_url() {
    let root = render("?df=abc&m=16&lang=en").await;
    let notice = root
        .query_selector("#notice[role=status]")
        .unwrap()
        .unwrap();
    assert!(notice.text_content().unwrap().contains("df=abc"));
    assert_eq!(data_value(&root, "dp"), Layer::default().df.to_string());
    let search = window().unwrap().location().search().unwrap();
    assert_eq!(
        search,
        "?df=8&dk=3&m=16&n=8&pad=same&stride=1&dil=1&mode=separable&step=0&lang=en"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn an_escaped_panic_becomes_a_visible_message() {
    let fatal = document().create_element("div").unwrap();
    fatal.set_id("fatal");
    fatal.set_attribute("hidden", "").unwrap();
    document().body().unwrap().append_child(&fatal).unwrap();
    sepconv::panic::show_message("sepconv hit a bug and stopped: boom");
    assert!(!fatal.has_attribute("hidden"));
    assert!(fatal.text_content().unwrap().contains("boom"));
    assert!(fatal.text_content().unwrap().contains("Reload the page"));
    fatal.remove();
}

#[wasm_bindgen_test]
async fn chinese_from_the_link_reaches_every_component() {
    let root = render("?df=abc&lang=zh").await;
    let text = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} is missing"))
            .text_content()
            .unwrap()
    };
    assert!(text("#notice-text").starts_with("已忽略链接中的 df=abc"));
    assert_eq!(text("#layer-title"), "这一层");
    assert_eq!(text("#charts-title"), "R 为什么趋于平缓");
    assert_eq!(text("#anim-title"), "每一次乘法从哪里来");
    let lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("zh-Hans"));
    root.remove();
}
