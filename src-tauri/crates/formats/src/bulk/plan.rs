//! One row of a bulk file, validated and turned into the request the job will send. The
//! payload is what the journal stores, so a resumed job sends exactly what the dry run saw.

use maskline_domain::jobs::{BulkField, ColumnMapping, JobKind};
use maskline_domain::{Mode, PhoneKind, PhoneNumber};
use maskline_domain::{Text, text};
use serde::{Deserialize, Serialize};

use crate::sheet::Table;

/// Most seconds a binding may last (AXB, AXYB): 90 days.
pub const MAX_DURATION_SECS: u32 = 7_776_000;

/// The request of one row (numbers in E.164).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Payload {
    Bind(BindRow),
    Modify(ModifyRow),
    Unbind {
        subscription_id: String,
    },
    /// An unbind given by its numbers; the dry run replaces it with [`Payload::Unbind`] from
    /// the local cache, so it is never journaled or sent as such.
    UnbindParties {
        a: String,
        b: Option<String>,
        x: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BindRow {
    pub a: String,
    pub b: Option<String>,
    pub x: Option<String>,
    pub area_code: Option<String>,
    pub duration_secs: Option<u32>,
    pub direction: Option<u8>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    pub user_data: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModifyRow {
    pub subscription_id: String,
    pub a: Option<String>,
    pub b: Option<String>,
    pub duration_secs: Option<u32>,
    pub direction: Option<u8>,
    pub record: Option<bool>,
    pub record_hint_tone: Option<String>,
    pub user_data: Option<String>,
}

/// A refused cell: `(column header, message)`.
pub type CellError = (Option<String>, Text);

struct Cells<'a> {
    row: &'a [String],
    mapping: &'a ColumnMapping,
}

impl Cells<'_> {
    fn get(&self, f: BulkField) -> Option<&str> {
        Some(Table::cell(self.row, self.mapping.column_of(f))).filter(|s| !s.is_empty())
    }

    fn header(&self, f: BulkField) -> Option<String> {
        self.mapping
            .columns
            .iter()
            .find(|c| c.field == f)
            .map(|c| c.header.clone())
    }

    fn err(&self, f: BulkField, msg: Text) -> CellError {
        (self.header(f), msg)
    }

    fn party(&self, f: BulkField) -> Result<Option<String>, CellError> {
        let Some(raw) = self.get(f) else {
            return Ok(None);
        };
        let p = PhoneNumber::parse(raw).map_err(|e| self.err(f, e.text()))?;
        if p.kind() == PhoneKind::Service {
            return Err(self.err(
                f,
                Text::new("400/95 numbers cannot be bound", "400/95 号码不能绑定"),
            ));
        }
        Ok(Some(p.to_string()))
    }

    fn required(&self, f: BulkField) -> Result<String, CellError> {
        self.party(f)?
            .ok_or_else(|| self.err(f, Text::new("missing", "缺少号码")))
    }

    fn duration(&self) -> Result<Option<u32>, CellError> {
        let f = BulkField::DurationSecs;
        let Some(raw) = self.get(f) else {
            return Ok(None);
        };
        let (num, unit) = match raw.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
            Some((i, _)) => (&raw[..i], raw[i..].trim().to_ascii_lowercase()),
            None => (raw, String::new()),
        };
        let n: u64 = num.parse().map_err(|_| {
            self.err(
                f,
                text!(
                    "{raw:?} is not a duration in seconds",
                    "{raw:?} 不是以秒为单位的时长"
                ),
            )
        })?;
        let mult = match unit.as_str() {
            "" | "s" => 1,
            "m" | "min" => 60,
            "h" => 3600,
            "d" => 86_400,
            _ => {
                return Err(self.err(
                    f,
                    text!(
                        "unknown unit in {raw:?}: use s, m, h or d",
                        "{raw:?} 中的单位无效:请用 s、m、h 或 d"
                    ),
                ));
            }
        };
        let secs = n.saturating_mul(mult);
        if secs > u64::from(MAX_DURATION_SECS) {
            return Err(self.err(
                f,
                text!(
                    "{raw} is longer than 90 days (7776000 s)",
                    "{raw} 超过 90 天(7776000 秒)"
                ),
            ));
        }
        Ok(Some(secs as u32))
    }

    fn direction(&self) -> Result<Option<u8>, CellError> {
        let f = BulkField::Direction;
        let Some(raw) = self.get(f) else {
            return Ok(None);
        };
        match raw.to_ascii_lowercase().as_str() {
            "0" | "both" | "双向" => Ok(Some(0)),
            "1" | "a>b" | "a→b" => Ok(Some(1)),
            "2" | "b>a" | "b→a" => Ok(Some(2)),
            _ => Err(self.err(
                f,
                text!(
                    "{raw:?}: use 0 (both), 1 (A→B) or 2 (B→A)",
                    "{raw:?}:请用 0(双向)、1(A→B)或 2(B→A)"
                ),
            )),
        }
    }

    fn record(&self) -> Result<(Option<bool>, Option<String>), CellError> {
        let f = BulkField::Record;
        let flag = match self.get(f).map(str::to_ascii_lowercase).as_deref() {
            None => None,
            Some("1" | "true" | "yes" | "y" | "是") => Some(true),
            Some("0" | "false" | "no" | "n" | "否") => Some(false),
            Some(other) => {
                return Err(self.err(
                    f,
                    text!(
                        "{other:?}: use true or false",
                        "{other:?}:请用 true(是)或 false(否)"
                    ),
                ));
            }
        };
        let tone = self.get(BulkField::RecordHintTone).map(str::to_string);
        if flag == Some(true) && tone.is_none() {
            return Err(self.err(
                f,
                Text::new(
                    "recording needs a notice tone (recordHintTone)",
                    "录音需要录音提示音",
                ),
            ));
        }
        Ok((flag, tone))
    }

    fn user_data(&self) -> Result<Option<String>, CellError> {
        let v = self.get(BulkField::UserData).map(str::to_string);
        if v.as_ref().is_some_and(|s| s.len() > 256) {
            return Err(self.err(
                BulkField::UserData,
                Text::new("longer than 256 bytes", "超过 256 字节"),
            ));
        }
        Ok(v)
    }
}

/// Validates one row into its payload.
pub fn parse_row(
    kind: JobKind,
    mode: Mode,
    mapping: &ColumnMapping,
    row: &[String],
) -> Result<Payload, CellError> {
    let c = Cells { row, mapping };
    match kind {
        JobKind::Bind => {
            let a = c.required(BulkField::A)?;
            let b = match mode {
                Mode::Axb | Mode::Axyb => Some(c.required(BulkField::B)?),
                Mode::Ax | Mode::Axe => None,
            };
            if b.as_deref() == Some(a.as_str()) {
                return Err(c.err(
                    BulkField::B,
                    Text::new("A and B are the same number", "A、B 号码相同"),
                ));
            }
            let (record, record_hint_tone) = c.record()?;
            let duration_secs = c.duration()?;
            if mode == Mode::Axyb && duration_secs.is_some_and(|d| d > 0 && d < 60) {
                return Err(c.err(
                    BulkField::DurationSecs,
                    Text::new("AXYB bindings last at least 60 s", "AXYB 时长至少 60 秒"),
                ));
            }
            Ok(Payload::Bind(BindRow {
                a,
                b,
                x: c.party(BulkField::X)?,
                area_code: c.get(BulkField::AreaCode).map(str::to_string),
                duration_secs,
                direction: c.direction()?,
                record,
                record_hint_tone,
                user_data: c.user_data()?,
            }))
        }
        JobKind::Modify if mode == Mode::Axyb => Err((
            None,
            Text::new(
                "AXYB relations cannot be modified; unbind and bind again",
                "AXYB 不支持修改,请解绑后重新绑定",
            ),
        )),
        JobKind::Modify => {
            let sub = c.get(BulkField::SubscriptionId).ok_or_else(|| {
                c.err(
                    BulkField::SubscriptionId,
                    Text::new("missing", "缺少绑定ID"),
                )
            })?;
            let (record, record_hint_tone) = c.record()?;
            let m = ModifyRow {
                subscription_id: sub.to_string(),
                a: c.party(BulkField::A)?,
                b: c.party(BulkField::B)?,
                duration_secs: c.duration()?,
                direction: c.direction()?,
                record,
                record_hint_tone,
                user_data: c.user_data()?,
            };
            let unchanged = ModifyRow {
                subscription_id: m.subscription_id.clone(),
                ..Default::default()
            };
            if m == unchanged {
                return Err((
                    None,
                    Text::new("nothing to modify in this row", "该行没有要修改的内容"),
                ));
            }
            Ok(Payload::Modify(m))
        }
        JobKind::Unbind => match c.get(BulkField::SubscriptionId) {
            Some(sub) => Ok(Payload::Unbind {
                subscription_id: sub.to_string(),
            }),
            None => {
                let a = c.party(BulkField::A)?;
                let x = c.party(BulkField::X)?;
                match (a, x) {
                    (Some(a), Some(x)) => Ok(Payload::UnbindParties {
                        a,
                        b: c.party(BulkField::B)?,
                        x,
                    }),
                    _ => Err((
                        c.header(BulkField::SubscriptionId),
                        Text::new(
                            "give the subscription id, or A and X",
                            "请填写绑定ID,或 A 号码和 X 号码",
                        ),
                    )),
                }
            }
        },
    }
}

/// An example value per field, for templates.
pub fn example(f: BulkField) -> &'static str {
    match f {
        BulkField::A => "+8613800138000",
        BulkField::B => "+8613900139000",
        BulkField::X => "",
        BulkField::AreaCode => "0755",
        BulkField::DurationSecs => "86400",
        BulkField::Direction => "0",
        BulkField::Record => "false",
        BulkField::RecordHintTone => "",
        BulkField::UserData => "order-1001",
        BulkField::SubscriptionId => "",
    }
}
