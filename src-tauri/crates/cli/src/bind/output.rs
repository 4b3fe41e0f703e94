//! What the binding commands print. `--json` prints full numbers for scripts; the human form
//! masks the parties' numbers (A, B, callees: `+86 138****8000`). The private numbers X and Y
//! are the app's own inventory, not personal data, and are shown in full so operators can
//! tell them apart.

use std::process::ExitCode;

use maskline_services::ServiceError;
use maskline_services::bindings::{
    ApiError, AxBinding, AxbBinding, AxeBinding, AxeTimeUnit, AxybRelation, CallDirection,
    PhoneNumber,
};
use serde_json::{Map, Value, json};

/// Keys whose values are the parties' phone numbers (masked in human output).
const PHONE_KEYS: &[&str] = &["caller", "callee", "a", "b", "tempCallee", "callbackNum"];

/// One command's result: a JSON object and a one-line human summary.
pub struct Report {
    pub summary: String,
    pub value: Value,
}

impl Report {
    pub fn new(summary: impl Into<String>, value: Value) -> Self {
        Self {
            summary: summary.into(),
            value,
        }
    }

    pub fn print(&self, json: bool) {
        if json {
            println!("{}", self.value);
            return;
        }
        println!("{}", self.summary);
        if let Value::Object(m) = &self.value {
            print_fields(m, "  ");
        }
    }
}

fn print_fields(m: &Map<String, Value>, indent: &str) {
    for (k, v) in m {
        match v {
            Value::Null => {}
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    println!("{indent}{k}[{}]:", i + 1);
                    if let Value::Object(inner) = item {
                        print_fields(inner, &format!("{indent}  "));
                    }
                }
            }
            Value::Object(inner) => {
                println!("{indent}{k}:");
                print_fields(inner, &format!("{indent}  "));
            }
            Value::String(s) if PHONE_KEYS.contains(&k.as_str()) => {
                println!("{indent}{k}: {}", mask(s));
            }
            Value::String(s) => println!("{indent}{k}: {s}"),
            other => println!("{indent}{k}: {other}"),
        }
    }
}

/// Masks a number as the platform returned it; text that is not a number is hidden entirely.
pub fn mask(s: &str) -> String {
    PhoneNumber::parse(s).map_or_else(|_| "****".into(), |n| n.masked())
}

pub fn direction(d: Option<CallDirection>) -> Value {
    match d {
        Some(CallDirection::Both) => "both".into(),
        Some(CallDirection::CallerToCallee) => "a-to-b".into(),
        Some(CallDirection::CalleeToCaller) => "b-to-a".into(),
        None => Value::Null,
    }
}

pub fn axb(b: &AxbBinding) -> Value {
    json!({
        "subscriptionId": b.subscription_id, "x": b.relation_num,
        "caller": b.caller, "callee": b.callee,
        "callDirection": direction(b.call_direction), "duration": b.duration_secs,
        "maxDuration": b.max_duration_mins, "record": b.record, "privateSms": b.private_sms,
        "subscribeTime": b.subscribe_time, "userData": b.user_data,
    })
}

pub fn ax(b: &AxBinding) -> Value {
    json!({
        "subscriptionId": b.subscription_id, "caller": b.orig_num, "x": b.private_num,
        "callDirection": direction(b.call_direction), "record": b.record,
        "privateSms": b.private_sms, "maxDuration": b.max_duration_mins,
        "turnedOn": b.turned_on, "privateNumType": b.private_num_type, "userData": b.user_data,
        "tempCallee": b.temp_callee,
    })
}

/// The unit of an AXE answer's lifetimes, in words (the platform's `timeUnit`).
fn time_unit(u: &AxeTimeUnit) -> String {
    match u {
        AxeTimeUnit::Hours => "hours".into(),
        AxeTimeUnit::Minutes => "minutes".into(),
        AxeTimeUnit::Other(v) => format!("unknown ({v})"),
    }
}

pub fn axe(b: &AxeBinding) -> Value {
    json!({
        "subscriptionId": b.subscription_id, "caller": b.bind_num, "x": b.virtual_num,
        "ext": b.extend_num, "record": b.record, "bindExpiredTime": b.bind_expired,
        "callbackExpiredTime": b.callback_expired, "timeUnit": time_unit(&b.time_unit),
        "bindExpiredSecs": b.bind_expired_secs(), "userData": b.user_data,
    })
}

pub fn axyb(r: &AxybRelation) -> Value {
    json!({
        "subscriptionId": r.subscription_id, "a": r.a, "x": r.x, "y": r.y, "b": r.b,
        "callDirection": direction(r.call_direction), "duration": r.duration_secs,
        "ybDuration": r.yb_duration_secs, "record": r.record, "userData": r.user_data,
        "subscribeTime": r.subscribe_time, "recordHintTone": r.record_hint_tone,
        "preVoiceX": r.pre_voice_x, "preVoiceY": r.pre_voice_y,
    })
}

/// A bind whose answer was lost but which the platform confirmed: the binding `(id, X)`, after
/// saying so plainly on stderr ("it may have been bound — checked: it was"). Other results
/// pass through.
pub fn confirmed_bind<T>(
    r: Result<T, ServiceError>,
) -> Result<Result<T, (String, Option<String>)>, ServiceError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e @ ServiceError::BindUnsure { .. }) => match &e {
            ServiceError::BindUnsure {
                checked: maskline_services::bindings::BindCheck::Bound { subscription_id, x },
                ..
            } => {
                eprintln!("note: {e}");
                Ok(Err((subscription_id.clone(), x.clone())))
            }
            _ => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// Prints an error to stderr: platform errors with their code, meaning and suggested action in
/// both languages. Exit 2 when the input was refused before anything was sent, else 1.
pub fn fail(e: &ServiceError) -> ExitCode {
    match e {
        ServiceError::Api(ApiError::Platform { code, desc, status }) => {
            let x = code.explanation();
            eprintln!("error: platform result code {code} (HTTP {status}): {desc}");
            eprintln!("  meaning: {}", x.en);
            eprintln!("  含义: {}", x.zh);
            eprintln!("  what to do: {}", x.action_en);
            eprintln!("  建议: {}", x.action_zh);
        }
        other => eprintln!("error: {other}"),
    }
    match e {
        ServiceError::Api(ApiError::InvalidInput { .. }) | ServiceError::WrongMode { .. } => {
            ExitCode::from(2)
        }
        _ => ExitCode::FAILURE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_masked_and_other_text_hidden() {
        assert_eq!(mask("+8613800138000"), "+86 138****8000");
        assert_eq!(mask("not a number"), "****");
    }
}
