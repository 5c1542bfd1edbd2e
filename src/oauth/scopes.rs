//! Scope lists: parsing the forms providers use and comparing granted with requested.

use serde_json::Value;

/// Split a scope string written with spaces, commas or `+` (and percent-encoded forms),
/// the way Postiz's `checkScopes` accepts them.
pub fn parse_list(raw: &str) -> Vec<String> {
    let decoded = percent_decode(raw);
    let mut out: Vec<String> = Vec::new();
    for scope in decoded.split([' ', ',', '+', '\t', '\n']) {
        let scope = scope.trim();
        if !scope.is_empty() && !out.iter().any(|s| s == scope) {
            out.push(scope.to_string());
        }
    }
    out
}

/// Scopes from a token-response `scope` value: a string (any separator) or a JSON array.
pub fn parse_value(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(s) => Some(parse_list(s)),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .flat_map(parse_list)
                .collect(),
        ),
        _ => None,
    }
}

/// The requested scopes that were not granted, in request order.
pub fn missing(requested: &[String], granted: &[String]) -> Vec<String> {
    requested
        .iter()
        .filter(|r| !granted.iter().any(|g| g == *r))
        .cloned()
        .collect()
}

/// `%XX` escapes decoded; `+` stays a plus (it separates scopes).
fn percent_decode(raw: &str) -> String {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn separators() {
        let want = vec!["a", "b:c", "d.e"];
        assert_eq!(parse_list("a b:c d.e"), want);
        assert_eq!(parse_list("a,b:c,d.e"), want);
        assert_eq!(parse_list("a, b:c , d.e"), want);
        assert_eq!(parse_list("a+b:c+d.e"), want);
        assert_eq!(parse_list("a%20b%3Ac%2Cd.e"), want);
        assert_eq!(parse_list("  "), Vec::<String>::new());
        assert_eq!(parse_list("a a"), vec!["a"]);
    }

    #[test]
    fn json_forms() {
        assert_eq!(parse_value(&json!("x y")).unwrap(), vec!["x", "y"]);
        assert_eq!(parse_value(&json!(["x", "y"])).unwrap(), vec!["x", "y"]);
        assert_eq!(parse_value(&json!(null)), None);
    }

    #[test]
    fn missing_keeps_request_order() {
        let req: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let got: Vec<String> = ["c", "a"].map(String::from).to_vec();
        assert_eq!(missing(&req, &got), vec!["b"]);
        assert!(missing(&req, &req).is_empty());
    }
}
