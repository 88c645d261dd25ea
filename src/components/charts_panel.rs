//! The charts section: where R comes from and why it flattens out.

use super::chart::{Chart, Kind};
use crate::cost::{Costs, Unit};
use crate::i18n::Lang;
use crate::plots::Sweep;
use crate::state::Scheme;
use yew::prelude::*;

/// The three charts for `costs` in `unit`; each is a component that redraws only when
/// what it shows changes.
pub fn charts_panel(costs: Costs, unit: Unit, scheme: Scheme, lang: Lang) -> Html {
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
