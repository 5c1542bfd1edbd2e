
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'postiz-connect' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'postiz-connect'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'postiz-connect' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the stored channels')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a channel''s access token, for scripts (refreshed first when expired)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Store the tokens of a recovery file (written when a refresh could not save them)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke a channel''s tokens at the provider and delete them here')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers in the catalog')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Find the cause of a failing connection and print the fix')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulation of a provider''s OAuth endpoints, until Ctrl-C')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)')
            [CompletionResult]::new('custom', 'custom', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('discord', 'discord', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('kick', 'kick', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('linkedin', 'linkedin', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('mastodon', 'mastodon', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('pinterest', 'pinterest', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('reddit', 'reddit', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('slack', 'slack', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('twitter', 'twitter', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('x', 'x', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postiz-connect;status' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;token' {
            [CompletionResult]::new('--no-refresh', '--no-refresh', [CompletionResultType]::ParameterName, 'Print the stored token even if it has expired; never refresh')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;refresh' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Due when the access token expires within this window (Postiz refreshes 1 hour ahead)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many channels to refresh at once')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every stored channel that is due')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Refresh even if not due')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be refreshed; change nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running: refresh each channel when it becomes due, until Ctrl-C')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;restore' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;logout' {
            [CompletionResult]::new('--local-only', '--local-only', [CompletionResultType]::ParameterName, 'Delete the local copy without revoking at the provider')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;providers' {
            [CompletionResult]::new('--frontend-url', '--frontend-url', [CompletionResultType]::ParameterName, 'Also show the redirect URI Postiz sends for this FRONTEND_URL')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Take FRONTEND_URL (and X_URL) from a Postiz .env')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;doctor' {
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'The redirect URI the app sends, to compare with --registered')
            [CompletionResult]::new('--registered', '--registered', [CompletionResultType]::ParameterName, 'A redirect URI registered in the provider''s console (repeatable)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the browser ended on, to explain')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of each network probe (they run at once)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Skip every network check')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;sandbox' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The provider to emulate (its catalog entry drives the emulation)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--access-ttl', '--access-ttl', [CompletionResultType]::ParameterName, 'Access-token lifetime')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;completions' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;connect' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;custom' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;discord' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;kick' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;linkedin' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;mastodon' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;pinterest' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;reddit' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;slack' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;twitch' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;twitter' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;x' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read credentials (and FRONTEND_URL) from a Postiz .env file')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'With --sandbox: inject a fault (repeatable): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'With --sandbox: approve at once instead of showing the consent page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'postiz-connect;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the stored channels')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a channel''s access token, for scripts (refreshed first when expired)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Store the tokens of a recovery file (written when a refresh could not save them)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke a channel''s tokens at the provider and delete them here')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers in the catalog')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Find the cause of a failing connection and print the fix')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulation of a provider''s OAuth endpoints, until Ctrl-C')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)')
            [CompletionResult]::new('custom', 'custom', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('discord', 'discord', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('kick', 'kick', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('linkedin', 'linkedin', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('mastodon', 'mastodon', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('pinterest', 'pinterest', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('reddit', 'reddit', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('slack', 'slack', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('twitter', 'twitter', [CompletionResultType]::ParameterValue, 'Which client and which endpoints: shared by connecting and `doctor`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postiz-connect;help;status' {
            break
        }
        'postiz-connect;help;token' {
            break
        }
        'postiz-connect;help;refresh' {
            break
        }
        'postiz-connect;help;restore' {
            break
        }
        'postiz-connect;help;logout' {
            break
        }
        'postiz-connect;help;providers' {
            break
        }
        'postiz-connect;help;doctor' {
            break
        }
        'postiz-connect;help;sandbox' {
            break
        }
        'postiz-connect;help;completions' {
            break
        }
        'postiz-connect;help;connect' {
            break
        }
        'postiz-connect;help;custom' {
            break
        }
        'postiz-connect;help;discord' {
            break
        }
        'postiz-connect;help;kick' {
            break
        }
        'postiz-connect;help;linkedin' {
            break
        }
        'postiz-connect;help;mastodon' {
            break
        }
        'postiz-connect;help;pinterest' {
            break
        }
        'postiz-connect;help;reddit' {
            break
        }
        'postiz-connect;help;slack' {
            break
        }
        'postiz-connect;help;twitch' {
            break
        }
        'postiz-connect;help;twitter' {
            break
        }
        'postiz-connect;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
