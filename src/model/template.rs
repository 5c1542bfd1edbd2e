//! `{placeholder}` templates, as catalog entries write parameters and URLs.

use std::collections::BTreeMap;

/// Replace `{name}` placeholders; a placeholder with no value is an error naming it.
pub fn fill(template: &str, values: &BTreeMap<&str, &str>) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 1..start + len];
        match values.get(name) {
            Some(value) => out.push_str(value),
            None => return Err(name.to_string()),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Replace the `{name}` placeholders `values` knows; leave the others as written.
pub fn fill_known(template: &str, values: &BTreeMap<&str, &str>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 1..start + len];
        out.push_str(&rest[..start]);
        match values.get(name) {
            Some(value) => out.push_str(value),
            None => out.push_str(&rest[start..start + len + 1]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_missing_ones_named() {
        let values = BTreeMap::from([("access_token", "AT"), ("client_secret", "S")]);
        assert_eq!(fill("{access_token}", &values).unwrap(), "AT");
        assert_eq!(fill("x={client_secret}&y", &values).unwrap(), "x=S&y");
        assert_eq!(fill("plain", &values).unwrap(), "plain");
        assert_eq!(fill("{device_id}", &values).unwrap_err(), "device_id");
        assert_eq!(
            fill_known("{access_token}:{device_id}", &values),
            "AT:{device_id}"
        );
    }
}
