//! Who issued the certificate a host presents: a handshake that records the chain
//! without trusting it (nothing is sent after it), so a TLS-intercepting proxy or a
//! self-signed certificate can be named instead of a bare "TLS handshake failed".

use std::io::ErrorKind;
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

/// The presented end-entity certificate, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    pub subject: String,
    pub issuer: String,
    pub self_signed: bool,
}

/// Products that re-sign TLS traffic with their own CA, by a word in the issuer's name.
const INTERCEPTORS: &[(&str, &str)] = &[
    ("zscaler", "Zscaler"),
    ("netskope", "Netskope"),
    ("fortinet", "Fortinet FortiGate"),
    ("fortigate", "Fortinet FortiGate"),
    ("palo alto", "Palo Alto Networks"),
    ("blue coat", "Blue Coat / Symantec ProxySG"),
    ("bluecoat", "Blue Coat / Symantec ProxySG"),
    ("sophos", "Sophos"),
    ("cisco umbrella", "Cisco Umbrella"),
    ("opendns", "Cisco Umbrella"),
    ("forcepoint", "Forcepoint"),
    ("websense", "Forcepoint"),
    ("checkpoint", "Check Point"),
    ("check point", "Check Point"),
    ("barracuda", "Barracuda"),
    ("kaspersky", "Kaspersky"),
    ("avast", "Avast / AVG web shield"),
    ("eset", "ESET"),
    ("bitdefender", "Bitdefender"),
    ("mitmproxy", "mitmproxy"),
    ("charles proxy", "Charles Proxy"),
    ("fiddler", "Fiddler"),
    ("portswigger", "Burp Suite"),
    ("burp", "Burp Suite"),
];

impl Presented {
    /// The interception product the issuer names, if any.
    pub fn interceptor(&self) -> Option<&'static str> {
        let issuer = self.issuer.to_lowercase();
        INTERCEPTORS
            .iter()
            .find(|(word, _)| issuer.contains(word))
            .map(|(_, product)| *product)
    }
}

/// A TLS handshake over `stream` (already connected, through a proxy's tunnel or not)
/// for `host`, describing the certificate presented. Gives up at `deadline`.
pub fn handshake(
    mut stream: TcpStream,
    host: &str,
    deadline: Instant,
) -> Result<Presented, String> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err("no time left for the handshake".into());
    }
    stream.set_read_timeout(Some(left)).ok();
    stream.set_write_timeout(Some(left)).ok();
    let recorder = Arc::new(Recorder::default());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let name = ServerName::try_from(host.trim_matches(['[', ']']).to_string())
        .map_err(|e| e.to_string())?;
    let mut conn =
        rustls::ClientConnection::new(Arc::new(config), name).map_err(|e| e.to_string())?;
    while conn.is_handshaking() {
        if Instant::now() > deadline {
            return Err("the handshake timed out".into());
        }
        match conn.complete_io(&mut stream) {
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock => continue,
            Err(e) if e.kind() == ErrorKind::TimedOut => {
                return Err("the handshake timed out".into())
            }
            Err(e) => {
                // The chain may have been seen before a later failure.
                if recorder.chain.lock().map(|c| c.is_empty()).unwrap_or(true) {
                    return Err(e.to_string());
                }
                break;
            }
        }
    }
    let chain = recorder.chain.lock().map_err(|_| "poisoned")?.clone();
    let leaf = chain.first().ok_or("the server sent no certificate")?;
    describe(leaf)
}

fn describe(der: &[u8]) -> Result<Presented, String> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|e| e.to_string())?;
    let issuer = cert.issuer();
    Ok(Presented {
        subject: cert.subject().to_string(),
        issuer: issuer.to_string(),
        self_signed: cert.subject() == issuer,
    })
}

/// Accepts any certificate and keeps the chain: used only to read it, never to send data.
#[derive(Debug, Default)]
struct Recorder {
    chain: Mutex<Vec<Vec<u8>>>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut chain) = self.chain.lock() {
            chain.push(end_entity.to_vec());
            chain.extend(intermediates.iter().map(|c| c.to_vec()));
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        rustls::crypto::ring::default_provider()
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interceptors_are_named_by_issuer() {
        let p = |issuer: &str| Presented {
            subject: "CN=api.x.com".into(),
            issuer: issuer.into(),
            self_signed: false,
        };
        assert_eq!(
            p("CN=Zscaler Intermediate Root CA, O=Zscaler Inc.").interceptor(),
            Some("Zscaler")
        );
        assert_eq!(
            p("CN=mitmproxy, O=mitmproxy").interceptor(),
            Some("mitmproxy")
        );
        assert_eq!(p("CN=R11, O=Let's Encrypt, C=US").interceptor(), None);
    }
}
