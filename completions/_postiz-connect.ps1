
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
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Store the tokens of a recovery file (written when a refresh could not save them)')
            [CompletionResult]::new('postiz', 'postiz', [CompletionResultType]::ParameterValue, 'See inside a self-hosted Postiz: its channels'' health and its connects; repair a channel')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Find the cause of a failing connection and print the fix')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers in the catalog')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulation of a provider''s OAuth endpoints, until Ctrl-C')
            [CompletionResult]::new('custom', 'custom', [CompletionResultType]::ParameterValue, 'Connect a channel: Any OAuth 2.0 / OpenID Connect server')
            [CompletionResult]::new('discord', 'discord', [CompletionResultType]::ParameterValue, 'Connect a channel: Discord')
            [CompletionResult]::new('dribbble', 'dribbble', [CompletionResultType]::ParameterValue, 'Connect a channel: Dribbble')
            [CompletionResult]::new('facebook', 'facebook', [CompletionResultType]::ParameterValue, 'Connect a channel: Facebook Page')
            [CompletionResult]::new('gmb', 'gmb', [CompletionResultType]::ParameterValue, 'Connect a channel: Google Business Profile')
            [CompletionResult]::new('instagram', 'instagram', [CompletionResultType]::ParameterValue, 'Connect a channel: Instagram (Facebook Business login)')
            [CompletionResult]::new('instagram-standalone', 'instagram-standalone', [CompletionResultType]::ParameterValue, 'Connect a channel: Instagram (Instagram login)')
            [CompletionResult]::new('kick', 'kick', [CompletionResultType]::ParameterValue, 'Connect a channel: Kick')
            [CompletionResult]::new('linkedin', 'linkedin', [CompletionResultType]::ParameterValue, 'Connect a channel: LinkedIn')
            [CompletionResult]::new('linkedin-page', 'linkedin-page', [CompletionResultType]::ParameterValue, 'Connect a channel: LinkedIn Page')
            [CompletionResult]::new('mastodon', 'mastodon', [CompletionResultType]::ParameterValue, 'Connect a channel: Mastodon')
            [CompletionResult]::new('pinterest', 'pinterest', [CompletionResultType]::ParameterValue, 'Connect a channel: Pinterest')
            [CompletionResult]::new('reddit', 'reddit', [CompletionResultType]::ParameterValue, 'Connect a channel: Reddit')
            [CompletionResult]::new('slack', 'slack', [CompletionResultType]::ParameterValue, 'Connect a channel: Slack')
            [CompletionResult]::new('threads', 'threads', [CompletionResultType]::ParameterValue, 'Connect a channel: Threads')
            [CompletionResult]::new('tiktok', 'tiktok', [CompletionResultType]::ParameterValue, 'Connect a channel: TikTok')
            [CompletionResult]::new('tiktok-business', 'tiktok-business', [CompletionResultType]::ParameterValue, 'Connect a channel: TikTok Business')
            [CompletionResult]::new('tumblr', 'tumblr', [CompletionResultType]::ParameterValue, 'Connect a channel: Tumblr')
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Connect a channel: Twitch')
            [CompletionResult]::new('twitter', 'twitter', [CompletionResultType]::ParameterValue, 'Connect a channel: X (Twitter)')
            [CompletionResult]::new('x', 'x', [CompletionResultType]::ParameterValue, 'Connect a channel: X (Twitter)')
            [CompletionResult]::new('vk', 'vk', [CompletionResultType]::ParameterValue, 'Connect a channel: VK')
            [CompletionResult]::new('whop', 'whop', [CompletionResultType]::ParameterValue, 'Connect a channel: Whop')
            [CompletionResult]::new('youtube', 'youtube', [CompletionResultType]::ParameterValue, 'Connect a channel: YouTube')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a channel''s access token, for scripts (refreshed first when expired)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke a channel''s tokens at the provider and delete them here')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires')
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
        'postiz-connect;restore' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say which channel the file would restore, and where; write nothing')
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
        'postiz-connect;postiz' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout (errors as JSON on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each HTTP exchange, with tokens, codes and secrets masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every channel''s health, grouped by organization, the connects in progress, and Postiz''s engine (Temporal)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh channels of the deployment in place, with its own client credentials (writes their rows)')
            [CompletionResult]::new('adopt', 'adopt', [CompletionResultType]::ParameterValue, 'Hand a channel connected by this tool to the deployment: write its row as Postiz''s own connect does')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put the tokens of a record `postiz refresh` kept aside back into their row')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postiz-connect;postiz;status' {
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Postiz''s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Postiz''s Redis (default: REDIS_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--temporal-address', '--temporal-address', [CompletionResultType]::ParameterName, 'Postiz''s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up reaching the database, Redis or Temporal after this long')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Only this organization, by name or id')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List every channel (above 30, the healthy ones are otherwise counted per organization and provider)')
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
        'postiz-connect;postiz;watch' {
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Postiz''s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Postiz''s Redis (default: REDIS_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--temporal-address', '--temporal-address', [CompletionResultType]::ParameterName, 'Postiz''s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up reaching the database, Redis or Temporal after this long')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Only this organization, by name or id')
            [CompletionResult]::new('--stop-after', '--stop-after', [CompletionResultType]::ParameterName, 'Stop after this long (default: until Ctrl-C)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deprecated spelling of --stop-after')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'A state consumed with no channel row written within this long is a failed token exchange')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often Redis and the channel rows are read')
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
        'postiz-connect;postiz;refresh' {
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Postiz''s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Postiz''s Redis (default: REDIS_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--temporal-address', '--temporal-address', [CompletionResultType]::ParameterName, 'Postiz''s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up reaching the database, Redis or Temporal after this long')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The deployment''s client id (default: the provider''s variable in --env-file, then the environment)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'The deployment''s client secret (default: as --client-id)')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would change; call no provider, write nothing')
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
        'postiz-connect;postiz;adopt' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The organization to add it to, by name or id')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Postiz''s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Postiz''s Redis (default: REDIS_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--temporal-address', '--temporal-address', [CompletionResultType]::ParameterName, 'Postiz''s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up reaching the database, Redis or Temporal after this long')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the row it would write (secrets masked); write nothing')
            [CompletionResult]::new('--replace-tokens', '--replace-tokens', [CompletionResultType]::ParameterName, 'Replace an existing row''s tokens that differ from the channel''s (the replaced ones are kept in a 0600 file under postiz-replaced/)')
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
        'postiz-connect;postiz;restore' {
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Postiz''s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--redis-url', '--redis-url', [CompletionResultType]::ParameterName, 'Postiz''s Redis (default: REDIS_URL from --env-file, then from the environment)')
            [CompletionResult]::new('--temporal-address', '--temporal-address', [CompletionResultType]::ParameterName, 'Postiz''s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up reaching the database, Redis or Temporal after this long')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would change; write nothing')
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
        'postiz-connect;postiz;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every channel''s health, grouped by organization, the connects in progress, and Postiz''s engine (Temporal)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh channels of the deployment in place, with its own client credentials (writes their rows)')
            [CompletionResult]::new('adopt', 'adopt', [CompletionResultType]::ParameterValue, 'Hand a channel connected by this tool to the deployment: write its row as Postiz''s own connect does')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put the tokens of a record `postiz refresh` kept aside back into their row')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postiz-connect;postiz;help;status' {
            break
        }
        'postiz-connect;postiz;help;watch' {
            break
        }
        'postiz-connect;postiz;help;refresh' {
            break
        }
        'postiz-connect;postiz;help;adopt' {
            break
        }
        'postiz-connect;postiz;help;restore' {
            break
        }
        'postiz-connect;postiz;help;help' {
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Two-step providers: the page, channel, blog or location to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--oauth1', '--oauth1', [CompletionResultType]::ParameterName, 'X: connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic with a Postiz --env-file that has them, or when only those are set')
            [CompletionResult]::new('--oauth2', '--oauth2', [CompletionResultType]::ParameterName, 'X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool''s own; Postiz does not read them) even when the OAuth 1.0a keys are set')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;doctor' {
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'The redirect URI the app sends, to compare with --registered')
            [CompletionResult]::new('--registered', '--registered', [CompletionResultType]::ParameterName, 'A redirect URI registered in the provider''s console (repeatable)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the browser ended on, to explain')
            [CompletionResult]::new('--probe-timeout', '--probe-timeout', [CompletionResultType]::ParameterName, 'Time limit of each network probe (they run at once)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The provider''s instance, for providers that run on many hosts (Mastodon)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
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
        'postiz-connect;providers' {
            [CompletionResult]::new('--frontend-url', '--frontend-url', [CompletionResultType]::ParameterName, 'Also show the redirect URI Postiz sends for this FRONTEND_URL')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
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
        'postiz-connect;sandbox' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--access-ttl', '--access-ttl', [CompletionResultType]::ParameterName, 'Access-token lifetime')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;custom' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;dribbble' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;facebook' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;gmb' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The location to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;instagram' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The account to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;instagram-standalone' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;linkedin-page' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The instance to connect to (default: MASTODON_URL, else https://mastodon.social)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;threads' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;tiktok' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;tiktok-business' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;tumblr' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The blog to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--oauth2', '--oauth2', [CompletionResultType]::ParameterName, 'X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool''s own; Postiz does not read them) even when the OAuth 1.0a keys are set')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
            [CompletionResult]::new('--oauth1', '--oauth1', [CompletionResultType]::ParameterName, 'Connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic when only those are set')
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
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--oauth2', '--oauth2', [CompletionResultType]::ParameterName, 'X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool''s own; Postiz does not read them) even when the OAuth 1.0a keys are set')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
            [CompletionResult]::new('--oauth1', '--oauth1', [CompletionResultType]::ParameterName, 'Connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic when only those are set')
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
        'postiz-connect;vk' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;whop' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;youtube' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (default: the provider''s environment variable, see `providers`)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; omit for a public client (prefer the environment variable)')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'How the client authenticates at the token endpoint')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (overrides the catalog)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint (overrides the catalog)')
            [CompletionResult]::new('--userinfo-url', '--userinfo-url', [CompletionResultType]::ParameterName, 'Endpoint that names the account (OIDC userinfo or the provider''s "me")')
            [CompletionResult]::new('--revoke-url', '--revoke-url', [CompletionResultType]::ParameterName, 'RFC 7009 revocation endpoint, used by `logout`')
            [CompletionResult]::new('--sandbox-at', '--sandbox-at', [CompletionResultType]::ParameterName, 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to request instead of the provider''s defaults (space or comma separated)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Listen on this port of 127.0.0.1 (default: a random free port)')
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)')
            [CompletionResult]::new('--browser-timeout', '--browser-timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the browser after this long')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The channel to connect, by id or name (default: ask; without a terminal, list them and exit 6)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser; print the URL to open')
            [CompletionResult]::new('--paste', '--paste', [CompletionResultType]::ParameterName, 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep tokens in a 0600 file instead of the OS keychain (remembered)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store in the OS keychain, undoing a remembered --insecure-storage')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Connect against a local emulation of the provider: no account or credentials needed')
            [CompletionResult]::new('--auto-approve', '--auto-approve', [CompletionResultType]::ParameterName, 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)')
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
        'postiz-connect;logout' {
            [CompletionResult]::new('--local-only', '--local-only', [CompletionResultType]::ParameterName, 'Delete the local copy without revoking at the provider')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be revoked and deleted; call no provider, delete nothing')
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
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Due when the access token expires within this window (Postiz refreshes 1 hour ahead), or at half its lifetime if sooner')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many token requests to have in flight at once')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every stored channel that is due')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Refresh even if not due')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be refreshed; change nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running: refresh each channel when it becomes due, until Ctrl-C (a refresh that stays on, with the same flags and outcomes; `postiz watch` only observes connects)')
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
        'postiz-connect;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the stored channels')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Store the tokens of a recovery file (written when a refresh could not save them)')
            [CompletionResult]::new('postiz', 'postiz', [CompletionResultType]::ParameterValue, 'See inside a self-hosted Postiz: its channels'' health and its connects; repair a channel')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Find the cause of a failing connection and print the fix')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers in the catalog')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulation of a provider''s OAuth endpoints, until Ctrl-C')
            [CompletionResult]::new('custom', 'custom', [CompletionResultType]::ParameterValue, 'Connect a channel: Any OAuth 2.0 / OpenID Connect server')
            [CompletionResult]::new('discord', 'discord', [CompletionResultType]::ParameterValue, 'Connect a channel: Discord')
            [CompletionResult]::new('dribbble', 'dribbble', [CompletionResultType]::ParameterValue, 'Connect a channel: Dribbble')
            [CompletionResult]::new('facebook', 'facebook', [CompletionResultType]::ParameterValue, 'Connect a channel: Facebook Page')
            [CompletionResult]::new('gmb', 'gmb', [CompletionResultType]::ParameterValue, 'Connect a channel: Google Business Profile')
            [CompletionResult]::new('instagram', 'instagram', [CompletionResultType]::ParameterValue, 'Connect a channel: Instagram (Facebook Business login)')
            [CompletionResult]::new('instagram-standalone', 'instagram-standalone', [CompletionResultType]::ParameterValue, 'Connect a channel: Instagram (Instagram login)')
            [CompletionResult]::new('kick', 'kick', [CompletionResultType]::ParameterValue, 'Connect a channel: Kick')
            [CompletionResult]::new('linkedin', 'linkedin', [CompletionResultType]::ParameterValue, 'Connect a channel: LinkedIn')
            [CompletionResult]::new('linkedin-page', 'linkedin-page', [CompletionResultType]::ParameterValue, 'Connect a channel: LinkedIn Page')
            [CompletionResult]::new('mastodon', 'mastodon', [CompletionResultType]::ParameterValue, 'Connect a channel: Mastodon')
            [CompletionResult]::new('pinterest', 'pinterest', [CompletionResultType]::ParameterValue, 'Connect a channel: Pinterest')
            [CompletionResult]::new('reddit', 'reddit', [CompletionResultType]::ParameterValue, 'Connect a channel: Reddit')
            [CompletionResult]::new('slack', 'slack', [CompletionResultType]::ParameterValue, 'Connect a channel: Slack')
            [CompletionResult]::new('threads', 'threads', [CompletionResultType]::ParameterValue, 'Connect a channel: Threads')
            [CompletionResult]::new('tiktok', 'tiktok', [CompletionResultType]::ParameterValue, 'Connect a channel: TikTok')
            [CompletionResult]::new('tiktok-business', 'tiktok-business', [CompletionResultType]::ParameterValue, 'Connect a channel: TikTok Business')
            [CompletionResult]::new('tumblr', 'tumblr', [CompletionResultType]::ParameterValue, 'Connect a channel: Tumblr')
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Connect a channel: Twitch')
            [CompletionResult]::new('twitter', 'twitter', [CompletionResultType]::ParameterValue, 'Connect a channel: X (Twitter)')
            [CompletionResult]::new('vk', 'vk', [CompletionResultType]::ParameterValue, 'Connect a channel: VK')
            [CompletionResult]::new('whop', 'whop', [CompletionResultType]::ParameterValue, 'Connect a channel: Whop')
            [CompletionResult]::new('youtube', 'youtube', [CompletionResultType]::ParameterValue, 'Connect a channel: YouTube')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a channel''s access token, for scripts (refreshed first when expired)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke a channel''s tokens at the provider and delete them here')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postiz-connect;help;status' {
            break
        }
        'postiz-connect;help;restore' {
            break
        }
        'postiz-connect;help;postiz' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every channel''s health, grouped by organization, the connects in progress, and Postiz''s engine (Temporal)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Refresh channels of the deployment in place, with its own client credentials (writes their rows)')
            [CompletionResult]::new('adopt', 'adopt', [CompletionResultType]::ParameterValue, 'Hand a channel connected by this tool to the deployment: write its row as Postiz''s own connect does')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put the tokens of a record `postiz refresh` kept aside back into their row')
            break
        }
        'postiz-connect;help;postiz;status' {
            break
        }
        'postiz-connect;help;postiz;watch' {
            break
        }
        'postiz-connect;help;postiz;refresh' {
            break
        }
        'postiz-connect;help;postiz;adopt' {
            break
        }
        'postiz-connect;help;postiz;restore' {
            break
        }
        'postiz-connect;help;completions' {
            break
        }
        'postiz-connect;help;connect' {
            break
        }
        'postiz-connect;help;doctor' {
            break
        }
        'postiz-connect;help;providers' {
            break
        }
        'postiz-connect;help;sandbox' {
            break
        }
        'postiz-connect;help;custom' {
            break
        }
        'postiz-connect;help;discord' {
            break
        }
        'postiz-connect;help;dribbble' {
            break
        }
        'postiz-connect;help;facebook' {
            break
        }
        'postiz-connect;help;gmb' {
            break
        }
        'postiz-connect;help;instagram' {
            break
        }
        'postiz-connect;help;instagram-standalone' {
            break
        }
        'postiz-connect;help;kick' {
            break
        }
        'postiz-connect;help;linkedin' {
            break
        }
        'postiz-connect;help;linkedin-page' {
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
        'postiz-connect;help;threads' {
            break
        }
        'postiz-connect;help;tiktok' {
            break
        }
        'postiz-connect;help;tiktok-business' {
            break
        }
        'postiz-connect;help;tumblr' {
            break
        }
        'postiz-connect;help;twitch' {
            break
        }
        'postiz-connect;help;twitter' {
            break
        }
        'postiz-connect;help;vk' {
            break
        }
        'postiz-connect;help;whop' {
            break
        }
        'postiz-connect;help;youtube' {
            break
        }
        'postiz-connect;help;token' {
            break
        }
        'postiz-connect;help;logout' {
            break
        }
        'postiz-connect;help;refresh' {
            break
        }
        'postiz-connect;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
