//! A cost formula set in type: symbols with subscripts ("D" + "k") and squares.

use crate::cost::{Formula, Term};
use yew::prelude::*;

/// `formula` in type: with its symbols, or with today's numbers ("3²" for "Dk²").
pub fn formula_html(formula: &Formula, numbers: bool) -> Html {
    let product = |terms: &Vec<Term>| -> Html {
        let terms = terms.iter().enumerate().map(|(i, term)| {
            html! { <>{ if i > 0 { " × " } else { "" } }{ term_html(term, numbers) }</> }
        });
        terms.collect()
    };
    let products = formula.0.iter().enumerate().map(|(i, terms)| {
        html! { <>{ if i > 0 { " + " } else { "" } }{ product(terms) }</> }
    });
    html! { <span class="formula">{ for products }</span> }
}

fn term_html(term: &Term, numbers: bool) -> Html {
    match term {
        Term::Power {
            symbol,
            value,
            exponent,
        } => {
            let base = if numbers {
                html! { <span class="num">{ value }</span> }
            } else {
                symbol_html(symbol)
            };
            let power = (*exponent != 1).then(|| html! { <sup>{ exponent }</sup> });
            html! { <>{ base }{ power }</> }
        }
        Term::Sum(terms) => {
            let parts = terms.iter().enumerate().map(|(i, t)| {
                html! { <>{ if i > 0 { " + " } else { "" } }{ term_html(t, numbers) }</> }
            });
            html! { <span class="group">{ "(" }{ for parts }{ ")" }</span> }
        }
        Term::Number(n) => html! { <span class="num">{ n }</span> },
    }
}

/// "Dk" as D with a subscript k, the way the papers print it; "M", "N" and "M/g" as
/// they are.
pub fn symbol_html(symbol: &str) -> Html {
    let mut chars = symbol.chars();
    match (chars.next(), chars.as_str()) {
        (Some(head), rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase()) => {
            html! { <var>{ head }<sub>{ rest }</sub></var> }
        }
        _ => html! { <var>{ symbol }</var> },
    }
}
