//! The bundled sample report (Serov city district, Q1 2020): the welcome screen's demo
//! and `otchet --demo` load it.

pub const SAMPLE: &[u8] = include_bytes!("../samples/serov-2020-q1.txt");
pub const SAMPLE_NAME: &str = "serov-2020-q1.txt";
