
use builtin;
use str;

set edit:completion:arg-completer[postiz-connect] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'postiz-connect'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'postiz-connect'= {
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show the stored channels'
            cand token 'Print a channel''s access token, for scripts (refreshed first when expired)'
            cand refresh 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires'
            cand restore 'Store the tokens of a recovery file (written when a refresh could not save them)'
            cand logout 'Revoke a channel''s tokens at the provider and delete them here'
            cand providers 'List the providers in the catalog'
            cand sandbox 'Run a local emulation of a provider''s OAuth endpoints, until Ctrl-C'
            cand completions 'Print a shell completion script'
            cand connect 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)'
            cand custom 'Connect a channel: Any OAuth 2.0 / OpenID Connect server'
            cand twitter 'Connect a channel: X (Twitter)'
            cand x 'Connect a channel: X (Twitter)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'postiz-connect;status'= {
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;token'= {
            cand --no-refresh 'Print the stored token even if it has expired; never refresh'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;refresh'= {
            cand --within 'Due when the access token expires within this window (Postiz refreshes 1 hour ahead)'
            cand --jobs 'How many channels to refresh at once'
            cand --all 'Every stored channel that is due'
            cand --force 'Refresh even if not due'
            cand --dry-run 'Say what would be refreshed; change nothing'
            cand --watch 'Keep running: refresh each channel when it becomes due, until Ctrl-C'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;restore'= {
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;logout'= {
            cand --local-only 'Delete the local copy without revoking at the provider'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;providers'= {
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;sandbox'= {
            cand --provider 'The provider to emulate (its catalog entry drives the emulation)'
            cand --port 'Listen on this port of 127.0.0.1 (default: a random free port)'
            cand --fault 'Inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop'
            cand --access-ttl 'Access-token lifetime'
            cand --auto-approve 'Approve at once instead of showing the consent page'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;completions'= {
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;connect'= {
            cand --client-id 'OAuth client id (default: the provider''s environment variable, see `providers`)'
            cand --client-secret 'OAuth client secret; omit for a public client (prefer the environment variable)'
            cand --client-auth 'How the client authenticates at the token endpoint'
            cand --env-file 'Read credentials from a Postiz .env file'
            cand --scopes 'Scopes to request instead of the provider''s defaults (space or comma separated)'
            cand --issuer 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata'
            cand --auth-url 'Authorization endpoint (overrides the catalog)'
            cand --token-url 'Token endpoint (overrides the catalog)'
            cand --userinfo-url 'Endpoint that names the account (OIDC userinfo or the provider''s "me")'
            cand --revoke-url 'RFC 7009 revocation endpoint, used by `logout`'
            cand --port 'Listen on this port of 127.0.0.1 (default: a random free port)'
            cand --redirect-uri 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)'
            cand --timeout 'Give up waiting for the browser after this long'
            cand --fault 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop'
            cand --no-browser 'Do not open a browser; print the URL to open'
            cand --paste 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
            cand --insecure-storage 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
            cand --keychain 'Store in the OS keychain, undoing a remembered --insecure-storage'
            cand --sandbox 'Connect against a local emulation of the provider: no account or credentials needed'
            cand --auto-approve 'With --sandbox: approve at once instead of showing the consent page'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;custom'= {
            cand --client-id 'OAuth client id (default: the provider''s environment variable, see `providers`)'
            cand --client-secret 'OAuth client secret; omit for a public client (prefer the environment variable)'
            cand --client-auth 'How the client authenticates at the token endpoint'
            cand --env-file 'Read credentials from a Postiz .env file'
            cand --scopes 'Scopes to request instead of the provider''s defaults (space or comma separated)'
            cand --issuer 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata'
            cand --auth-url 'Authorization endpoint (overrides the catalog)'
            cand --token-url 'Token endpoint (overrides the catalog)'
            cand --userinfo-url 'Endpoint that names the account (OIDC userinfo or the provider''s "me")'
            cand --revoke-url 'RFC 7009 revocation endpoint, used by `logout`'
            cand --port 'Listen on this port of 127.0.0.1 (default: a random free port)'
            cand --redirect-uri 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)'
            cand --timeout 'Give up waiting for the browser after this long'
            cand --fault 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop'
            cand --no-browser 'Do not open a browser; print the URL to open'
            cand --paste 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
            cand --insecure-storage 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
            cand --keychain 'Store in the OS keychain, undoing a remembered --insecure-storage'
            cand --sandbox 'Connect against a local emulation of the provider: no account or credentials needed'
            cand --auto-approve 'With --sandbox: approve at once instead of showing the consent page'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;twitter'= {
            cand --client-id 'OAuth client id (default: the provider''s environment variable, see `providers`)'
            cand --client-secret 'OAuth client secret; omit for a public client (prefer the environment variable)'
            cand --client-auth 'How the client authenticates at the token endpoint'
            cand --env-file 'Read credentials from a Postiz .env file'
            cand --scopes 'Scopes to request instead of the provider''s defaults (space or comma separated)'
            cand --issuer 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata'
            cand --auth-url 'Authorization endpoint (overrides the catalog)'
            cand --token-url 'Token endpoint (overrides the catalog)'
            cand --userinfo-url 'Endpoint that names the account (OIDC userinfo or the provider''s "me")'
            cand --revoke-url 'RFC 7009 revocation endpoint, used by `logout`'
            cand --port 'Listen on this port of 127.0.0.1 (default: a random free port)'
            cand --redirect-uri 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)'
            cand --timeout 'Give up waiting for the browser after this long'
            cand --fault 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop'
            cand --no-browser 'Do not open a browser; print the URL to open'
            cand --paste 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
            cand --insecure-storage 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
            cand --keychain 'Store in the OS keychain, undoing a remembered --insecure-storage'
            cand --sandbox 'Connect against a local emulation of the provider: no account or credentials needed'
            cand --auto-approve 'With --sandbox: approve at once instead of showing the consent page'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;x'= {
            cand --client-id 'OAuth client id (default: the provider''s environment variable, see `providers`)'
            cand --client-secret 'OAuth client secret; omit for a public client (prefer the environment variable)'
            cand --client-auth 'How the client authenticates at the token endpoint'
            cand --env-file 'Read credentials from a Postiz .env file'
            cand --scopes 'Scopes to request instead of the provider''s defaults (space or comma separated)'
            cand --issuer 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata'
            cand --auth-url 'Authorization endpoint (overrides the catalog)'
            cand --token-url 'Token endpoint (overrides the catalog)'
            cand --userinfo-url 'Endpoint that names the account (OIDC userinfo or the provider''s "me")'
            cand --revoke-url 'RFC 7009 revocation endpoint, used by `logout`'
            cand --port 'Listen on this port of 127.0.0.1 (default: a random free port)'
            cand --redirect-uri 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)'
            cand --timeout 'Give up waiting for the browser after this long'
            cand --fault 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop'
            cand --no-browser 'Do not open a browser; print the URL to open'
            cand --paste 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
            cand --insecure-storage 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
            cand --keychain 'Store in the OS keychain, undoing a remembered --insecure-storage'
            cand --sandbox 'Connect against a local emulation of the provider: no account or credentials needed'
            cand --auto-approve 'With --sandbox: approve at once instead of showing the consent page'
            cand --json 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand --verbose 'Show each HTTP exchange, with tokens, codes and secrets masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'postiz-connect;help'= {
            cand status 'Show the stored channels'
            cand token 'Print a channel''s access token, for scripts (refreshed first when expired)'
            cand refresh 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires'
            cand restore 'Store the tokens of a recovery file (written when a refresh could not save them)'
            cand logout 'Revoke a channel''s tokens at the provider and delete them here'
            cand providers 'List the providers in the catalog'
            cand sandbox 'Run a local emulation of a provider''s OAuth endpoints, until Ctrl-C'
            cand completions 'Print a shell completion script'
            cand connect 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)'
            cand custom 'Connect a channel: Any OAuth 2.0 / OpenID Connect server'
            cand twitter 'Connect a channel: X (Twitter)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'postiz-connect;help;status'= {
        }
        &'postiz-connect;help;token'= {
        }
        &'postiz-connect;help;refresh'= {
        }
        &'postiz-connect;help;restore'= {
        }
        &'postiz-connect;help;logout'= {
        }
        &'postiz-connect;help;providers'= {
        }
        &'postiz-connect;help;sandbox'= {
        }
        &'postiz-connect;help;completions'= {
        }
        &'postiz-connect;help;connect'= {
        }
        &'postiz-connect;help;custom'= {
        }
        &'postiz-connect;help;twitter'= {
        }
        &'postiz-connect;help;help'= {
        }
    ]
    $completions[$command]
}
