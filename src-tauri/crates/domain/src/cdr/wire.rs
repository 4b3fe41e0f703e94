//! Lenient, zero-copy view of one JSON object of a notification: every known field is kept as
//! a [`Scalar`] whatever its JSON type, so that validation (in `parse`) can name the field
//! that is wrong instead of failing the whole body the way a typed `serde` derive would.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JSON value as received, without interpretation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    Object,
    Array,
}

impl Scalar<'_> {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "a string",
            Scalar::Int(_) | Scalar::Float(_) => "a number",
            Scalar::Bool(_) => "a boolean",
            Scalar::Null => "null",
            Scalar::Object => "an object",
            Scalar::Array => "an array",
        }
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Object)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Array)
    }
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

macro_rules! fields {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// The fields Maskline reads from FeeInfo and CallStatusInfo objects (§11, §12).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum F { $($variant),* }
        const NAMES: &[&str] = &[$($name),*];
        const COUNT: usize = NAMES.len();
        fn field_of(key: &str) -> Option<F> {
            match key { $($name => Some(F::$variant),)* _ => None }
        }
    };
}

fields! {
    EventType = "eventType", Direction = "direction", SpId = "spId", AppKey = "appKey",
    Icid = "icid", BindNum = "bindNum", SessionId = "sessionId", SubscriptionId = "subscriptionId",
    CallerNum = "callerNum", CalleeNum = "calleeNum", FwdDisplayNum = "fwdDisplayNum",
    FwdDstNum = "fwdDstNum", CallInTime = "callInTime", FwdStartTime = "fwdStartTime",
    FwdAlertingTime = "fwdAlertingTime", FwdAnswerTime = "fwdAnswerTime",
    CallEndTime = "callEndTime", FailTime = "failTime", FwdUnaswRsn = "fwdUnaswRsn",
    UlFailReason = "ulFailReason", SipStatusCode = "sipStatusCode",
    CallOutUnaswRsn = "callOutUnaswRsn", RecordFlag = "recordFlag",
    RecordStartTime = "recordStartTime", RecordObjectName = "recordObjectName",
    RecordBucketName = "recordBucketName", RecordDomain = "recordDomain",
    RecordFileDownloadUrl = "recordFileDownloadUrl", ServiceType = "serviceType",
    HostName = "hostName", UserData = "userData", ExtendNumber = "extendNumber",
    CallRelDirection = "callRelDirection", Timestamp = "timestamp", Caller = "caller",
    Called = "called", StateCode = "stateCode", StateDesc = "stateDesc",
    NotifyMode = "notifyMode", SmsEvent = "smsEvent",
}

impl F {
    pub(crate) fn name(self) -> &'static str {
        NAMES[self as usize]
    }
}

/// One JSON object: a notification body, a FeeInfo, or a CallStatusInfo.
#[derive(Debug)]
pub(crate) struct Wire<'a> {
    vals: [Option<Scalar<'a>>; COUNT],
    pub(crate) fee_lst: Option<List<'a>>,
    pub(crate) status_info: Option<Box<Item<'a>>>,
}

impl<'a> Wire<'a> {
    fn new() -> Self {
        Wire {
            vals: std::array::from_fn(|_| None),
            fee_lst: None,
            status_info: None,
        }
    }

    pub(crate) fn get(&self, f: F) -> Option<&Scalar<'a>> {
        self.vals[f as usize].as_ref()
    }
}

/// An object key, borrowed from the input unless it contains escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// `feeLst`: an array of objects, or something else (reported, not fatal).
#[derive(Debug)]
pub(crate) enum List<'a> {
    Items(Vec<Item<'a>>),
    NotArray(&'static str),
}

/// An element expected to be an object. Kept inline: elements are consumed one by one.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Item<'a> {
    Object(Wire<'a>),
    NotObject(&'static str),
}

struct WireVisitor;

impl<'de> Visitor<'de> for WireVisitor {
    type Value = Wire<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut w = Wire::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "feeLst" => w.fee_lst = Some(map.next_value()?),
                "statusInfo" => w.status_info = Some(Box::new(map.next_value()?)),
                k => match field_of(k) {
                    Some(f) => w.vals[f as usize] = Some(map.next_value()?),
                    None => {
                        map.next_value::<IgnoredAny>()?;
                    }
                },
            }
        }
        Ok(w)
    }
}

impl<'de> Deserialize<'de> for Wire<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(WireVisitor)
    }
}

impl<'de> Deserialize<'de> for Item<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Item<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                WireVisitor.visit_map(map).map(Item::Object)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                ScalarVisitor
                    .visit_seq(seq)
                    .map(|s| Item::NotObject(s.kind()))
            }
            fn visit_borrowed_str<E>(self, _: &'de str) -> Result<Self::Value, E> {
                Ok(Item::NotObject("a string"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Item::NotObject("a string"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Item::NotObject("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Item::NotObject("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Item::NotObject("a number"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Item::NotObject("a boolean"))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Item::NotObject("null"))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for List<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = List<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(50));
                while let Some(it) = seq.next_element()? {
                    items.push(it);
                }
                Ok(List::Items(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                ScalarVisitor
                    .visit_map(map)
                    .map(|_| List::NotArray("an object"))
            }
            fn visit_borrowed_str<E>(self, _: &'de str) -> Result<Self::Value, E> {
                Ok(List::NotArray("a string"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(List::NotArray("a string"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(List::NotArray("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(List::NotArray("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(List::NotArray("a number"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(List::NotArray("a boolean"))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(List::NotArray("null"))
            }
        }
        d.deserialize_any(V)
    }
}
