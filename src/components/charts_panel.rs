//! The charts section: where R comes from and why it flattens out.

use super::chart::{Chart, Kind};
use super::hooks::use_lang;
use crate::cost::{Costs, Unit};
use crate::plots::Sweep;
use crate::state::Scheme;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
    pub unit: Unit,
    pub scheme: Scheme,
}

#[function_component]
pub fn ChartsPanel(props: &Props) -> Html {
    let (costs, unit, scheme) = (props.costs, props.unit, props.scheme);
    let lang = use_lang();
    html! {
        <section class="panel charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ lang.tr("Why R flattens out", "R 为什么趋于平缓") }</h2>
            <Chart id="ratio-vs-n" kind={Kind::Ratio(Sweep::Filters)} {costs} {unit} {scheme}
                title={lang.tr("R against the number of filters N", "R 随卷积核个数 N 的变化")} />
            <div class="chart-pair">
                <Chart id="ratio-vs-dk" kind={Kind::Ratio(Sweep::Kernel)} {costs} {unit} {scheme}
                    title={lang.tr("R against the kernel size Dk", "R 随卷积核尺寸 Dk 的变化")} />
                <Chart id="cost-bars" kind={Kind::Costs} {costs} {unit} {scheme}
                    title={match unit {
                        Unit::Macs => lang.tr("Multiplications: standard against separable", "乘法次数：标准卷积与可分离卷积"),
                        Unit::Flops => lang.tr("FLOPs: standard against separable", "FLOPs：标准卷积与可分离卷积"),
                    }} />
            </div>
        </section>
    }
}
