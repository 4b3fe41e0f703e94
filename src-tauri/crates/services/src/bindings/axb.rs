//! AXB: A and B call each other through a shared X.

use maskline_domain::Mode;

use super::{
    AxbBindRequest, AxbBound, AxbModifyRequest, AxbQuery, AxbQueryPage, AxbUnbind, Session,
};
use crate::ServiceError;

impl Session {
    /// Binds A and B on an X (the given one, or a free one of the area code / A's city).
    pub async fn axb_bind(&self, req: &AxbBindRequest) -> Result<AxbBound, ServiceError> {
        Ok(self.client_for_mode(Mode::Axb)?.axb_bind(req).await?)
    }

    /// Changes a binding; fields left `None` stay as they are.
    pub async fn axb_modify(&self, req: &AxbModifyRequest) -> Result<(), ServiceError> {
        Ok(self.client_for_mode(Mode::Axb)?.axb_modify(req).await?)
    }

    /// Removes one binding, or every binding on an X.
    pub async fn axb_unbind(&self, req: &AxbUnbind) -> Result<(), ServiceError> {
        Ok(self.client_for_mode(Mode::Axb)?.axb_unbind(req).await?)
    }

    /// One binding by id, or a page of the bindings on an X.
    pub async fn axb_query(&self, q: &AxbQuery) -> Result<AxbQueryPage, ServiceError> {
        Ok(self.client_for_mode(Mode::Axb)?.axb_query(q).await?)
    }
}
