//! The `krait` command line against CPython 3.11's: `krait ARGS` and `python3
//! ARGS` must give the same stdout, stderr (with the executable's name
//! normalized) and exit status, for each mode (file, `-c`, stdin), option, bad
//! option, missing file and exit code.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A scratch directory with the test scripts.
fn scratch() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("krait-cli-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let files: &[(&str, &str)] = &[
        (
            "argv.py",
            "import sys\nprint(sys.argv)\nprint(sys.path[0])\n",
        ),
        ("boom.py", "def f():\n    1/0\nf()\n"),
        ("exit3.py", "import sys\nsys.exit(3)\n"),
        ("bad.py", "x = (\n"),
        ("shebang.py", "#!not python\nprint('after')\n"),
        (
            "m1.py",
            "import sys\nprint(sys.argv, sys.path[0], __name__)\n",
        ),
        ("pkg/__init__.py", ""),
        (
            "pkg/__main__.py",
            "import sys\nprint('pkg main', __name__, sys.argv, sys.path[0] == __file__.rsplit('/', 1)[0])\n",
        ),
        ("pkg/sub.py", "import sys\nprint('sub', sys.argv[1:])\n"),
        ("nomain/__init__.py", ""),
        (
            "om.py",
            "def f():\n    'doc'\n    assert False, 'boom'\n    return 'no assert'\n",
        ),
        ("startup.py", "print('startup'); S = 1\n"),
    ];
    std::fs::create_dir_all(d.join("pkg")).unwrap();
    std::fs::create_dir_all(d.join("nomain")).unwrap();
    for (name, text) in files {
        std::fs::write(d.join(name), text).unwrap();
    }
    d
}

struct Out {
    stdout: String,
    stderr: String,
    status: Option<i32>,
    signal: Option<i32>,
}

fn run(exe: &str, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)], dir: &Path) -> Out {
    let mut cmd = Command::new(exe);
    cmd.args(args).current_dir(dir).env_remove("PYTHONWARNINGS");
    cmd.env_remove("PYTHONPATH").env_remove("PYTHONOPTIMIZE");
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("process starts");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin.unwrap_or("").as_bytes());
    }
    let o = child.wait_with_output().expect("process runs");
    // The executable's own name, as both print it in usage and error lines.
    let norm = |b: &[u8]| {
        let s = String::from_utf8_lossy(b).into_owned();
        s.lines()
            .map(|l| {
                let head = l.split(": ").next().unwrap_or("");
                if head.ends_with("/python3") || head.ends_with("/krait") {
                    format!("EXE{}", &l[head.len()..])
                } else if let Some(rest) = l.strip_prefix("usage: ") {
                    let i = rest.find(' ').unwrap_or(0);
                    format!("usage: EXE{}", &rest[i..])
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    Out {
        stdout: norm(&o.stdout),
        stderr: norm(&o.stderr),
        status: o.status.code(),
        signal: o.status.signal(),
    }
}

fn same_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) {
    let dir = scratch();
    let want = run("python3", args, stdin, env, &dir);
    let got = run(env!("CARGO_BIN_EXE_krait"), args, stdin, env, &dir);
    assert_eq!(got.stdout, want.stdout, "{args:?}: stdout differs");
    assert_eq!(got.stderr, want.stderr, "{args:?}: stderr differs");
    assert_eq!(got.status, want.status, "{args:?}: exit status differs");
    assert_eq!(got.signal, want.signal, "{args:?}: signal differs");
    let _ = std::fs::remove_dir_all(&dir);
}

fn same(args: &[&str]) {
    same_env(args, None, &[]);
}

#[test]
fn command_argv_and_path() {
    same(&[
        "-c",
        "import sys; print(sys.argv, sys.path[0], sys.warnoptions, sys._xoptions)",
        "-W",
        "x",
        "a",
    ]);
}

#[test]
fn combined_and_attached_options() {
    same(&[
        "-BSs",
        "-Werror",
        "-W",
        "ignore::DeprecationWarning",
        "-Xfoo=1",
        "-X",
        "bar",
        "-c",
        "import sys; print(sys.warnoptions, sys._xoptions, sys.flags.no_site, sys.flags.no_user_site, sys.flags.dont_write_bytecode)",
    ]);
}

#[test]
fn flags_repr() {
    same(&["-c", "import sys; print(sys.flags)"]);
    same(&["-E", "-q", "-c", "import sys; print(sys.flags)"]);
    same(&["-I", "-c", "import sys; print(sys.flags)"]);
}

#[test]
fn optimize() {
    same(&[
        "-O",
        "-c",
        "import sys; assert False; print(__debug__, sys.flags.optimize)",
    ]);
    same(&["-OO", "-c", "import sys; print(sys.flags.optimize)"]);
    same_env(
        &["-c", "import sys; print(sys.flags.optimize)"],
        None,
        &[("PYTHONOPTIMIZE", "2")],
    );
    same_env(
        &["-E", "-c", "import sys; print(sys.flags.optimize)"],
        None,
        &[("PYTHONOPTIMIZE", "2")],
    );
}

#[test]
fn optimize_applies_to_imports() {
    for o in ["-O", "-OO"] {
        same(&[o, "-c", "import om; print(om.f.__doc__, om.f())"]);
    }
    same(&["-c", "import om; print(om.f.__doc__); om.f()"]);
}

#[test]
fn environment() {
    same_env(
        &["-c", "import sys; print(sys.warnoptions)"],
        None,
        &[("PYTHONWARNINGS", "error,ignore::UserWarning")],
    );
    same_env(
        &["-W", "once", "-c", "import sys; print(sys.warnoptions)"],
        None,
        &[("PYTHONWARNINGS", "error")],
    );
    same_env(
        &["-c", "import sys; print(sys.path[1])"],
        None,
        &[("PYTHONPATH", "/nonexistent/a")],
    );
}

#[test]
fn script_argv_and_options_after_it() {
    same(&["argv.py", "-c", "x", "--", "-S"]);
    same(&["--", "argv.py", "y"]);
}

#[test]
fn stdin_program() {
    same_env(&["-", "a", "b"], Some("import sys\nprint(sys.argv)\n"), &[]);
    same_env(
        &[],
        Some("import sys\nprint(sys.argv, repr(sys.path[0]))\n"),
        &[],
    );
    same_env(&[], Some("x = (\n"), &[]);
    same_env(&["-"], Some("1/0\n"), &[]);
}

#[test]
fn run_module() {
    same(&["-m", "m1", "a", "-b"]);
    same(&["-Bm", "pkg"]);
    same(&["-m", "pkg.sub", "x"]);
    same(&["-mm1"]);
    same(&["-m", "nosuch"]);
    same(&["-m", "nomain"]);
    same(&["-m", "nosuch.x"]);
}

#[test]
fn directory_runs_its_main() {
    same(&["pkg", "a"]);
    same(&["nomain"]);
}

#[test]
fn x_options_and_env_flags() {
    same(&[
        "-X",
        "dev",
        "-X",
        "int_max_str_digits=5000",
        "-X",
        "utf8",
        "-c",
        "import sys; print(sys.flags.dev_mode, sys.flags.int_max_str_digits, sys.flags.utf8_mode, sys.warnoptions, sys._xoptions)",
    ]);
    same_env(
        &[
            "-c",
            "import sys; print(sys.flags.verbose, sys.flags.optimize)",
        ],
        None,
        &[("PYTHONVERBOSE", "0"), ("PYTHONOPTIMIZE", "x")],
    );
}

#[test]
fn skip_first_line() {
    same(&["-x", "shebang.py"]);
}

#[test]
fn version() {
    same(&["-V"]);
    same(&["--version"]);
}

#[test]
fn bad_options() {
    same(&["-z"]);
    same(&["-Bz"]);
    same(&["--frobnicate"]);
    same(&["-c"]);
    same(&["-W"]);
    same(&["-X"]);
    same(&["-m"]);
}

#[test]
fn missing_file() {
    same(&["nonexistent_script.py"]);
    same(&["-S", "nonexistent_dir/x.py", "arg"]);
}

#[test]
fn exit_statuses() {
    same(&["boom.py"]);
    same(&["exit3.py"]);
    same(&["bad.py"]);
    same(&["-c", "raise SystemExit('bye')"]);
    same(&["-c", "raise SystemExit(None)"]);
    same(&["-c", "raise SystemExit(7)"]);
    same(&["-c", "import sys; sys.exit()"]);
    same(&["-c", "print('out'); raise ValueError('x')"]);
    same(&["-c", "x = ("]);
    same(&["-c", "import sys; sys.exit(257)"]);
    same(&["-c", "import sys; sys.exit(-1)"]);
    same(&["-c", "import sys; sys.exit((1, 2))"]);
    same(&["-c", "e = SystemExit(4)\ne.code = 'changed'\nraise e"]);
}

#[test]
fn keyboard_interrupt_kills_with_sigint() {
    same(&["-c", "raise KeyboardInterrupt"]);
}

#[test]
fn unbuffered_interleaves() {
    same(&[
        "-u",
        "-c",
        "import sys; print('a'); sys.stderr.write('b\\n'); print('c')",
    ]);
}

#[test]
fn help_mentions_every_option() {
    let dir = scratch();
    let got = run(env!("CARGO_BIN_EXE_krait"), &["-h"], None, &[], &dir);
    let want = run("python3", &["-h"], None, &[], &dir);
    assert_eq!(got.status, Some(0));
    // CPython's help, then Krait's developer commands.
    assert!(got.stdout.starts_with(&want.stdout), "{}", got.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interactive_loop() {
    same_env(
        &["-i", "-q"],
        Some("1+1\nx = 5\nif x:\n    print('yes')\n\n1/0\nx\nNone\n'a' * 2\n"),
        &[],
    );
    same_env(
        &["-i", "-q"],
        Some("import sys\nsys.exit(3)\nprint('no')\n"),
        &[],
    );
    same_env(&["-i", "-q"], Some("x = (\n1)\nx\ny = )\n"), &[]);
}

#[test]
fn pythonstartup_in_interactive_mode_only() {
    let dir = scratch();
    let startup = dir.join("startup.py");
    let startup = startup.to_str().unwrap();
    same_env(&["-i", "-q"], Some("S\n"), &[("PYTHONSTARTUP", startup)]);
    same_env(
        &["-i", "-q", "-E"],
        Some("S\n"),
        &[("PYTHONSTARTUP", startup)],
    );
    same_env(&["-c", "print('c')"], None, &[("PYTHONSTARTUP", startup)]);
    same_env(
        &["-i", "-q"],
        Some("S\n"),
        &[("PYTHONSTARTUP", "/nonexistent/startup.py")],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inspect_after_program() {
    same_env(
        &["-i", "-c", "import sys; x = 4; sys.exit(3)"],
        Some("x\n"),
        &[],
    );
    same_env(&["-i", "-c", "x = 4; 1/0"], Some("x\n"), &[]);
    same_env(&["-i", "m1.py", "a"], Some("y\n"), &[]);
}

#[test]
fn warning_options_apply_from_startup() {
    // `-W`/`PYTHONWARNINGS` import `warnings` at startup, so `_warnings.warn`
    // obeys them even when the program never imports `warnings`.
    let prog = "import _warnings\ntry:\n    _warnings.warn('w')\nexcept UserWarning as e:\n    print('raised', e)\nprint('end')";
    same(&["-W", "error", "-c", prog]);
    same(&["-W", "ignore", "-c", prog]);
    same_env(&["-c", prog], None, &[("PYTHONWARNINGS", "error")]);
}
