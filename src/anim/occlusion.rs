//! How much of a drawn cell is left in view: the shapes are painted in order, so a
//! cell's face is hidden where a filled shape painted after it covers it. Measured by
//! sampling the face on a grid, which is exact enough for "at least half in view" and
//! cheap enough to run on every frame.

use super::shape::{Point, Rect, Shape};

/// Samples per side of a face.
const SAMPLES: usize = 5;

/// A lit cell as drawn: which cell it is, its corners, and where in the painting order.
#[derive(Clone, Debug, PartialEq)]
pub struct Face {
    /// (channel, row, column) of the cell in the tensor it belongs to.
    pub cell: (u32, u32, u32),
    pub corners: [Point; 4],
    /// The index of the shape that paints it.
    pub painted_at: usize,
}

/// Whether `p` lies inside the convex quadrilateral `q` (either winding).
pub fn inside(q: &[Point; 4], p: Point) -> bool {
    let mut sign = 0.0;
    for i in 0..4 {
        let (a, b) = (q[i], q[(i + 1) % 4]);
        let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
        if cross.abs() < 1e-9 {
            continue;
        }
        if sign == 0.0 {
            sign = cross.signum();
        } else if cross.signum() != sign {
            return false;
        }
    }
    sign != 0.0
}

/// The fraction (0 to 1) of `face` that no filled quad painted after it covers.
pub fn unoccluded(face: &Face, shapes: &[Shape]) -> f64 {
    let bounds = Rect::around(face.corners);
    let later: Vec<&[Point; 4]> = shapes
        .iter()
        .skip(face.painted_at + 1)
        .filter_map(|shape| match shape {
            Shape::Quad {
                corners,
                fill: Some(_),
                ..
            } if Rect::around(*corners).overlaps(&bounds) => Some(corners),
            _ => None,
        })
        .collect();
    let [a, b, _, d] = face.corners;
    let mut clear = 0;
    for i in 0..SAMPLES {
        for j in 0..SAMPLES {
            let (u, v) = (
                (i as f64 + 0.5) / SAMPLES as f64,
                (j as f64 + 0.5) / SAMPLES as f64,
            );
            // The face is a parallelogram (a projected square): a + u·(b − a) + v·(d − a).
            let p = (
                a.0 + u * (b.0 - a.0) + v * (d.0 - a.0),
                a.1 + u * (b.1 - a.1) + v * (d.1 - a.1),
            );
            if !later.iter().any(|q| inside(q, p)) {
                clear += 1;
            }
        }
    }
    f64::from(clear) / (SAMPLES * SAMPLES) as f64
}

/// Over every lit cell drawn, the fraction left in view, taking each cell's best view
/// (the overview or the lens) and then the worst cell: 1 when nothing is drawn.
pub fn least_visible(faces: &[Face], shapes: &[Shape]) -> f64 {
    let mut best: Vec<((u32, u32, u32), f64)> = Vec::new();
    for face in faces {
        let seen = unoccluded(face, shapes);
        match best.iter_mut().find(|(cell, _)| *cell == face.cell) {
            Some((_, v)) => *v = v.max(seen),
            None => best.push((face.cell, seen)),
        }
    }
    best.iter().map(|&(_, v)| v).fold(1.0, f64::min)
}
