//! HTTP plumbing: a request read into every parameter it carries (query, form, JSON or
//! multipart body) with the encoding that carried them, and a reply written back.

use std::collections::HashMap;
use std::io::Read;

use serde_json::{json, Value};

use crate::model::TokenFormat;

/// A request as the sandbox sees it: every parameter, and how they were sent.
pub(super) struct Incoming {
    pub post: bool,
    pub format: TokenFormat,
    pub params: HashMap<String, String>,
    pub authorization: Option<String>,
    pub headers: Vec<(String, String)>,
    pub url: String,
}

impl Incoming {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The URL without its query.
    pub(super) fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or_default()
    }

    /// The bearer token of the `Authorization` header, else the parameter `param`.
    pub(super) fn bearer_or_param(&self, param: &str) -> String {
        self.authorization
            .as_deref()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::to_string)
            .or_else(|| self.params.get(param).cloned())
            .unwrap_or_default()
    }
}

pub(super) struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub(super) fn text(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "application/x-www-form-urlencoded",
            body,
            headers: vec![],
        }
    }
    pub(super) fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.to_string(),
            headers: vec![],
        }
    }
    pub(super) fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body,
            headers: vec![],
        }
    }
    pub(super) fn not_found() -> Reply {
        Reply::html(404, "<h1>Not found</h1>".into())
    }
    pub(super) fn redirect(location: String) -> Reply {
        Reply {
            status: 302,
            content_type: "text/plain",
            body: String::new(),
            headers: vec![("Location", location)],
        }
    }
    pub(super) fn oauth_error(status: u16, code: &str, description: &str) -> Reply {
        Reply::json(
            status,
            json!({"error": code, "error_description": description}),
        )
    }
    pub(super) fn with_header(mut self, name: &'static str, value: String) -> Reply {
        self.headers.push((name, value));
        self
    }
}

/// Every parameter of a request, from the query and a form, JSON or multipart body, and
/// which of those encodings carried them.
pub(super) fn read(request: &mut tiny_http::Request) -> Incoming {
    let mut body = Vec::new();
    let _ = request.as_reader().take(1 << 20).read_to_end(&mut body);
    let url = request.url().to_string();
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|h| (h.field.to_string(), h.value.as_str().to_string()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let post = *request.method() == tiny_http::Method::Post;
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    let mut all = params(query);
    let content_type = header("Content-Type").unwrap_or_default();
    let format = if !post {
        TokenFormat::Get
    } else if content_type.starts_with("application/json") {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(&body) {
            for (k, v) in map {
                let v = v
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string());
                all.insert(k, v);
            }
        }
        TokenFormat::Json
    } else if content_type.starts_with("multipart/form-data") {
        all.extend(multipart_fields(&content_type, body));
        TokenFormat::Multipart
    } else if body.is_empty() && !query.is_empty() {
        TokenFormat::Query
    } else {
        all.extend(params(&String::from_utf8_lossy(&body)));
        TokenFormat::Form
    };
    Incoming {
        post,
        format,
        params: all,
        authorization: header("Authorization"),
        headers,
        url,
    }
}

fn multipart_fields(content_type: &str, body: Vec<u8>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return out;
    };
    let stream = futures_util::stream::once(async move {
        Ok::<bytes::Bytes, std::convert::Infallible>(bytes::Bytes::from(body))
    });
    let mut multipart = multer::Multipart::new(stream, boundary);
    futures_executor::block_on(async {
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_string();
            if let Ok(text) = field.text().await {
                out.insert(name, text);
            }
        }
    });
    out
}

/// Send `reply` as the answer to `request`.
pub(super) fn respond(request: tiny_http::Request, reply: Reply) {
    let mut response = tiny_http::Response::from_string(reply.body)
        .with_status_code(reply.status)
        .with_header(
            tiny_http::Header::from_bytes("Content-Type", reply.content_type).expect("static"),
        );
    for (name, value) in reply.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name, value.as_bytes()) {
            response = response.with_header(h);
        }
    }
    let _ = request.respond(response);
}

/// The pairs of a form-encoded string (a query or a form body).
pub(super) fn params(raw: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(raw.as_bytes())
        .into_owned()
        .collect()
}

/// `uri` with `pairs` added to its query.
pub(super) fn with_query(uri: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = url::Url::parse(uri).expect("validated redirect URI");
    url.query_pairs_mut().extend_pairs(pairs);
    url.to_string()
}

/// A plain HTML page: a title and a sentence.
pub(super) fn page(title: &str, message: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{t}</title></head><body><h1>{t}</h1><p>{m}</p></body></html>",
        t = html_escape::encode_text(title),
        m = html_escape::encode_text(message)
    )
}
