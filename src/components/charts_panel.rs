//! The charts section: where R comes from and why it flattens out.

use super::chart::{Chart, Kind};
use crate::cost::Costs;
use crate::plots::Sweep;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub costs: Costs,
    pub dark: bool,
}

#[function_component]
pub fn ChartsPanel(props: &Props) -> Html {
    let (costs, dark) = (props.costs, props.dark);
    html! {
        <section class="panel charts" aria-labelledby="charts-title">
            <h2 id="charts-title">{ "Why R flattens out" }</h2>
            <Chart id="ratio-vs-n" kind={Kind::Ratio(Sweep::Filters)} {costs} {dark}
                title="R against the number of filters N" />
            <div class="chart-pair">
                <Chart id="ratio-vs-dk" kind={Kind::Ratio(Sweep::Kernel)} {costs} {dark}
                    title="R against the kernel size Dk" />
                <Chart id="cost-bars" kind={Kind::Costs} {costs} {dark}
                    title="Multiplications: standard against separable" />
            </div>
        </section>
    }
}
