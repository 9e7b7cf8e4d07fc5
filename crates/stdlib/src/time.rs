//! The `time` module (CPython's `Modules/timemodule.c`): clocks (`time`,
//! `time_ns`, `perf_counter`, `monotonic`, `process_time`), `sleep`, and
//! `struct_time` conversions (`gmtime`, `localtime`, `mktime`, `strftime`,
//! `asctime`, `ctime`). Local time is UTC (no time-zone database is read).

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use vm::builtins::str::new_str;
use vm::builtins::tuple::Tuple;
use vm::calls::{arg_range, exact_args, NativeFn};
use vm::structseq::StructSeqDesc;
use vm::{ExcKind, ObjRef, PyErr, PyResult, Value, Vm};

use crate::math::to_f64;
use crate::util::{new_module, set_attr, str_arg, tname};

fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn time(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "time", args, kw, 0)?;
    Ok(Value::Float(now().as_secs_f64()))
}

fn time_ns(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "time_ns", args, kw, 0)?;
    Ok(Value::Int(now().as_nanos() as i64))
}

fn monotonic(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "monotonic", args, kw, 0)?;
    Ok(Value::Float(start().elapsed().as_secs_f64()))
}

fn monotonic_ns(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "monotonic_ns", args, kw, 0)?;
    Ok(Value::Int(start().elapsed().as_nanos() as i64))
}

/// CPU time of this process from `/proc/self/stat` (user + system ticks).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return start().elapsed().as_secs_f64();
    };
    // Fields after the parenthesized command name; utime and stime are the
    // 14th and 15th fields overall.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn process_time(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "process_time", args, kw, 0)?;
    Ok(Value::Float(cpu_seconds()))
}

fn process_time_ns(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    exact_args(vm, "process_time_ns", args, kw, 0)?;
    Ok(Value::Int((cpu_seconds() * 1e9) as i64))
}

fn sleep(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "sleep", args, kw, 1)?;
    if a[0].as_int().is_none() && !matches!(a[0], Value::Float(_)) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            tname(vm, &a[0])
        )));
    }
    let s = to_f64(vm, &a[0])?;
    if s.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if s > 1e9 {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "sleep length is too large",
        ));
    }
    vm.flush_stdout();
    std::thread::sleep(Duration::from_secs_f64(s));
    Ok(Value::None)
}

// ----- calendar arithmetic -----

/// `(year, month, day)` of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days since 1970-01-01 of a civil date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The nine `struct_time` fields of a Unix timestamp (UTC).
fn fields(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3).
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [y, m, d, rem / 3600, rem / 60 % 60, rem % 60, wday, yday, 0]
}

/// `time.struct_time` (CPython's `StructTimeType`): nine visible fields and
/// the zone fields, which are constant here (the module works in UTC).
static STRUCT_TIME: StructSeqDesc = StructSeqDesc {
    name: "time.struct_time",
    doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.",
    fields: &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    n_in_sequence: 9,
    instantiable: true,
    hidden: zone_field,
};

/// `tm_zone` / `tm_gmtoff`: UTC.
fn zone_field(_items: &[Value], i: usize) -> Value {
    if i == 9 {
        new_str("UTC")
    } else {
        Value::Int(0)
    }
}

fn struct_time_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_module("time")?;
    let k = vm::builtins::str::intern(vm.token(), "struct_time");
    match vm.getattr(&m, &k)? {
        Value::Obj(t) => Ok(t),
        _ => Err(PyErr::runtime_error("time.struct_time is missing")),
    }
}

fn make_struct_time(vm: &mut Vm, f: [i64; 9]) -> PyResult<Value> {
    let t = struct_time_type(vm)?;
    let items: Vec<Value> = f.iter().map(|v| Value::Int(*v)).collect();
    Ok(vm::structseq::new_instance(&t, items))
}

fn timestamp_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<i64> {
    match args.first() {
        None | Some(Value::None) => Ok(now().as_secs() as i64),
        Some(v) => {
            let f = to_f64(vm, v)?;
            if !f.is_finite() || f.abs() > 1e16 {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    format!("timestamp out of range for platform time_t ({name})"),
                ));
            }
            Ok(f.floor() as i64)
        }
    }
}

fn gmtime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "gmtime", args, kw, 0, 1)?;
    let s = timestamp_arg(vm, a, "gmtime")?;
    make_struct_time(vm, fields(s))
}

fn localtime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "localtime", args, kw, 0, 1)?;
    let s = timestamp_arg(vm, a, "localtime")?;
    make_struct_time(vm, fields(s))
}

/// The nine fields of a `struct_time` or 9-tuple argument.
fn tuple_fields(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<[i64; 9]> {
    let items = match v.downcast::<Tuple>() {
        Some(t) => t.items(vm.token()).to_vec(),
        None => return Err(PyErr::type_error("Tuple or struct_time argument required")),
    };
    if items.len() < 9 {
        return Err(PyErr::type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut out = [0i64; 9];
    for (o, it) in out.iter_mut().zip(&items) {
        *o = vm.index_i64(it)?;
        // Far outside any calendar: keep the date arithmetic from overflowing.
        if o.unsigned_abs() > 1 << 40 {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                format!("{fname} argument out of range"),
            ));
        }
    }
    Ok(out)
}

fn time_or_now(vm: &mut Vm, a: &[Value], fname: &str) -> PyResult<[i64; 9]> {
    match a.first() {
        Some(t) => {
            let f = tuple_fields(vm, t, fname)?;
            if !(1..=12).contains(&f[1]) {
                return Err(PyErr::value_error("month out of range"));
            }
            if !(1..=31).contains(&f[2]) {
                return Err(PyErr::value_error("day of month out of range"));
            }
            Ok(f)
        }
        None => Ok(fields(now().as_secs() as i64)),
    }
}

fn mktime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = exact_args(vm, "mktime", args, kw, 1)?;
    let f = tuple_fields(vm, &a[0], "mktime")?;
    let y = f[0] + (f[1] - 1).div_euclid(12);
    let m = (f[1] - 1).rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) + f[2] - 1;
    Ok(Value::Float(
        (days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]) as f64,
    ))
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(w: i64) -> &'static str {
    DAYS[w.rem_euclid(7) as usize]
}

fn month_name(m: i64) -> &'static str {
    MONTHS[(m - 1).rem_euclid(12) as usize]
}

fn asctime_text(f: &[i64; 9]) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &day_name(f[6])[..3],
        &month_name(f[1])[..3],
        f[2],
        f[3],
        f[4],
        f[5],
        f[0]
    )
}

/// `strftime` for the C locale's directives.
fn format_time(fmt: &str, f: &[i64; 9]) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let hour12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
        let s = match d {
            'Y' => f[0].to_string(),
            'y' => format!("{:02}", f[0].rem_euclid(100)),
            'C' => format!("{:02}", f[0].div_euclid(100)),
            'm' => format!("{:02}", f[1]),
            'd' => format!("{:02}", f[2]),
            'e' => format!("{:2}", f[2]),
            'H' => format!("{:02}", f[3]),
            'I' => format!("{hour12:02}"),
            'M' => format!("{:02}", f[4]),
            'S' => format!("{:02}", f[5]),
            'j' => format!("{:03}", f[7]),
            'w' => ((f[6] + 1) % 7).to_string(),
            'u' => (f[6] + 1).to_string(),
            'a' => day_name(f[6])[..3].to_owned(),
            'A' => day_name(f[6]).to_owned(),
            'b' | 'h' => month_name(f[1])[..3].to_owned(),
            'B' => month_name(f[1]).to_owned(),
            'p' => if f[3] < 12 { "AM" } else { "PM" }.to_owned(),
            'Z' => "UTC".to_owned(),
            'z' => "+0000".to_owned(),
            'c' => asctime_text(f),
            'x' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            'D' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", f[0], f[1], f[2]),
            'R' => format!("{:02}:{:02}", f[3], f[4]),
            'n' => "\n".to_owned(),
            't' => "\t".to_owned(),
            '%' => "%".to_owned(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn strftime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "strftime", args, kw, 1, 2)?;
    let fmt = str_arg(vm, "strftime() argument 1", &a[0])?;
    let f = time_or_now(vm, &a[1..], "strftime")?;
    Ok(new_str(&format_time(&fmt, &f)))
}

fn asctime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "asctime", args, kw, 0, 1)?;
    let f = time_or_now(vm, a, "asctime")?;
    Ok(new_str(&asctime_text(&f)))
}

fn ctime(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let a = arg_range(vm, "ctime", args, kw, 0, 1)?;
    let s = timestamp_arg(vm, a, "ctime")?;
    Ok(new_str(&asctime_text(&fields(s))))
}

/// Creates the `time` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let _ = start();
    let funcs: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", process_time),
        ("thread_time_ns", process_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("get_clock_info", crate::time_clock_info::get_clock_info),
    ];
    let m = new_module(vm, "time", funcs);
    let st = vm::structseq::new_type(vm, &STRUCT_TIME);
    set_attr(vm, &m, "struct_time", Value::Obj(st));
    set_attr(vm, &m, "timezone", Value::Int(0));
    set_attr(vm, &m, "altzone", Value::Int(0));
    set_attr(vm, &m, "daylight", Value::Int(0));
    let tzname = Tuple::alloc(vec![new_str("UTC"), new_str("UTC")]);
    set_attr(vm, &m, "tzname", Value::Obj(tzname));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(fields(951_782_400), [2000, 2, 29, 0, 0, 0, 1, 60, 0]);
        assert_eq!(
            format_time("%Y-%m-%d %H:%M:%S %a %b %j", &fields(0)),
            "1970-01-01 00:00:00 Thu Jan 001"
        );
    }
}
