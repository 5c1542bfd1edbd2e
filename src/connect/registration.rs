//! Apps registered on the fly, for providers that run on many instances and let any
//! client register (Mastodon's `POST /api/v1/apps`): the one registered on an instance
//! before is reused, redirect URI included, which must match exactly.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::model::ClientCredentials;
use crate::providers::Provider;
use crate::secret::Secret;
use crate::store::{RegisteredApp, Store};

use super::events::Event;
use super::services::Services;

/// The app registered on `instance` earlier, when this login's redirect can use it: no
/// `--port` or `--redirect-uri` given, or the very redirect URI it was registered for.
pub fn remembered(
    store: &Store,
    instance: &str,
    port: Option<u16>,
    redirect_uri: Option<&str>,
) -> Option<RegisteredApp> {
    store.registered_app(instance).filter(|app| {
        port.is_none() && redirect_uri.is_none() || redirect_uri == Some(app.redirect_uri.as_str())
    })
}

/// Register a client on the instance for this redirect URI, and remember it for the next
/// login.
pub fn register(
    svc: &Services,
    provider: &Provider,
    instance: &str,
    redirect_uri: &str,
    scopes: &[String],
) -> Result<ClientCredentials, Error> {
    let registration = provider
        .registration
        .as_ref()
        .expect("checked by the caller");
    let joined = scopes.join(" ");
    let values = BTreeMap::from([("redirect_uri", redirect_uri), ("scopes", joined.as_str())]);
    let params = registration
        .params
        .iter()
        .map(|(k, t)| {
            crate::model::template::fill(t, &values)
                .map(|v| (k.clone(), v))
                .map_err(|name| Error::Config {
                    what: format!(
                        "the registration parameter {k} needs {{{name}}}, which is not known"
                    ),
                    fix: "check the provider's registration entry".into(),
                })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let response = svc.http.send(
        "POST",
        &registration.url,
        crate::http::RequestBody::Form(params),
        None,
    )?;
    let status = response.status().as_u16();
    let body: Option<serde_json::Value> = serde_json::from_slice(response.body()).ok();
    let id = body
        .as_ref()
        .filter(|_| (200..300).contains(&status))
        .and_then(|b| b.get("client_id"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let Some(id) = id else {
        return Err(Error::Rejected {
            what: format!(
                "registering an app on {instance} failed: {}",
                crate::error::provider::ProviderError::from_response(
                    crate::error::provider::Stage::Registration,
                    status,
                    response.body()
                )
            ),
            fix: format!("register an app by hand on {instance} (Preferences > Development) and pass --client-id and --client-secret"),
        });
    };
    let secret = body
        .as_ref()
        .and_then(|b| b.get("client_secret"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let app = RegisteredApp {
        instance: instance.to_string(),
        client_id: id.clone(),
        client_secret: secret.as_deref().map(Secret::from),
        redirect_uri: redirect_uri.to_string(),
        scopes: scopes.to_vec(),
    };
    svc.store.save_registered_app(&app)?;
    svc.events.event(Event::AppRegistered {
        instance,
        redirect_uri,
    });
    Ok(ClientCredentials {
        id,
        secret: secret.map(oauth2::ClientSecret::new),
        auth: provider.client_auth,
    })
}
