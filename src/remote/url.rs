//! A store's address: `postgres://user:password@host:port/db?options`,
//! checked, and shown everywhere with its password masked.

use std::fmt;
use std::str::FromStr;

use super::error::StoreError;

/// What a masked password is shown as.
const MASK: &str = "***";

/// A parsed store URL. `Display` never shows the password (neither the
/// one after `user:` nor a `password=` option).
#[derive(Clone, PartialEq, Eq)]
pub struct StoreUrl {
    /// The URL as given (with its password): only for connecting.
    full: String,
    /// The URL as shown.
    masked: String,
}

impl StoreUrl {
    /// Parses `text`: `postgres://` or `postgresql://`; any other scheme,
    /// or text the PostgreSQL client cannot read, is an error naming the
    /// URL with its password masked.
    pub fn parse(text: &str) -> Result<StoreUrl, StoreError> {
        let text = text.trim();
        let masked = mask(text);
        let Some((scheme, _)) = text.split_once("://") else {
            return Err(StoreError::Scheme { url: masked });
        };
        if !matches!(scheme, "postgres" | "postgresql") {
            return Err(StoreError::Scheme { url: masked });
        }
        if let Err(e) = postgres::Config::from_str(text) {
            // The client's message may quote the text; say what is wrong
            // without it.
            let detail = mask_in(&e.to_string(), text);
            return Err(StoreError::Url {
                url: masked,
                detail,
            });
        }
        Ok(StoreUrl {
            full: text.to_string(),
            masked,
        })
    }

    /// The connection settings (password included).
    pub(super) fn config(&self) -> postgres::Config {
        // Parsed once already in `parse`.
        postgres::Config::from_str(&self.full).unwrap_or_default()
    }

    /// The URL as shown, password masked (the same as `Display`).
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// The database user the URL names (empty when it names none).
    pub fn user(&self) -> String {
        self.config().get_user().unwrap_or_default().to_string()
    }

    /// Hides this URL's password in any text (a server's message that
    /// might quote it).
    pub fn scrub(&self, text: &str) -> String {
        mask_in(text, &self.full)
    }
}

impl fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked)
    }
}

impl fmt::Debug for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StoreUrl({})", self.masked)
    }
}

impl FromStr for StoreUrl {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<StoreUrl, StoreError> {
        StoreUrl::parse(s)
    }
}

/// `text` with the password of URL `url` (both forms) replaced by `***`.
fn mask_in(text: &str, url: &str) -> String {
    let mut out = text.replace(url, &mask(url));
    for secret in passwords(url) {
        if !secret.is_empty() {
            out = out.replace(&secret, MASK);
        }
    }
    out
}

/// The passwords a URL holds: after `user:` and in `password=` options,
/// as written and percent-decoded.
fn passwords(url: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some((_, rest)) = url.split_once("://") {
        let authority = rest.split(['/', '?']).next().unwrap_or("");
        if let Some((userinfo, _)) = authority.rsplit_once('@')
            && let Some((_, password)) = userinfo.split_once(':')
        {
            found.push(password.to_string());
        }
    }
    if let Some((_, query)) = url.split_once('?') {
        for pair in query.split('&') {
            if let Some(value) = pair.strip_prefix("password=") {
                found.push(value.to_string());
            }
        }
    }
    let decoded: Vec<String> = found.iter().map(|p| percent_decode(p)).collect();
    found.extend(decoded);
    found.sort_by_key(|p| std::cmp::Reverse(p.len()));
    found
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL with its passwords replaced by `***`.
fn mask(url: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (url, None),
    };
    let mut out = match head.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = match rest.find('/') {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let authority = match authority.rsplit_once('@') {
                Some((userinfo, host)) => match userinfo.split_once(':') {
                    Some((user, _)) => format!("{user}:{MASK}@{host}"),
                    None => authority.to_string(),
                },
                None => authority.to_string(),
            };
            format!("{scheme}://{authority}{path}")
        }
        None => head.to_string(),
    };
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some(("password", _)) => format!("password={MASK}"),
                _ => pair.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_masked_in_both_places() {
        let url = StoreUrl::parse(
            "postgres://ann:s3cr%21t@db.example:5433/duban?password=other&sslmode=disable",
        )
        .expect("a URL");
        let shown = url.to_string();
        assert_eq!(
            shown,
            "postgres://ann:***@db.example:5433/duban?password=***&sslmode=disable"
        );
        assert_eq!(url.user(), "ann");
        let scrubbed = url.scrub("failed for s3cr!t and s3cr%21t and other");
        assert_eq!(scrubbed, "failed for *** and *** and ***");
    }

    #[test]
    fn a_url_without_a_password_shows_as_given() {
        let url = StoreUrl::parse("postgresql://ann@localhost/duban").expect("a URL");
        assert_eq!(url.masked(), "postgresql://ann@localhost/duban");
    }

    #[test]
    fn another_scheme_is_refused_without_the_password() {
        let err = StoreUrl::parse("mysql://ann:hunter2@db/duban").expect_err("refused");
        let text = err.to_string();
        assert!(text.contains("mysql://ann:***@db/duban"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(matches!(
            StoreUrl::parse("just-a-name"),
            Err(StoreError::Scheme { .. })
        ));
    }
}
