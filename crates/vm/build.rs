//! Finds the installed CPython 3.11's pure-Python standard library (`Lib`), whose
//! modules Krait imports (ARCHITECTURE §9): `python3 -c 'sysconfig...'` at build
//! time, exported as `KRAIT_DEFAULT_STDLIB`. `KRAITLIB` overrides it at run time.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=KRAIT_PYTHON");
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let dir = Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    println!("cargo:rustc-env=KRAIT_DEFAULT_STDLIB={dir}");
}
