//! Unicode normalization (UAX #15, as CPython's `unicodedata.normalize`):
//! full canonical or compatibility decomposition (Hangul syllables
//! algorithmically), canonical ordering by combining class, and canonical
//! composition with the primary composites derived from the decompositions
//! minus the composition exclusions.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::data;

const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;

/// The decomposition of `cp` one level down: the code points and whether it
/// is a compatibility one.
fn one_level(cp: u32, old: bool) -> Option<(bool, Vec<u32>)> {
    let d = decomposition_of(cp, old);
    if d.is_empty() {
        return None;
    }
    let compat = d.starts_with('<');
    let cps = d
        .split(' ')
        .filter(|p| !p.starts_with('<'))
        .filter_map(|p| u32::from_str_radix(p, 16).ok())
        .collect();
    Some((compat, cps))
}

/// The decomposition of `cp` in today's data, or in Unicode 3.2.0's.
fn decomposition_of(cp: u32, old: bool) -> &'static str {
    if old {
        match data::old(cp) {
            data::Old::Unassigned => return "",
            data::Old::Changed(_, d) => return d,
            data::Old::Same => {}
        }
    }
    data::decomposition(cp)
}

fn decompose_into(cp: u32, compat: bool, old: bool, out: &mut Vec<u32>, depth: usize) {
    if (data::S_BASE..data::S_BASE + data::S_COUNT).contains(&cp) {
        let s = cp - data::S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if !s.is_multiple_of(T_COUNT) {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    match one_level(cp, old) {
        Some((is_compat, parts)) if (compat || !is_compat) && depth < 32 => {
            for p in parts {
                decompose_into(p, compat, old, out, depth + 1);
            }
        }
        _ => out.push(cp),
    }
}

fn ccc(cp: u32, old: bool) -> u8 {
    if old {
        match data::old(cp) {
            data::Old::Unassigned => return 0,
            data::Old::Changed(r, _) => return r.combining,
            data::Old::Same => {}
        }
    }
    data::record(cp).combining
}

/// The full decomposition of `s` in canonical order.
fn decompose(s: &[u32], compat: bool, old: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    for &cp in s {
        decompose_into(cp, compat, old, &mut out, 0);
    }
    // Canonical ordering: a stable sort of each run of non-starters.
    let classes: Vec<u8> = out.iter().map(|&c| ccc(c, old)).collect();
    let mut pairs: Vec<(u8, u32)> = classes.into_iter().zip(out).collect();
    let mut i = 0;
    while i < pairs.len() {
        if pairs[i].0 == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < pairs.len() && pairs[i].0 != 0 {
            i += 1;
        }
        pairs[start..i].sort_by_key(|p| p.0);
    }
    pairs.into_iter().map(|p| p.1).collect()
}

fn compositions() -> &'static HashMap<(u32, u32), u32> {
    static M: OnceLock<HashMap<(u32, u32), u32>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = HashMap::new();
        for (cp, d) in data::decompositions() {
            if d.starts_with('<') || data::composition_excluded(cp) {
                continue;
            }
            let parts: Vec<u32> = d
                .split(' ')
                .filter_map(|p| u32::from_str_radix(p, 16).ok())
                .collect();
            if let [a, b] = parts[..] {
                m.insert((a, b), cp);
            }
        }
        m
    })
}

fn compose_pair(a: u32, b: u32, old: bool) -> Option<u32> {
    let unassigned = |c: u32| matches!(data::old(c), data::Old::Unassigned);
    if old && (unassigned(a) || unassigned(b)) {
        return None;
    }
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return Some(data::S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (data::S_BASE..data::S_BASE + data::S_COUNT).contains(&a)
        && (a - data::S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return Some(a + (b - T_BASE));
    }
    compositions().get(&(a, b)).copied()
}

/// Canonical composition of a decomposed, canonically ordered string.
fn compose(s: Vec<u32>, old: bool) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    let mut starter: Option<usize> = None;
    // The combining class of the last character kept after the starter.
    let mut last: Option<u8> = None;
    for cp in s {
        let cc = ccc(cp, old);
        if let Some(sp) = starter {
            let blocked = matches!(last, Some(l) if l == 0 || l >= cc);
            if !blocked {
                if let Some(c) = compose_pair(out[sp], cp, old) {
                    out[sp] = c;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last = None;
        } else {
            last = Some(cc);
        }
        out.push(cp);
    }
    out
}

/// The normalization forms.
#[derive(Clone, Copy, PartialEq)]
pub enum Form {
    /// Canonical composition.
    Nfc,
    /// Canonical decomposition.
    Nfd,
    /// Compatibility composition.
    Nfkc,
    /// Compatibility decomposition.
    Nfkd,
}

impl Form {
    /// The form named `s` (`"NFC"`, ...).
    pub fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "NFC" => Form::Nfc,
            "NFD" => Form::Nfd,
            "NFKC" => Form::Nfkc,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
}

/// `normalize(form, s)` over code points, with Unicode 3.2.0's data when
/// `old` (`ucd_3_2_0.normalize`).
pub fn normalize(form: Form, s: &[u32], old: bool) -> Vec<u32> {
    if s.iter().all(|&c| c < 0x300) && form != Form::Nfkc && form != Form::Nfkd {
        // Latin-1 and a little more: only precomposed Latin-1 letters decompose.
        if form == Form::Nfc && s.iter().all(|&c| c < 0xC0) {
            return s.to_vec();
        }
    }
    let compat = matches!(form, Form::Nfkc | Form::Nfkd);
    let d = decompose(s, compat, old);
    match form {
        Form::Nfc | Form::Nfkc => compose(d, old),
        _ => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let s = [0xC5, 0x30A, 0xE9, 0x301];
        assert_eq!(
            normalize(Form::Nfd, &s, false),
            vec![0x41, 0x30A, 0x30A, 0x65, 0x301, 0x301]
        );
        assert_eq!(
            normalize(Form::Nfc, &s, false),
            vec![0xC5, 0x30A, 0xE9, 0x301]
        );
        assert_eq!(
            normalize(Form::Nfc, &[0x1100, 0x1161, 0x11A8], false),
            vec![0xAC01]
        );
        assert_eq!(normalize(Form::Nfkd, &[0xFB01], false), vec![0x66, 0x69]);
    }
}
