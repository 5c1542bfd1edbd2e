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

pub struct HostileProvider {
    pub base: String,
    /// Every form the token endpoint received, in order.
    pub token_requests: Arc<Mutex<Vec<Form>>>,
}

impl HostileProvider {
    /// `token` answers the token endpoint; `identity` is the JSON of `/me`.
    pub fn start(
        token: impl Fn(&Form) -> Answer + Send + Sync + 'static,
        identity: &str,
    ) -> HostileProvider {
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let base = format!("http://{}", server.server_addr().to_ip().unwrap());
        let token_requests = Arc::new(Mutex::new(Vec::new()));
        let seen = token_requests.clone();
        let token: Arc<Handler> = Arc::new(token);
        let identity = identity.to_string();
        std::thread::spawn(move || {
            for mut request in server.incoming_requests() {
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
                        tiny_http::Response::from_data(answer.body)
                            .with_status_code(answer.status)
                            .with_header(header("Content-Type", answer.content_type))
                            .boxed()
                    }
                    "/me" => tiny_http::Response::from_string(identity.clone())
                        .with_header(header("Content-Type", "application/json"))
                        .boxed(),
                    _ => tiny_http::Response::from_string("")
                        .with_status_code(404)
                        .boxed(),
                };
                let _ = request.respond(response);
            }
        });
        HostileProvider {
            base,
            token_requests,
        }
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
            "--timeout",
            "20s",
        ]
        .map(String::from)
        .to_vec()
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
}

