//! Hostile input never panics: random code points (lone surrogates included), random
//! bytes and extreme indices through every entry point of the text library. Results
//! are ignored; reaching the end is the test.

mod support;

use common::bigint::BigInt;
use common::text::Text;
use common::{
    bytes_methods as b, float_hex, float_round, format_number as fnum, format_spec, format_string,
    parse_number as pn, str_methods as sm,
};
use support::Rng;

const SPECIAL: &[u32] = &[
    '{' as u32, '}' as u32, '[' as u32, ']' as u32, '.' as u32, '!' as u32, ':' as u32, '%' as u32,
    '(' as u32, ')' as u32, '*' as u32, '0' as u32, '9' as u32, ',' as u32, '_' as u32, 'z' as u32,
    '#' as u32, '<' as u32, '=' as u32, 'e' as u32, 'x' as u32, 'j' as u32, 'p' as u32, ' ' as u32,
    0x3A3, 0x130, 0xDF, 0x663, 0x3000, 0xD800, 0xDFFF, 0x10FFFF, 0, 0x85, 0x2028,
];

fn random_text(rng: &mut Rng) -> Text {
    let mut t = Text::new();
    for _ in 0..rng.below(12) {
        let cp = if rng.below(3) == 0 {
            rng.below(0x11_0000) as u32
        } else {
            rng.pick(SPECIAL)
        };
        t.push_code_point(cp);
    }
    t
}

fn random_index(rng: &mut Rng) -> Option<isize> {
    match rng.below(5) {
        0 => None,
        1 => Some(isize::MIN),
        2 => Some(isize::MAX),
        _ => Some(rng.below(30) as isize - 15),
    }
}

#[test]
fn text_library_never_panics() {
    let mut rng = Rng(0x00DD_BA11_5EED_0001);
    for _ in 0..20000 {
        let s = random_text(&mut rng);
        let t = random_text(&mut rng);
        let (i, j) = (random_index(&mut rng), random_index(&mut rng));
        let _ = format_spec::format_str(&s, &t);
        let _ = fnum::format_int(&BigInt::from(rng.next() as i64), &t, "int", 4300);
        let _ = fnum::format_float(f64::from_bits(rng.next()), &t, "float");
        let _ = fnum::format_complex(1.5, f64::from_bits(rng.next()), &t, "complex");
        for item in format_string::MarkupParser::new(&s) {
            if let Ok(Some(f)) = item.map(|it| it.field) {
                if let Ok((_, rest)) = format_string::field_name_split(&f.name, None) {
                    rest.for_each(drop);
                }
            }
        }
        let _ = pn::parse_int(&s, rng.pick(&[0, 2, 10, 16, 36, -1, i64::MAX]), 4300);
        let _ = pn::parse_float(&s);
        let _ = pn::parse_complex(&s);
        let _ = pn::parse_int_bytes(s.as_bytes(), 0, 4300);
        let _ = pn::parse_float_bytes(s.as_bytes());
        let _ = float_hex::float_fromhex(&s);
        let _ = float_round::round_to_digits(f64::from_bits(rng.next()), i.unwrap_or(0));
        let _ = sm::search::find(&s, &t, i, j);
        let _ = sm::search::rfind(&s, &t, i, j);
        let _ = sm::search::count(&s, &t, i, j);
        let _ = sm::search::startswith(&s, &t, i, j);
        let _ = sm::search::endswith(&s, &t, i, j);
        let _ = sm::search::replace(&s, &t, &s, i.unwrap_or(-1));
        let _ = sm::split::split(&s, Some(&t), i.unwrap_or(-1));
        let _ = sm::split::rsplit(&s, None, j.unwrap_or(-1));
        let _ = sm::split::splitlines(&s, true);
        let _ = sm::split::partition(&s, &t);
        let _ = sm::pad::center(&s, i.unwrap_or(0).min(64), 0xD800);
        let _ = sm::pad::zfill(&s, j.unwrap_or(0).min(64));
        let _ = sm::pad::expandtabs(&s, rng.below(20) as i32 - 5);
        let _ = sm::case::title(&s);
        let _ = sm::case::swapcase(&s);
        let _ = sm::predicates::istitle(&s);
        let bytes = s.as_bytes();
        let _ = b::find(bytes, t.as_bytes(), i, j);
        let _ = b::split(bytes, None, i.unwrap_or(-1));
        let _ = b::replace(bytes, t.as_bytes(), b"xy", j.unwrap_or(-1));
        let _ = b::pad(bytes, i.unwrap_or(0).min(64), b'*', '^');
    }
    // Requests too large to build are errors, not aborts.
    assert!(sm::pad::ljust(&Text::from("a"), isize::MAX, 32).is_err());
    assert!(b::pad(b"a", isize::MAX, b' ', '<').is_err());
    assert!(format_spec::format_str(&Text::from("a"), &Text::from("9223372036854775807")).is_err());
}
