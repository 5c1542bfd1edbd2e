//! The pages the loopback listener serves. Everything echoed is HTML-escaped; pages load
//! nothing from outside and send no referrer.

/// What a page tells the person in the browser.
#[derive(Debug, Clone)]
pub struct Page {
    pub ok: bool,
    pub title: String,
    pub message: String,
    pub detail: Option<String>,
}

impl Page {
    pub fn success(message: impl Into<String>) -> Page {
        Page {
            ok: true,
            title: "Connected".into(),
            message: message.into(),
            detail: None,
        }
    }

    pub fn failure(
        title: impl Into<String>,
        message: impl Into<String>,
        detail: Option<String>,
    ) -> Page {
        Page {
            ok: false,
            title: title.into(),
            message: message.into(),
            detail,
        }
    }

    pub fn render(&self) -> String {
        let esc = |s: &str| html_escape::encode_text(s).into_owned();
        let colour = if self.ok { "#1a7f37" } else { "#cf222e" };
        let detail = self
            .detail
            .as_deref()
            .map(|d| format!("<pre>{}</pre>", esc(d)))
            .unwrap_or_default();
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>postiz-connect: {title}</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2328}}\
h1{{color:{colour}}}pre{{background:#f6f8fa;padding:1rem;white-space:pre-wrap;word-break:break-word}}</style>\
</head><body><h1>{title}</h1><p id=\"message\">{message}</p>{detail}\
<p>Return to the terminal: postiz-connect has the details. You can close this tab.</p>\
</body></html>\n",
            title = esc(&self.title),
            // A list in the message (the pages to choose from) stays one item a line.
            message = esc(&self.message).replace('\n', "<br>\n"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_echoed() {
        let page = Page::failure(
            "<script>t</script>",
            "error=<img src=x onerror=alert(1)>",
            Some("\"'&<>".into()),
        )
        .render();
        assert!(!page.contains("<script>t"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("&lt;img"));
        assert!(page.contains("Return to the terminal"));
    }
}
