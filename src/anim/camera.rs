//! How the scene is looked at: the reader's camera around each volume (an orthographic
//! projection, so that parallel channel sheets stay parallel and their order in depth is
//! the same everywhere on screen), and which of the two looks is drawn.

/// Where the camera stands, in whole degrees: `yaw` to the right of the volumes' front,
/// `pitch` above it. Kept in the URL (`yaw`, `pitch`) when not the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Camera {
    pub yaw: i32,
    pub pitch: i32,
}

impl Default for Camera {
    /// From the front, right and above: the front, top and side of every volume show.
    fn default() -> Self {
        Camera { yaw: 35, pitch: 25 }
    }
}

impl Camera {
    /// Yaw goes all the way round.
    pub const YAW: (i32, i32) = (-180, 180);
    /// Pitch stops short of straight above or below, where the sheets become lines.
    pub const PITCH: (i32, i32) = (-80, 80);

    /// A camera from the URL's values, if both are in range.
    pub fn new(yaw: i32, pitch: i32) -> Option<Camera> {
        let inside = |v: i32, (lo, hi): (i32, i32)| (lo..=hi).contains(&v);
        (inside(yaw, Self::YAW) && inside(pitch, Self::PITCH)).then_some(Camera { yaw, pitch })
    }

    /// The camera moved by a drag or a key: yaw wraps round, pitch stops at its limits.
    pub fn orbit(self, d_yaw: i32, d_pitch: i32) -> Camera {
        Camera {
            yaw: (self.yaw + d_yaw + 180).rem_euclid(360) - 180,
            pitch: (self.pitch + d_pitch).clamp(Self::PITCH.0, Self::PITCH.1),
        }
    }

    pub fn is_default(self) -> bool {
        self == Camera::default()
    }

    /// The rotation that takes world coordinates (x right, y up, z away from the
    /// front) to the camera's (x right, y up, z away from the eye).
    pub fn rotation(self) -> Rotation {
        let turn = |degrees: i32| (sin_degrees(-degrees), sin_degrees(90 - degrees));
        Rotation {
            yaw: turn(self.yaw),
            pitch: turn(self.pitch),
        }
    }
}

/// The sine of a whole number of degrees. The angle is folded into [-90, 90] exactly, in
/// integers, and the Taylor series to x^15 is then within 1e-11: no trigonometry
/// library has to ship to the browser for two angles a frame.
pub fn sin_degrees(degrees: i32) -> f64 {
    let mut d = degrees.rem_euclid(360);
    if d > 180 {
        d -= 360;
    }
    // sin(180° − d) = sin(d) brings (90, 180] and [-180, -90) into [-90, 90].
    if d > 90 {
        d = 180 - d;
    } else if d < -90 {
        d = -180 - d;
    }
    let x = f64::from(d) * std::f64::consts::PI / 180.0;
    let (mut term, mut sum) = (x, x);
    for k in 1..8 {
        term *= -x * x / f64::from((2 * k) * (2 * k + 1));
        sum += term;
    }
    sum
}

/// Sines and cosines of the camera's two angles, computed once per frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rotation {
    yaw: (f64, f64),
    pitch: (f64, f64),
}

impl Rotation {
    /// (screen x, screen y upwards, depth) of a world point; larger depth is farther.
    pub fn apply(&self, (x, y, z): (f64, f64, f64)) -> (f64, f64, f64) {
        let ((sy, cy), (sp, cp)) = (self.yaw, self.pitch);
        let x1 = x * cy - z * sy;
        let z1 = x * sy + z * cy;
        (x1, y * cp - z1 * sp, y * sp + z1 * cp)
    }
}

/// The two looks: the volumes in depth, or every drawn channel side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Look {
    #[default]
    Volume,
    Slices,
}

impl Look {
    pub const ALL: [Look; 2] = [Look::Volume, Look::Slices];

    pub fn name(self) -> &'static str {
        match self {
            Look::Volume => "volume",
            Look::Slices => "slices",
        }
    }

    pub fn parse(text: &str) -> Option<Look> {
        Look::ALL.into_iter().find(|l| l.name() == text.trim())
    }
}
