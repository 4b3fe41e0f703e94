//! Which column holds which field: detected from the header names (Chinese or English, the
//! template's or common variants), overridable by the user.

use maskline_domain::Mode;
use maskline_domain::jobs::{BulkField, ColumnMapping, JobKind, MappedColumn};

use crate::sheet::header_key;

/// Header names recognised for each field (compared after [`header_key`]).
const NAMES: &[(BulkField, &[&str])] = &[
    (
        BulkField::A,
        &[
            "a",
            "a号码",
            "主叫",
            "主叫号码",
            "号码a",
            "callernum",
            "caller",
            "anum",
            "bindnum",
            "orignum",
        ],
    ),
    (
        BulkField::B,
        &[
            "b",
            "b号码",
            "被叫",
            "被叫号码",
            "号码b",
            "calleenum",
            "callee",
            "bnum",
        ],
    ),
    (
        BulkField::X,
        &[
            "x",
            "x号码",
            "隐私号码",
            "隐私号",
            "虚拟号码",
            "relationnum",
            "privatenum",
            "virtualnum",
            "xnum",
        ],
    ),
    (
        BulkField::AreaCode,
        &["区号", "城市区号", "城市", "areacode", "city"],
    ),
    (
        BulkField::DurationSecs,
        &[
            "时长",
            "有效期",
            "绑定时长",
            "时长秒",
            "有效期秒",
            "绑定时长秒",
            "duration",
            "durationsecs",
            "durations",
        ],
    ),
    (
        BulkField::Direction,
        &["方向", "呼叫方向", "通话方向", "direction", "calldirection"],
    ),
    (
        BulkField::Record,
        &["录音", "是否录音", "record", "recordflag"],
    ),
    (
        BulkField::RecordHintTone,
        &["录音提示音", "提示音", "recordhinttone", "hinttone"],
    ),
    (
        BulkField::UserData,
        &["用户数据", "自定义数据", "备注", "userdata"],
    ),
    (
        BulkField::SubscriptionId,
        &[
            "绑定id",
            "绑定关系id",
            "订阅id",
            "subscriptionid",
            "bindingid",
            "sub",
        ],
    ),
];

/// The template's headers per field: `(en, zh)`.
pub fn header_of(field: BulkField) -> (&'static str, &'static str) {
    match field {
        BulkField::A => ("A", "A号码"),
        BulkField::B => ("B", "B号码"),
        BulkField::X => ("X", "X号码"),
        BulkField::AreaCode => ("areaCode", "城市区号"),
        BulkField::DurationSecs => ("durationSecs", "绑定时长(秒)"),
        BulkField::Direction => ("direction", "呼叫方向"),
        BulkField::Record => ("record", "录音"),
        BulkField::RecordHintTone => ("recordHintTone", "录音提示音"),
        BulkField::UserData => ("userData", "用户数据"),
        BulkField::SubscriptionId => ("subscriptionId", "绑定ID"),
    }
}

/// The fields a job of this kind reads, required ones first.
pub fn fields_for(kind: JobKind, mode: Mode) -> (&'static [BulkField], &'static [BulkField]) {
    use BulkField::*;
    match (kind, mode) {
        (JobKind::Bind, Mode::Axb | Mode::Axyb) => (
            &[A, B],
            &[
                X,
                AreaCode,
                DurationSecs,
                Direction,
                Record,
                RecordHintTone,
                UserData,
            ],
        ),
        (JobKind::Bind, Mode::Ax | Mode::Axe) => (
            &[A],
            &[X, AreaCode, Direction, Record, RecordHintTone, UserData],
        ),
        (JobKind::Modify, _) => (
            &[SubscriptionId],
            &[
                A,
                B,
                DurationSecs,
                Direction,
                Record,
                RecordHintTone,
                UserData,
            ],
        ),
        // The subscription id, or A and X (+ B) found in the local cache.
        (JobKind::Unbind, _) => (&[], &[SubscriptionId, A, B, X]),
    }
}

fn field_named(key: &str) -> Option<BulkField> {
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(f, _)| *f)
}

/// Maps headers to fields by name; unknown headers are ignored. A header may carry both
/// languages (`A号码 A`, `绑定ID subscriptionId`, as in the templates and result exports):
/// the whole header is tried first, then each word.
pub fn detect(headers: &[String]) -> ColumnMapping {
    let mut columns: Vec<MappedColumn> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let hit = field_named(&header_key(h)).or_else(|| {
            h.split_whitespace()
                .find_map(|w| field_named(&header_key(w)))
        });
        if let Some(field) = hit.filter(|f| columns.iter().all(|c| c.field != *f)) {
            columns.push(MappedColumn {
                field,
                column: i as u32,
                header: h.clone(),
            });
        }
    }
    ColumnMapping { columns }
}

/// Required fields the mapping lacks.
pub fn missing(mapping: &ColumnMapping, kind: JobKind, mode: Mode) -> Vec<BulkField> {
    let has = |f| mapping.column_of(f).is_some();
    if kind == JobKind::Unbind {
        let by_numbers = has(BulkField::A) && has(BulkField::X);
        return if has(BulkField::SubscriptionId) || by_numbers {
            vec![]
        } else {
            vec![BulkField::SubscriptionId]
        };
    }
    let (required, _) = fields_for(kind, mode);
    required
        .iter()
        .copied()
        .filter(|f| mapping.column_of(*f).is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_english_headers_map_to_the_same_fields() {
        let zh: Vec<String> = ["A号码", "B号码", "X号码", "绑定时长(秒)", "备注"]
            .map(String::from)
            .to_vec();
        let en: Vec<String> = [
            "callerNum",
            "calleeNum",
            "relationNum",
            "duration",
            "user_data",
        ]
        .map(String::from)
        .to_vec();
        for h in [zh, en] {
            let m = detect(&h);
            assert_eq!(m.column_of(BulkField::A), Some(0), "{h:?}");
            assert_eq!(m.column_of(BulkField::B), Some(1), "{h:?}");
            assert_eq!(m.column_of(BulkField::X), Some(2), "{h:?}");
            assert_eq!(m.column_of(BulkField::DurationSecs), Some(3), "{h:?}");
            assert_eq!(m.column_of(BulkField::UserData), Some(4), "{h:?}");
            assert!(missing(&m, JobKind::Bind, Mode::Axb).is_empty());
        }
        let both: Vec<String> = ["A号码 A", "B号码 B", "绑定ID subscriptionId", "结果 state"]
            .map(String::from)
            .to_vec();
        let m = detect(&both);
        assert_eq!(m.column_of(BulkField::A), Some(0));
        assert_eq!(m.column_of(BulkField::SubscriptionId), Some(2));
        assert_eq!(m.columns.len(), 3, "{m:?}");
        let m = detect(&["foo".to_string()]);
        assert_eq!(
            missing(&m, JobKind::Unbind, Mode::Axb),
            [BulkField::SubscriptionId]
        );
    }
}
