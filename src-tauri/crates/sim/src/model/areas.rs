//! City codes the simulator knows (reference §14), with their province.

/// City codes the simulator knows, with their province.
pub(crate) const AREAS: &[(&str, &str)] = &[
    ("010", "Beijing"),
    ("021", "Shanghai"),
    ("022", "Tianjin"),
    ("023", "Chongqing"),
    ("020", "Guangdong"),
    ("0755", "Guangdong"),
    ("0769", "Guangdong"),
    ("028", "Sichuan"),
    ("0571", "Zhejiang"),
    ("025", "Jiangsu"),
    ("0512", "Jiangsu"),
    ("027", "Hubei"),
    ("029", "Shaanxi"),
];
