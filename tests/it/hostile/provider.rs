//! A hostile provider on 127.0.0.1: it approves every authorization request at once
//! (302 back to the callback with the request's `state`) and answers the token and
//! identity endpoints with whatever a test scripts, to see what the tool does with it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What the token endpoint sees: the form it was sent.
pub type Form = HashMap<String, String>;

/// A scripted answer: status, content type, body.
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(body: impl Into<String>) -> Answer {
        Answer {
            status: 200,
            content_type: "application/json",
            body: body.into().into_bytes(),
        }
    }
}

type Handler = dyn Fn(&Form) -> Answer + Send + Sync;
type Hook = dyn Fn(&Form) + Send + Sync;

pub struct HostileProvider {
    pub base: String,
    /// Every form the token endpoint received, in order.
    pub token_requests: Arc<Mutex<Vec<Form>>>,
    /// More paths a test serves (metadata, keys, introspection...): status and JSON.
    pub routes: Arc<Mutex<HashMap<String, (u16, String)>>>,
    /// Each request to one of `routes`: its path and form (body, else query).
    pub hits: Arc<Mutex<Vec<(String, Form)>>>,
    /// What `/me` answers (JSON).
    pub identity: Arc<Mutex<String>>,
}

impl HostileProvider {
    /// `token` answers the token endpoint; `identity` is the JSON of `/me`.
    pub fn start(
        token: impl Fn(&Form) -> Answer + Send + Sync + 'static,
        identity: &str,
    ) -> HostileProvider {
        Self::start_with_hook(token, |_| {}, identity)
    }

    /// A provider whose refresh tokens rotate strictly (see `Rotation`).
    pub fn rotating(identity: &str) -> (HostileProvider, Arc<Rotation>) {
        let rotation = Arc::new(Rotation::default());
        let (answer, hook) = (rotation.clone(), rotation.clone());
        let provider = Self::start_with_hook(
            move |form| answer.answer(form),
            move |form| hook.answered(form),
            identity,
        );
        (provider, rotation)
    }

    /// `start`, with `after` called once each token answer has been written.
    pub fn start_with_hook(
        token: impl Fn(&Form) -> Answer + Send + Sync + 'static,
        after: impl Fn(&Form) + Send + Sync + 'static,
        identity: &str,
    ) -> HostileProvider {
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let base = format!("http://{}", server.server_addr().to_ip().unwrap());
        let token_requests = Arc::new(Mutex::new(Vec::new()));
        let seen = token_requests.clone();
        let token: Arc<Handler> = Arc::new(token);
        let after: Arc<Hook> = Arc::new(after);
        let identity = Arc::new(Mutex::new(identity.to_string()));
        let me = identity.clone();
        let routes: Arc<Mutex<HashMap<String, (u16, String)>>> = Arc::default();
        let hits: Arc<Mutex<Vec<(String, Form)>>> = Arc::default();
        let (served, logged) = (routes.clone(), hits.clone());
        std::thread::spawn(move || {
            for mut request in server.incoming_requests() {
                let mut answered = None;
                let url = url::Url::parse(&format!("http://h{}", request.url())).unwrap();
                let query: Form = url.query_pairs().into_owned().collect();
                let response = match url.path() {
                    "/auth" => {
                        let mut back = url::Url::parse(&query["redirect_uri"]).unwrap();
                        back.query_pairs_mut()
                            .append_pair("code", "hostile-code")
                            .append_pair("state", &query["state"]);
                        tiny_http::Response::from_string("")
                            .with_status_code(302)
                            .with_header(header("Location", back.as_str()))
                            .boxed()
                    }
                    "/token" => {
                        let mut body = String::new();
                        let _ = request.as_reader().read_to_string(&mut body);
                        let form: Form = url::form_urlencoded::parse(body.as_bytes())
                            .into_owned()
                            .collect();
                        seen.lock().unwrap().push(form.clone());
                        let answer = token(&form);
                        answered = Some(form);
                        tiny_http::Response::from_data(answer.body)
                            .with_status_code(answer.status)
                            .with_header(header("Content-Type", answer.content_type))
                            .boxed()
                    }
                    "/me" => tiny_http::Response::from_string(me.lock().unwrap().clone())
                        .with_header(header("Content-Type", "application/json"))
                        .boxed(),
                    path => match served.lock().unwrap().get(path).cloned() {
                        Some((status, json)) => {
                            let mut body = String::new();
                            let _ = request.as_reader().read_to_string(&mut body);
                            let mut form: Form = url::form_urlencoded::parse(body.as_bytes())
                                .into_owned()
                                .collect();
                            form.extend(query);
                            logged.lock().unwrap().push((path.to_string(), form));
                            tiny_http::Response::from_string(json)
                                .with_status_code(status)
                                .with_header(header("Content-Type", "application/json"))
                                .boxed()
                        }
                        None => tiny_http::Response::from_string("")
                            .with_status_code(404)
                            .boxed(),
                    },
                };
                if request.respond(response).is_ok() {
                    if let Some(form) = answered {
                        after(&form);
                    }
                }
            }
        });
        HostileProvider {
            base,
            token_requests,
            routes,
            hits,
            identity,
        }
    }

    /// The channel `custom` stores for `user` on this provider (names carry the host).
    pub fn channel(&self, user: &str) -> String {
        format!("custom:{user}@{}", self.base.trim_start_matches("http://"))
    }

    /// Serve `json` at `path`.
    pub fn serve(&self, path: &str, status: u16, json: serde_json::Value) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.to_string(), (status, json.to_string()));
    }

    /// The paths of the requests `routes` answered.
    pub fn hit_paths(&self) -> Vec<String> {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }

    /// `custom` pointed at this provider by hand, public client, tokens in files.
    pub fn connect_args(&self) -> Vec<String> {
        [
            "custom",
            "--auth-url",
            &format!("{}/auth", self.base),
            "--token-url",
            &format!("{}/token", self.base),
            "--userinfo-url",
            &format!("{}/me", self.base),
            "--client-id",
            "hostile-client",
            "--scopes",
            "read",
            "--insecure-storage",
            "--browser-timeout",
            "20s",
        ]
        .map(String::from)
        .to_vec()
    }
}

/// A strictly rotating grant per family, as a provider with reuse detection runs it:
/// refresh tokens are `rt-<family>-<generation>`; only the newest generation is valid,
/// and presenting an older one revokes the family (RFC 9700 §4.14.2). Families the
/// server has not seen start at generation 0 (channels a test wrote by hand).
#[derive(Default)]
pub struct Rotation {
    pub families: Mutex<HashMap<String, Family>>,
}

#[derive(Debug, Clone)]
pub struct Family {
    pub generation: u64,
    pub revoked: bool,
    /// When the newest generation's answer was written to the socket.
    pub answered_at: Option<std::time::Instant>,
}

impl Rotation {
    /// The token endpoint's answer to `form`.
    pub fn answer(&self, form: &Form) -> Answer {
        let mut families = self.families.lock().unwrap();
        let (family, presented) = match form.get("grant_type").map(String::as_str) {
            Some("authorization_code") => (format!("f{}", families.len()), None),
            _ => {
                let token = form.get("refresh_token").cloned().unwrap_or_default();
                let Some((family, generation)) = token
                    .strip_prefix("rt-")
                    .and_then(|t| t.rsplit_once('-'))
                    .and_then(|(f, g)| Some((f.to_string(), g.parse::<u64>().ok()?)))
                else {
                    return invalid_grant();
                };
                (family, Some(generation))
            }
        };
        let entry = families.entry(family.clone()).or_insert(Family {
            generation: 0,
            revoked: false,
            answered_at: None,
        });
        if let Some(presented) = presented {
            if entry.revoked || presented != entry.generation {
                entry.revoked = true;
                return invalid_grant();
            }
            entry.generation += 1;
        }
        entry.answered_at = None;
        let generation = entry.generation;
        Answer::json(format!(
            r#"{{"access_token":"at-{family}-{generation}","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-{family}-{generation}"}}"#
        ))
    }

    /// Called once an answer has been written: when it reached the client (loopback).
    pub fn answered(&self, form: &Form) {
        let token = form.get("refresh_token").cloned().unwrap_or_default();
        let family = token
            .strip_prefix("rt-")
            .and_then(|t| t.rsplit_once('-'))
            .map(|(f, _)| f.to_string());
        let mut families = self.families.lock().unwrap();
        if let Some(entry) = family.and_then(|f| families.get_mut(&f)) {
            entry
                .answered_at
                .get_or_insert_with(std::time::Instant::now);
        }
    }
}

fn invalid_grant() -> Answer {
    Answer {
        status: 400,
        content_type: "application/json",
        body: br#"{"error":"invalid_grant","error_description":"refresh token reused or revoked"}"#
            .to_vec(),
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
}
