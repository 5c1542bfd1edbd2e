//! An id_token is validated before its claims name an account (OpenID Connect Core
//! §3.1.3.7): `iss` is the issuer the client talked to, `aud` contains the client id, it
//! has not expired, and, when the server publishes its keys (`jwks_uri`), its signature
//! verifies. Claims of a token that fails any of these are never used.

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{DecodingKey, Validation};
use serde_json::Value;

use crate::error::Error;
use crate::http::HttpClient;

/// What the token must say.
pub struct Expect<'a> {
    /// The issuer from discovery or the catalog; `None`: not checked.
    pub issuer: Option<&'a str>,
    pub client_id: &'a str,
}

/// Clock skew tolerated on `exp`, as most OIDC libraries do.
const LEEWAY_SECS: u64 = 60;

/// The server's published keys (a JWK Set, RFC 7517 §5).
pub fn fetch_keys(url: &str, http: &HttpClient) -> Result<JwkSet, Error> {
    let response = http.get(url, None, &[])?;
    let status = response.status().as_u16();
    let invalid = |why: String| Error::Rejected {
        what: format!("the server's signing keys at {url} cannot be used: {why}"),
        fix: "check the server's jwks_uri; without its keys the id_token cannot be trusted".into(),
    };
    if status != 200 {
        return Err(invalid(format!("HTTP {status}")));
    }
    serde_json::from_slice(response.body()).map_err(|e| invalid(e.to_string()))
}

/// The claims of `jwt` once it passes every check; an error names the claim that failed.
/// Without `keys` the signature is not checked (the token came straight from the token
/// endpoint over TLS, which OIDC Core §3.1.3.7 allows), the claims still are.
pub fn validated_claims(jwt: &str, expect: &Expect, keys: Option<&JwkSet>) -> Result<Value, Error> {
    let fail = |claim: &str, why: String| {
        Error::Rejected {
        what: format!("the id_token was refused: {claim}: {why}"),
        fix: "the token may come from another server or client: check --issuer and --client-id, then connect again".into(),
    }
    };
    let header = jsonwebtoken::decode_header(jwt)
        .map_err(|e| fail("header", format!("not a signed JWT ({e})")))?;
    let mut validation = Validation::new(header.alg);
    validation.set_audience(&[expect.client_id]);
    // jsonwebtoken checks iss and aud only when present: they are required here (OIDC
    // Core §2 makes iss, sub, aud and exp mandatory).
    let mut required = vec!["exp", "aud", "sub"];
    if let Some(issuer) = expect.issuer {
        validation.set_issuer(&[issuer]);
        required.push("iss");
    }
    validation.set_required_spec_claims(&required);
    validation.leeway = LEEWAY_SECS;
    let key = match keys {
        Some(keys) => {
            let jwk = match header.kid.as_deref() {
                Some(kid) => keys.find(kid),
                None if keys.keys.len() == 1 => keys.keys.first(),
                None => None,
            }
            .ok_or_else(|| {
                fail(
                    "kid",
                    format!(
                        "no key {} in the server's key set",
                        header.kid.as_deref().unwrap_or("(none named)")
                    ),
                )
            })?;
            DecodingKey::from_jwk(jwk).map_err(|e| fail("kid", e.to_string()))?
        }
        None => {
            validation.insecure_disable_signature_validation();
            DecodingKey::from_secret(&[])
        }
    };
    jsonwebtoken::decode::<Value>(jwt, &key, &validation)
        .map(|data| data.claims)
        .map_err(|e| match e.kind() {
            ErrorKind::InvalidIssuer => fail(
                "iss",
                format!("not the issuer {}", expect.issuer.unwrap_or("expected")),
            ),
            ErrorKind::InvalidAudience => fail(
                "aud",
                format!("does not contain the client id {}", expect.client_id),
            ),
            ErrorKind::ExpiredSignature => fail("exp", "expired".into()),
            ErrorKind::InvalidSignature => fail(
                "signature",
                "does not verify with the server's published key".into(),
            ),
            ErrorKind::MissingRequiredClaim(claim) => fail(claim, "missing".into()),
            ErrorKind::InvalidAlgorithm => {
                fail("alg", format!("{:?} does not match the key", header.alg))
            }
            _ => fail("payload", e.to_string()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
    use serde_json::json;

    const SECRET: &[u8] = b"a shared secret only these tests know";

    fn token(claims: Value) -> String {
        encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(SECRET),
        )
        .unwrap()
    }

    fn later() -> i64 {
        chrono::Utc::now().timestamp() + 600
    }

    fn expect() -> Expect<'static> {
        Expect {
            issuer: Some("https://issuer.example"),
            client_id: "cid",
        }
    }

    fn refused_for(claims: Value) -> String {
        validated_claims(&token(claims), &expect(), None)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn claims_are_checked_and_each_failure_names_its_claim() {
        let good =
            json!({"iss": "https://issuer.example", "aud": "cid", "exp": later(), "sub": "alice"});
        let claims = validated_claims(&token(good), &expect(), None).unwrap();
        assert_eq!(claims["sub"], "alice");
        let in_list = json!({"iss": "https://issuer.example", "aud": ["other", "cid"], "exp": later(), "sub": "a"});
        assert!(validated_claims(&token(in_list), &expect(), None).is_ok());

        let wrong_iss = refused_for(
            json!({"iss": "https://evil.example", "aud": "cid", "exp": later(), "sub": "a"}),
        );
        assert!(wrong_iss.contains("iss"), "{wrong_iss}");
        let wrong_aud = refused_for(
            json!({"iss": "https://issuer.example", "aud": "else", "exp": later(), "sub": "a"}),
        );
        assert!(
            wrong_aud.contains("aud") && wrong_aud.contains("cid"),
            "{wrong_aud}"
        );
        let expired = refused_for(
            json!({"iss": "https://issuer.example", "aud": "cid", "exp": 1000, "sub": "a"}),
        );
        assert!(expired.contains("exp"), "{expired}");
        let no_exp =
            refused_for(json!({"iss": "https://issuer.example", "aud": "cid", "sub": "a"}));
        assert!(no_exp.contains("exp"), "{no_exp}");
        let no_iss = refused_for(json!({"aud": "cid", "exp": later(), "sub": "a"}));
        assert!(no_iss.contains("iss"), "{no_iss}");
        let no_aud =
            refused_for(json!({"iss": "https://issuer.example", "exp": later(), "sub": "a"}));
        assert!(no_aud.contains("aud"), "{no_aud}");
        let garbage = validated_claims("not.a.jwt", &expect(), None).unwrap_err();
        assert!(garbage.to_string().contains("header"), "{garbage}");
    }

    #[test]
    fn a_signature_is_verified_against_the_published_key() {
        let jwks: JwkSet = serde_json::from_value(json!({"keys": [{
            "kty": "oct", "kid": "k1", "alg": "HS256",
            "k": base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, SECRET)
        }]}))
        .unwrap();
        let claims =
            json!({"iss": "https://issuer.example", "aud": "cid", "exp": later(), "sub": "a"});
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("k1".into());
        let signed = encode(&header, &claims, &EncodingKey::from_secret(SECRET)).unwrap();
        assert!(validated_claims(&signed, &expect(), Some(&jwks)).is_ok());
        let forged = encode(&header, &claims, &EncodingKey::from_secret(b"forger")).unwrap();
        let err = validated_claims(&forged, &expect(), Some(&jwks)).unwrap_err();
        assert!(err.to_string().contains("signature"), "{err}");
        header.kid = Some("k9".into());
        let unknown = encode(&header, &claims, &EncodingKey::from_secret(SECRET)).unwrap();
        let err = validated_claims(&unknown, &expect(), Some(&jwks)).unwrap_err();
        assert!(err.to_string().contains("k9"), "{err}");
    }
}
