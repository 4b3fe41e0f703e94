//! The HTTP surface: platform routes (behind fault injection and authentication), the
//! recording download links (behind fault injection) and the admin routes.

use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

use super::server::ConnInfo;
use super::{admin, calls, faults, modes, recordings};
use crate::auth;
use crate::codes::{self, ApiError};
use crate::model::config::Mode;
use crate::state::Sim;

/// The mode an endpoint belongs to (`None` = common to all modes).
fn required_mode(path: &str) -> Option<Mode> {
    match path {
        modes::AXB_PATH => Some(Mode::Axb),
        modes::AX_PATH | modes::AX_CALLEE_PATH => Some(Mode::Ax),
        modes::AXE_PATH => Some(Mode::Axe),
        modes::AXYB_PATH => Some(Mode::Axyb),
        _ => None,
    }
}

async fn authenticate(
    State(sim): State<Arc<Sim>>,
    ConnectInfo(conn): ConnectInfo<ConnInfo>,
    mut req: Request,
    next: Next,
) -> Response {
    let verified = {
        let apps = sim.apps.read().unwrap_or_else(|p| p.into_inner());
        let mut st = sim.auth.lock().unwrap_or_else(|p| p.into_inner());
        auth::verify(
            req.headers(),
            conn.peer.ip(),
            &apps,
            &sim.clock,
            &sim.config.auth,
            &mut st,
        )
        .cloned()
    };
    let app = match verified {
        Ok(app) => app,
        Err(e) => return e.into_response(),
    };
    if required_mode(req.uri().path()).is_some_and(|m| m != app.mode) {
        return ApiError::forbidden(
            codes::API_NOT_ALLOWED,
            "The app_key is not allowed to invoke the API.",
        )
        .into_response();
    }
    req.extensions_mut().insert(app);
    next.run(req).await
}

/// Binding routes of every mode.
fn binding_routes() -> Router<Arc<Sim>> {
    Router::new()
        .route(
            modes::AXB_PATH,
            post(modes::axb::bind)
                .put(modes::axb::modify)
                .delete(modes::axb::unbind)
                .get(modes::axb::query),
        )
        .route(
            modes::AX_PATH,
            post(modes::ax::bind)
                .put(modes::ax::modify)
                .delete(modes::ax::unbind)
                .get(modes::ax::query),
        )
        .route(modes::AX_CALLEE_PATH, put(modes::ax::set_callee))
        .route(
            modes::AXE_PATH,
            post(modes::axe::bind)
                .put(modes::axe::modify)
                .delete(modes::axe::unbind)
                .get(modes::axe::query),
        )
        .route(
            modes::AXYB_PATH,
            post(modes::axyb::bind)
                .delete(modes::axyb::unbind)
                .get(modes::axyb::query),
        )
}

pub(crate) fn build(sim: Arc<Sim>) -> Router {
    let platform = binding_routes()
        .route("/rest/httpsessions/callStop/v2.0", post(calls::stop))
        .route(
            "/rest/provision/voice/record/v1.0",
            get(recordings::download_url),
        )
        .route_layer(middleware::from_fn_with_state(sim.clone(), authenticate));
    let links = Router::new().route("/sim/recordings/{file}", get(recordings::download));
    platform
        .merge(links)
        .route_layer(middleware::from_fn_with_state(
            sim.clone(),
            faults::middleware,
        ))
        .merge(admin::routes())
        .with_state(sim)
}
