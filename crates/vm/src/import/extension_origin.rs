//! Which of Krait's native modules stand in for extension modules of the
//! reference CPython. CPython builds some C modules into the interpreter
//! (`sys.builtin_module_names`: `sys`, `_io`, `itertools`, ...) and loads the
//! others from `lib-dynload` (`math`, `_struct`, `select`, ...), which gives
//! those a `__file__`, a spec origin, the repr `<module 'math' from
//! '.../math.cpython-311-x86_64-linux-gnu.so'>` and the location in "cannot
//! import name 'x' from 'math' (...)". Krait follows the installation whose
//! `Lib` it uses: a native module whose name has a file in that `Lib`'s
//! `lib-dynload` is presented as that extension module (the file is named,
//! never loaded); the rest are built-in.

use std::cell::OnceCell;

thread_local! {
    /// `(module name, path)` of each extension module in `lib-dynload`,
    /// listed once.
    static EXTENSIONS: OnceCell<Vec<(String, String)>> = const { OnceCell::new() };
}

fn list_extensions() -> Vec<(String, String)> {
    let Some(lib) = super::path::stdlib_dir() else {
        return Vec::new();
    };
    let dir = std::path::Path::new(&lib).join("lib-dynload");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let file = e.file_name().into_string().ok()?;
            let stem = file.strip_suffix(".so")?;
            let name = stem.split('.').next()?.to_owned();
            Some((name, e.path().to_string_lossy().into_owned()))
        })
        .collect();
    out.sort();
    out
}

/// The file CPython loads for module `name` when it is an extension module
/// of the reference installation, else `None` (a built-in module).
pub fn extension_file(name: &str) -> Option<String> {
    EXTENSIONS.with(|cell| {
        let list = cell.get_or_init(list_extensions);
        list.binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()
            .map(|i| list[i].1.clone())
    })
}
