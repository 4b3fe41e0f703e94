//! Operations that do not depend on the binding mode.

use super::{RecordingLink, Session};
use crate::ServiceError;

impl Session {
    /// Ends a call in progress (`sessionId` from a call event or CDR).
    pub async fn stop_call(&self, session_id: &str) -> Result<(), ServiceError> {
        Ok(self.client.stop_call(session_id).await?)
    }

    /// The time-limited download link of a recording (`recordObjectName` and `recordDomain`
    /// from the CDR). The link carries its own authorisation; fetch it without credentials.
    pub async fn recording_url(
        &self,
        file_name: &str,
        record_domain: &str,
    ) -> Result<RecordingLink, ServiceError> {
        Ok(self.client.recording_url(file_name, record_domain).await?)
    }
}
