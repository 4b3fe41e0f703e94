//! AX: X belongs to A; A's own calls to X go to a temporary callee.

use maskline_domain::Mode;

use super::{
    AxBindRequest, AxBinding, AxBound, AxKey, AxModifyRequest, AxQuery, AxTempCalleeRequest,
    Session,
};
use crate::ServiceError;

impl Session {
    /// Binds A to an X (the given one or a free one of the area code).
    pub async fn ax_bind(&self, req: &AxBindRequest) -> Result<AxBound, ServiceError> {
        Ok(self.client_for_mode(Mode::Ax)?.ax_bind(req).await?)
    }

    /// Changes a binding; fields left `None` stay as they are.
    pub async fn ax_modify(&self, req: &AxModifyRequest) -> Result<(), ServiceError> {
        Ok(self.client_for_mode(Mode::Ax)?.ax_modify(req).await?)
    }

    /// Sets where A's calls to X go, for a limited time.
    pub async fn ax_set_temp_callee(&self, req: &AxTempCalleeRequest) -> Result<(), ServiceError> {
        Ok(self
            .client_for_mode(Mode::Ax)?
            .ax_set_temp_callee(req)
            .await?)
    }

    /// Releases X from A.
    pub async fn ax_unbind(&self, key: &AxKey) -> Result<(), ServiceError> {
        Ok(self.client_for_mode(Mode::Ax)?.ax_unbind(key).await?)
    }

    /// Bindings by id, by A or by X.
    pub async fn ax_query(&self, q: &AxQuery) -> Result<Vec<AxBinding>, ServiceError> {
        Ok(self.client_for_mode(Mode::Ax)?.ax_query(q).await?)
    }
}
