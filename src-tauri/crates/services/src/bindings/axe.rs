//! AXE: A is reached as X plus an extension.

use maskline_domain::Mode;

use super::{AxeBindRequest, AxeBinding, AxeKey, AxeModifyRequest, Session};
use crate::ServiceError;

impl Session {
    /// Binds A to X plus an extension (given, or allocated by the platform).
    pub async fn axe_bind(&self, req: &AxeBindRequest) -> Result<AxeBinding, ServiceError> {
        Ok(self.client_for_mode(Mode::Axe)?.axe_bind(req).await?)
    }

    /// Changes a binding; fields left `None` stay as they are.
    pub async fn axe_modify(&self, req: &AxeModifyRequest) -> Result<(), ServiceError> {
        Ok(self.client_for_mode(Mode::Axe)?.axe_modify(req).await?)
    }

    /// Releases the extension.
    pub async fn axe_unbind(&self, key: &AxeKey) -> Result<(), ServiceError> {
        Ok(self.client_for_mode(Mode::Axe)?.axe_unbind(key).await?)
    }

    /// Bindings by id or by X and extension.
    pub async fn axe_query(&self, key: &AxeKey) -> Result<Vec<AxeBinding>, ServiceError> {
        Ok(self.client_for_mode(Mode::Axe)?.axe_query(key).await?)
    }
}
