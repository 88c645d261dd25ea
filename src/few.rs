//! Sorting a handful of items. The standard library's sorts are built for any length and
//! ship kilobytes of their own code per type sorted; the page sorts at most a few chart
//! labels, curves or slices at a time, for which insertion is as quick and is a few
//! instructions.

/// Sorts `items` by `key`, ascending, keeping equal items in their order.
pub fn sort_by_key<T, K: PartialOrd>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_ties_in_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut none: [u32; 0] = [];
        sort_by_key(&mut none, |&k| k);
    }
}
