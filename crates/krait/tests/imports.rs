//! The import system against CPython 3.11: a small package tree is written to a
//! temporary directory, and `krait main.py` must give the same stdout, stderr
//! and exit status as `python3 -B main.py` (absolute, relative and dotted
//! imports, from-imports of submodules, `import *`, circular imports, import
//! errors and their messages, `__name__ == "__main__"`). Also: the
//! `__pycache__/*.krait-311.pyc` cache is written, reused and invalidated, and
//! `-B` writes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The files of the test tree: (relative path, contents).
const TREE: &[(&str, &str)] = &[
    (
        "pkg/__init__.py",
        "print('init pkg', __name__, __package__)\nVALUE = 1\n",
    ),
    (
        "pkg/mod_a.py",
        "from . import mod_b\nfrom .sub import leaf\nfrom .sub.leaf import LEAF\n\
         print('mod_a', __name__, __package__, mod_b.B, LEAF, leaf.__name__)\n\
         def f():\n    return 'a.f'\n",
    ),
    (
        "pkg/mod_b.py",
        "B = 'b'\n_private = 1\nC = 'c'\n__all__ = ['B']\n",
    ),
    ("pkg/nostar.py", "PUB = 1\n_HIDDEN = 2\n"),
    (
        "pkg/sub/__init__.py",
        "from .. import VALUE\nprint('init sub', VALUE)\n",
    ),
    (
        "pkg/sub/leaf.py",
        "from ..mod_b import B\nLEAF = 'leaf' + B\n",
    ),
    ("pkg/sub/beyond.py", "from ... import anything\n"),
    (
        "circ_a.py",
        "import circ_b\nX = 1\ndef get():\n    return circ_b.Y\n",
    ),
    (
        "circ_b.py",
        "import circ_a\nY = 2\nprint('circ_b sees X:', hasattr(circ_a, 'X'))\n",
    ),
    ("circ_c.py", "from circ_d import D\nC = 1\n"),
    ("circ_d.py", "from circ_c import C\nD = 1\n"),
    ("bad.py", "x = 1\nraise ValueError('boom')\n"),
    ("synmod.py", "x = 1\ny = (\n"),
    (
        "helper.py",
        "if __name__ == '__main__':\n    print('never')\nprint('helper', __name__)\n",
    ),
    (
        "main.py",
        r#"import sys
import pkg.mod_a
print(pkg.mod_a.f(), pkg.__name__, 'pkg.mod_a' in sys.modules)
from pkg import mod_b, sub
print(mod_b.B, sub.__name__)
from pkg.mod_b import *
print(B, 'C' in globals())
from pkg.nostar import *
print(PUB, '_HIDDEN' in globals())
import pkg.sub.leaf as lf
print(lf.LEAF, lf.__name__, lf.__package__, lf.__spec__.name, lf.__spec__.parent)
print(pkg.__path__ == [pkg.__spec__.submodule_search_locations[0]])
print(pkg.__file__.endswith('pkg/__init__.py'), pkg.__spec__.origin == pkg.__file__)
import circ_a
print(circ_a.get())
import helper
print(__import__('pkg.mod_b', fromlist=['B']).__name__, __import__('pkg.mod_b').__name__)
print(__name__, __spec__, __package__, __file__.endswith('main.py'))
if __name__ == '__main__':
    print('main!')
try:
    import nonexistent
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg.nope
except ImportError as e:
    print(type(e).__name__, e)
try:
    from pkg import nope
except ImportError as e:
    print(type(e).__name__, e.args[0].replace(sys.path[0], '.'), e.name, e.path == pkg.__file__)
try:
    import synmod
except SyntaxError as e:
    print(e, e.msg, e.filename == sys.path[0] + '/synmod.py', e.lineno, e.offset, repr(e.text))
try:
    import pkg.sub.nothing
except ModuleNotFoundError as e:
    print(e, e.name, e.path)
try:
    from pkg.mod_b import nope
except ImportError as e:
    print(type(e).__name__, e.args[0].replace(sys.path[0], '.'))
try:
    import pkg.mod_b.x
except ImportError as e:
    print(type(e).__name__, e)
try:
    import circ_c
except ImportError as e:
    print(type(e).__name__, e.args[0].replace(sys.path[0], '.'))
try:
    import bad
except ValueError as e:
    print(type(e).__name__, e)
try:
    from . import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)
print('bad' in sys.modules, 'circ_c' in sys.modules, 'circ_d' in sys.modules)
print(sorted(m for m in sys.modules if m.startswith('pkg')))
from helper import nothing
"#,
    ),
];

fn make_tree(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("krait-imports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in TREE {
        let p = dir.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("temp dir");
        }
        std::fs::write(&p, text).expect("write test file");
    }
    dir
}

fn run(cmd: &mut Command, dir: &Path) -> Output {
    cmd.current_dir(dir)
        .env_remove("PYTHONPATH")
        .output()
        .expect("process runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn krait() -> Command {
    Command::new(env!("CARGO_BIN_EXE_krait"))
}

#[test]
fn package_tree_matches_cpython() {
    let dir = make_tree("tree");
    let expected = run(Command::new("python3").args(["-B", "main.py"]), &dir);
    let got = run(krait().arg("main.py"), &dir);
    assert_eq!(text(&got.stdout), text(&expected.stdout), "stdout differs");
    assert_eq!(text(&got.stderr), text(&expected.stderr), "stderr differs");
    assert_eq!(got.status.code(), expected.status.code(), "exit status");
    assert_eq!(got.status.code(), Some(1), "the last import must fail");
    // The second run loads the cache and must give the same result.
    assert!(dir.join("pkg/__pycache__/mod_a.krait-311.pyc").is_file());
    let again = run(krait().arg("main.py"), &dir);
    assert_eq!(text(&again.stdout), text(&expected.stdout), "cached run");
    assert_eq!(text(&again.stderr), text(&expected.stderr), "cached run");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cache_is_invalidated_by_source_change_and_b_writes_nothing() {
    let dir = make_tree("cache");
    std::fs::write(dir.join("m.py"), "V = 'first'\n").unwrap();
    std::fs::write(dir.join("use.py"), "import m\nprint(m.V)\n").unwrap();
    let out = run(krait().args(["-B", "use.py"]), &dir);
    assert_eq!(text(&out.stdout), "first\n");
    assert!(!dir.join("__pycache__").exists(), "-B must not write");
    let out = run(krait().arg("use.py"), &dir);
    assert_eq!(text(&out.stdout), "first\n");
    assert!(dir.join("__pycache__/m.krait-311.pyc").is_file());
    // A different size invalidates the entry even within the same second.
    std::fs::write(dir.join("m.py"), "V = 'second!'\n").unwrap();
    let out = run(krait().arg("use.py"), &dir);
    assert_eq!(text(&out.stdout), "second!\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn script_errors_match_cpython() {
    let dir = make_tree("errors");
    std::fs::write(dir.join("syn.py"), "x = 1\ny = (\n").unwrap();
    std::fs::write(dir.join("argv.py"), "import sys\nprint(sys.argv)\n").unwrap();
    std::fs::write(dir.join("impsyn.py"), "print('before')\nimport synmod\n").unwrap();
    std::fs::write(dir.join("warnmod.py"), "x = 1\nif x is 1:\n    pass\n").unwrap();
    let warn = "import warnmod\nif 'a' is 'a':\n    print('same')\n";
    std::fs::write(dir.join("warn.py"), warn).unwrap();
    for args in [
        &["syn.py"][..],
        &["argv.py", "a", "b"][..],
        &["-B", "impsyn.py"][..],
        &["-B", "warn.py"][..],
    ] {
        let expected = run(Command::new("python3").args(args), &dir);
        let got = run(krait().args(args), &dir);
        assert_eq!(text(&got.stdout), text(&expected.stdout), "{args:?}");
        assert_eq!(text(&got.stderr), text(&expected.stderr), "{args:?}");
        assert_eq!(got.status.code(), expected.status.code(), "{args:?}");
    }
    let missing = run(krait().arg("missing.py"), &dir);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("can't open file"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn meta_path_finder_written_in_python_is_used() {
    let dir = make_tree("meta");
    let src = r#"import sys
class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.GREETING = 'hello from ' + module.__name__
class Finder:
    def find_spec(self, name, path, target=None):
        if name != 'virtual':
            return None
        spec = type(sys.modules['pkg'].__spec__)(name, Loader())
        return spec
import pkg
sys.meta_path.append(Finder())
import virtual
print(virtual.GREETING, virtual.__name__, type(virtual.__loader__).__name__)
"#;
    std::fs::write(dir.join("meta.py"), src).unwrap();
    let got = run(krait().arg("meta.py"), &dir);
    assert_eq!(
        text(&got.stdout),
        "init pkg pkg pkg\nhello from virtual virtual Loader\n",
        "stderr: {}",
        text(&got.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `args` under both interpreters in a fresh tree; same output required.
fn same_as_cpython(name: &str, files: &[(&str, &str)], args: &[&str]) {
    let dir = make_tree(name);
    for (path, text) in files {
        let p = dir.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("temp dir");
        }
        std::fs::write(p, text).expect("write test file");
    }
    let mut py_args = vec!["-B"];
    py_args.extend_from_slice(args);
    let expected = run(Command::new("python3").args(&py_args), &dir);
    let got = run(krait().args(&py_args), &dir);
    assert_eq!(text(&got.stdout), text(&expected.stdout), "{name}: stdout");
    assert_eq!(text(&got.stderr), text(&expected.stderr), "{name}: stderr");
    assert_eq!(got.status.code(), expected.status.code(), "{name}: status");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn path_hook_finder_for_a_virtual_entry() {
    let src = r#"import sys
class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, m):
        m.V = 'hooked ' + m.__name__
class Finder:
    def __init__(self, p):
        self.p = p
    def find_spec(self, name, target=None):
        if name == 'hooked':
            return type(sys.modules['sys'].__spec__)(name, Loader())
        return None
def hook(p):
    if p == '<virtual>':
        return Finder(p)
    raise ImportError('not mine')
sys.path_hooks.append(hook)
sys.path.append('<virtual>')
import helper
import hooked
print(hooked.V, type(sys.path_importer_cache['<virtual>']).__name__)
try:
    import still_missing
except ImportError as e:
    print(e)
"#;
    same_as_cpython("hooks", &[("hooks.py", src)], &["hooks.py"]);
}

#[test]
fn namespace_package_and_dash_c() {
    let src =
        "import nspkg.part\nprint(nspkg.part.X, nspkg.__name__, hasattr(nspkg, '__file__'))\n\
               print([p.endswith('nspkg') for p in nspkg.__path__])\nimport pkg.mod_b\n";
    same_as_cpython(
        "ns",
        &[("nspkg/part.py", "X = 'ns part'\n"), ("ns.py", src)],
        &["ns.py"],
    );
    same_as_cpython(
        "dashc",
        &[],
        &[
            "-c",
            "import sys, pkg.mod_b; print(sys.argv, repr(sys.path[0]), __name__, pkg.mod_b.B)",
            "a",
        ],
    );
}

#[test]
fn kraitlib_overrides_the_standard_library_directory() {
    let dir = make_tree("kraitlib");
    let lib = dir.join("fakelib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("fakestd.py"), "WHERE = 'from KRAITLIB'\n").unwrap();
    let src = "import sys, fakestd\nprint(fakestd.WHERE, sys.path[-1].endswith('fakelib'))\n";
    std::fs::write(dir.join("lib.py"), src).unwrap();
    let got = run(krait().arg("-B").arg("lib.py").env("KRAITLIB", &lib), &dir);
    assert_eq!(
        text(&got.stdout),
        "from KRAITLIB True\n",
        "{}",
        text(&got.stderr)
    );
    let odd = run(
        krait().args(["-c", "try:\n __import__('a..b')\nexcept ImportError as e: print(e)\ntry:\n __import__('')\nexcept ValueError as e: print(e)"]),
        &dir,
    );
    assert_eq!(
        text(&odd.stdout),
        "No module named 'a'\nEmpty module name\n",
        "{}",
        text(&odd.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn importlib_import_module_works() {
    // `warnings` is stubbed (the real one needs `re`, not importable yet).
    let src = r#"import importlib
m = importlib.import_module('pkg.mod_b')
print(m.B, m.__name__)
r = importlib.import_module('.sub.leaf', 'pkg')
print(r.LEAF, r.__name__)
import importlib.machinery as mach
print(mach.SOURCE_SUFFIXES, mach.ModuleSpec is type(m.__spec__))
try:
    importlib.import_module('pkg.nothing')
except ImportError as e:
    print(e)
"#;
    same_as_cpython(
        "importlib",
        &[
            ("warnings.py", "def warn(*a, **k):\n    pass\n"),
            ("il.py", src),
        ],
        &["il.py"],
    );
}
