//! Per-app inventory of X numbers with city codes, and X selection (reference §4.1/§14):
//! explicit number > `areaCode` > the caller's own area; `areaMatchMode` "0" is strict,
//! "1" falls back to the same province, then to any of the app's numbers.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::codes::{self, ApiError};
use crate::model::areas::AREAS;
use crate::model::config::{AppConfig, XNumber};

/// Province of a city code (unknown codes are their own province).
pub(crate) fn province(area: &str) -> &str {
    AREAS
        .iter()
        .find(|(a, _)| *a == area)
        .map_or(area, |(_, p)| p)
}

/// Area code of a user number. Fixed lines (`+86` + area without 0) use their prefix; mobile
/// numbers have no public prefix table here, so their 7-digit segment is hashed onto
/// [`AREAS`] (deterministic, documented in the README).
pub(crate) fn area_of(number: &str) -> &'static str {
    let digits = number.strip_prefix("+86").unwrap_or(number);
    let mobile = digits.len() == 11 && digits.starts_with('1') && digits.as_bytes()[1] >= b'3';
    if !mobile {
        let mut best: Option<&'static str> = None;
        for (area, _) in AREAS {
            let bare = area.trim_start_matches('0');
            if digits.starts_with(bare) && best.is_none_or(|b| b.len() < area.len()) {
                best = Some(area);
            }
        }
        if let Some(a) = best {
            return a;
        }
    }
    let segment = digits.get(..7).unwrap_or(digits);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in segment.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    AREAS[(h % AREAS.len() as u64) as usize].0
}

/// Validate a user number: `+86` and 11 mobile digits, or `+86` fixed line (9–11 digits).
pub(crate) fn check_user_number(field: &str, n: &str) -> Result<(), ApiError> {
    let ok = n
        .strip_prefix("+86")
        .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()) && (9..=12).contains(&d.len()))
        && !n.starts_with("+86400")
        && !n.starts_with("+8695");
    if ok {
        Ok(())
    } else {
        Err(ApiError::invalid(format!("{field} is invalid.")))
    }
}

/// Pick an X for a new binding.
///
/// `explicit` must belong to the app (else 1012001); `usable` tells whether a number can take
/// this binding. Auto-selection fails with 1011005 when nothing in scope is usable.
pub(crate) fn select(
    app: &AppConfig,
    explicit: Option<&str>,
    area: Option<&str>,
    match_mode: Option<&str>,
    caller: &str,
    rng: &mut ChaCha8Rng,
    usable: impl Fn(&XNumber) -> bool,
) -> Result<String, ApiError> {
    if let Some(x) = explicit.filter(|x| !x.is_empty()) {
        return app
            .numbers
            .iter()
            .find(|n| n.number == x)
            .map(|n| n.number.clone())
            .ok_or_else(|| {
                ApiError::forbidden(
                    codes::NUMBER_NOT_APPLIED,
                    "Resource of number is not to be applied.",
                )
            });
    }
    let strict = match match_mode.unwrap_or("0") {
        "0" | "" => true,
        "1" => false,
        _ => return Err(ApiError::invalid("areaMatchMode is invalid.")),
    };
    let area = match area.filter(|a| !a.is_empty()) {
        Some(a) if a.starts_with('0') && a.len() <= 5 && a.bytes().all(|b| b.is_ascii_digit()) => {
            a.to_string()
        }
        Some(_) => return Err(ApiError::invalid("areaCode is invalid.")),
        None => area_of(caller).to_string(),
    };
    let free: Vec<&XNumber> = app.numbers.iter().filter(|n| usable(n)).collect();
    let pick = |cands: Vec<&XNumber>, rng: &mut ChaCha8Rng| -> Option<String> {
        (!cands.is_empty()).then(|| cands[rng.random_range(0..cands.len())].number.clone())
    };
    let same_area: Vec<&XNumber> = free
        .iter()
        .copied()
        .filter(|n| n.area_code == area)
        .collect();
    if let Some(x) = pick(same_area, rng) {
        return Ok(x);
    }
    if !strict {
        let prov = province(&area);
        let same_prov: Vec<&XNumber> = free
            .iter()
            .copied()
            .filter(|n| province(&n.area_code) == prov)
            .collect();
        if let Some(x) = pick(same_prov, rng) {
            return Ok(x);
        }
        if let Some(x) = pick(free, rng) {
            return Ok(x);
        }
    }
    Err(ApiError::forbidden(
        codes::RESOURCE_ALLOCATED,
        format!("Resources have been allocated. No free private number in area {area}."),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_lines_use_their_area_and_mobiles_hash_stably() {
        assert_eq!(area_of("+8675528000001"), "0755");
        assert_eq!(area_of("+861088880000"), "010");
        assert_eq!(area_of("+8613800000001"), area_of("+8613800000999"));
    }

    #[test]
    fn user_numbers_are_checked() {
        assert!(check_user_number("callerNum", "+8613800000001").is_ok());
        assert!(check_user_number("callerNum", "13800000001").is_err());
        assert!(check_user_number("callerNum", "+864001234567").is_err());
    }
}
