//! Slider positions and values: every value of a short range has its own position, the
//! long ranges are logarithmic, and keys move by whole values.

use sepconv::cost::{Limit, Param};
use sepconv::slider::{Scale, LOG_STEPS};

#[test]
fn a_short_range_gives_each_value_its_own_position() {
    let scale = Scale::of(Limit { min: 1, max: 16 });
    assert_eq!(scale.last_position(), 15);
    for value in 1..=16 {
        assert_eq!(scale.value_at(scale.position(value)), value);
    }
    assert_eq!(scale.value_at(99), 16, "past the end is the end");
}

#[test]
fn a_long_range_is_logarithmic_from_1_to_its_maximum() {
    for param in [Param::Df, Param::M, Param::N] {
        let max = param.limit().max;
        let scale = Scale::of(param.limit());
        assert_eq!(scale.last_position(), LOG_STEPS);
        assert_eq!((scale.value_at(0), scale.value_at(LOG_STEPS)), (1, max));
        let values: Vec<u32> = (0..=LOG_STEPS).map(|p| scale.value_at(p)).collect();
        assert!(
            values.windows(2).all(|w| w[0] <= w[1]),
            "{param:?} never goes back"
        );
        // Small values, the ones a lesson starts from, each have a position of their own.
        for small in 1..=16 {
            assert_eq!(
                scale.value_at(scale.position(small)),
                small,
                "{param:?} {small}"
            );
        }
        // Every value lands within one step of its own position.
        for value in [17, 100, 224, 1000, max - 1, max] {
            let back = scale.value_at(scale.position(value));
            let step = (f64::from(max).ln() / f64::from(LOG_STEPS)).exp();
            assert!(
                f64::from(back.max(value)) / f64::from(back.min(value)) <= step,
                "{param:?} {value} comes back as {back}"
            );
        }
    }
}

#[test]
fn a_log_scales_values_are_its_maximum_to_the_share_of_the_way_rounded() {
    // Every logarithmic scale a control could have (a maximum past 64), at every position.
    for max in 65..=8192 {
        let scale = Scale::of(Limit { min: 1, max });
        for position in 0..=LOG_STEPS {
            let share = f64::from(position) / f64::from(LOG_STEPS);
            let power = f64::from(max).powf(share).round() as u32;
            assert_eq!(
                scale.value_at(position),
                power.clamp(1, max),
                "{max}^{share}"
            );
        }
    }
}

#[test]
fn keys_move_by_whole_values_and_stop_at_the_ends() {
    let scale = Scale::of(Param::N.limit());
    let max = Param::N.limit().max;
    assert_eq!(scale.key_step("ArrowRight", 8), Some(9));
    assert_eq!(scale.key_step("ArrowDown", 8), Some(7));
    assert_eq!(scale.key_step("PageUp", 8), Some(16));
    assert_eq!(scale.key_step("PageDown", 8), Some(4));
    assert_eq!(scale.key_step("Home", 8), Some(1));
    assert_eq!(scale.key_step("End", 8), Some(max));
    assert_eq!(scale.key_step("ArrowLeft", 1), Some(1));
    assert_eq!(scale.key_step("PageUp", max), Some(max));
    assert_eq!(scale.key_step("a", 8), None);
}
