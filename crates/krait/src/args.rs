//! Parsing the command line as CPython 3.11's `Python/getopt.c` and
//! `Python/initconfig.c` do: combined short options (`-BSu`), option arguments
//! attached or separate, `-c`/`-m` ending the options, `--` too, and the rest
//! going to the program.

/// What to run (CPython's `run_command`, `run_module`, `run_filename`, stdin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `-c CMD`.
    Command(String),
    /// `-m MOD`.
    Module(String),
    /// `FILE`.
    File(String),
    /// `-` or nothing: stdin (the REPL on a tty).
    Stdin,
}

/// The parsed command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-b` count.
    pub bytes_warning: i64,
    /// `-B`.
    pub dont_write_bytecode: bool,
    /// `-d`.
    pub debug: bool,
    /// `-E`.
    pub ignore_environment: bool,
    /// `-i`.
    pub inspect: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-O` count.
    pub optimize: i64,
    /// `-P`.
    pub safe_path: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-s`.
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-v` count.
    pub verbose: i64,
    /// `-V` count.
    pub version: u32,
    /// `-x`.
    pub skip_first_line: bool,
    /// `-h`, `-?`, `--help`.
    pub help: bool,
    /// `-W` arguments in order.
    pub warnoptions: Vec<String>,
    /// `-X` arguments in order.
    pub xoptions: Vec<String>,
    /// What to run; `None` means stdin.
    pub program: Option<Program>,
    /// `sys.argv[1:]`.
    pub rest: Vec<String>,
}

/// A command-line error: the message line CPython prints before the usage lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgError(pub String);

/// Parses `args` (without the executable name).
pub fn parse(args: &[String]) -> Result<Options, ArgError> {
    let mut o = Options::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            break;
        }
        if a == "-" || !a.starts_with('-') {
            i -= 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "help" | "help-all" | "help-env" | "help-xoptions" => o.help = true,
                "version" => o.version += 1,
                "check-hash-based-pycs" => {
                    let Some(v) = args.get(i) else {
                        return Err(ArgError(
                            "Argument expected for the --check-hash-based-pycs option".into(),
                        ));
                    };
                    i += 1;
                    if !matches!(v.as_str(), "always" | "default" | "never") {
                        return Err(ArgError(
                            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
                                .into(),
                        ));
                    }
                }
                _ => return Err(ArgError(format!("unknown option {a}"))),
            }
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            match c {
                'c' | 'm' | 'W' | 'X' => {
                    let value: String = if j < chars.len() {
                        let v = chars[j..].iter().collect();
                        j = chars.len();
                        v
                    } else if let Some(v) = args.get(i) {
                        i += 1;
                        v.clone()
                    } else {
                        return Err(ArgError(format!("Argument expected for the -{c} option")));
                    };
                    match c {
                        'c' => {
                            // CPython appends a newline to the command.
                            o.program = Some(Program::Command(format!("{value}\n")));
                            o.rest = args[i..].to_vec();
                            return Ok(o);
                        }
                        'm' => {
                            o.program = Some(Program::Module(value));
                            o.rest = args[i..].to_vec();
                            return Ok(o);
                        }
                        'W' => o.warnoptions.push(value),
                        _ => o.xoptions.push(value),
                    }
                }
                'b' => o.bytes_warning += 1,
                'B' => o.dont_write_bytecode = true,
                'd' => o.debug = true,
                'E' => o.ignore_environment = true,
                'h' | '?' => o.help = true,
                'i' => o.inspect = true,
                'I' => o.isolated = true,
                'O' => o.optimize += 1,
                'P' => o.safe_path = true,
                'q' => o.quiet = true,
                's' => o.no_user_site = true,
                'S' => o.no_site = true,
                'u' => o.unbuffered = true,
                'v' => o.verbose += 1,
                'V' => o.version += 1,
                'x' => o.skip_first_line = true,
                _ => return Err(ArgError(format!("Unknown option: -{c}"))),
            }
        }
    }
    if let Some(first) = args.get(i) {
        o.program = Some(if first == "-" {
            Program::Stdin
        } else {
            Program::File(first.clone())
        });
        o.rest = args[i + 1..].to_vec();
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, ArgError> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn combined_and_attached() {
        let o = p(&["-BSu", "-Wignore", "-X", "dev", "-OO", "f.py", "-x"]).unwrap();
        assert!(o.dont_write_bytecode && o.no_site && o.unbuffered);
        assert_eq!(o.warnoptions, ["ignore"]);
        assert_eq!(o.xoptions, ["dev"]);
        assert_eq!(o.optimize, 2);
        assert_eq!(o.program, Some(Program::File("f.py".into())));
        assert_eq!(o.rest, ["-x"]);
    }

    #[test]
    fn command_ends_options() {
        let o = p(&["-Sc", "print(1)", "-W", "a"]).unwrap();
        assert_eq!(o.program, Some(Program::Command("print(1)\n".into())));
        assert_eq!(o.rest, ["-W", "a"]);
        assert!(o.warnoptions.is_empty());
    }

    #[test]
    fn errors() {
        assert_eq!(p(&["-z"]).unwrap_err().0, "Unknown option: -z");
        assert_eq!(
            p(&["-c"]).unwrap_err().0,
            "Argument expected for the -c option"
        );
        assert_eq!(p(&["--foo"]).unwrap_err().0, "unknown option --foo");
    }

    #[test]
    fn dash_dash_and_stdin() {
        let o = p(&["--", "-c"]).unwrap();
        assert_eq!(o.program, Some(Program::File("-c".into())));
        let o = p(&["-", "a"]).unwrap();
        assert_eq!(o.program, Some(Program::Stdin));
        assert_eq!(o.rest, ["a"]);
    }
}
