# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_postiz_connect_global_optspecs
    string join \n json q/quiet v/verbose h/help V/version
end

function __fish_postiz_connect_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_postiz_connect_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_postiz_connect_using_subcommand
    set -l cmd (__fish_postiz_connect_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "status" -d 'Show the stored channels'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "restore" -d 'Store the tokens of a recovery file (written when a refresh could not save them)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "postiz" -d 'See inside a self-hosted Postiz: its channels\' health and its connects; repair a channel'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "connect" -d 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "doctor" -d 'Find the cause of a failing connection and print the fix'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "providers" -d 'List the providers in the catalog'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "sandbox" -d 'Run a local emulation of a provider\'s OAuth endpoints, until Ctrl-C'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "custom" -d 'Connect a channel: Any OAuth 2.0 / OpenID Connect server'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "discord" -d 'Connect a channel: Discord'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "dribbble" -d 'Connect a channel: Dribbble'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "facebook" -d 'Connect a channel: Facebook Page'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "gmb" -d 'Connect a channel: Google Business Profile'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "instagram" -d 'Connect a channel: Instagram (Facebook Business login)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "instagram-standalone" -d 'Connect a channel: Instagram (Instagram login)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "kick" -d 'Connect a channel: Kick'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "linkedin" -d 'Connect a channel: LinkedIn'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "linkedin-page" -d 'Connect a channel: LinkedIn Page'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "mastodon" -d 'Connect a channel: Mastodon'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "pinterest" -d 'Connect a channel: Pinterest'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "reddit" -d 'Connect a channel: Reddit'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "slack" -d 'Connect a channel: Slack'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "threads" -d 'Connect a channel: Threads'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "tiktok" -d 'Connect a channel: TikTok'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "tiktok-business" -d 'Connect a channel: TikTok Business'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "tumblr" -d 'Connect a channel: Tumblr'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "twitch" -d 'Connect a channel: Twitch'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "twitter" -d 'Connect a channel: X (Twitter)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "x" -d 'Connect a channel: X (Twitter)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "vk" -d 'Connect a channel: VK'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "whop" -d 'Connect a channel: Whop'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "youtube" -d 'Connect a channel: YouTube'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "token" -d 'Print a channel\'s access token, for scripts (refreshed first when expired)'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "logout" -d 'Revoke a channel\'s tokens at the provider and delete them here'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "refresh" -d 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires'
complete -c postiz-connect -n "__fish_postiz_connect_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand status" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand status" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand status" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand status" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand restore" -l dry-run -d 'Say which channel the file would restore, and where; write nothing'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand restore" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand restore" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand restore" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand restore" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand restore" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -f -a "status" -d 'Every channel\'s health, grouped by organization, the connects in progress, and Postiz\'s engine (Temporal)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -f -a "watch" -d 'Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -f -a "refresh" -d 'Refresh channels of the deployment in place, with its own client credentials (writes their rows)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -f -a "adopt" -d 'Hand a channel connected by this tool to the deployment: write its row as Postiz\'s own connect does'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -f -a "restore" -d 'Put the tokens of a record `postiz refresh` kept aside back into their row'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and not __fish_seen_subcommand_from status watch refresh adopt restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l database-url -d 'Postiz\'s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l redis-url -d 'Postiz\'s Redis (default: REDIS_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l temporal-address -d 'Postiz\'s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l connect-timeout -d 'Give up reaching the database, Redis or Temporal after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l org -d 'Only this organization, by name or id' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l all -d 'List every channel (above 30, the healthy ones are otherwise counted per organization and provider)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l database-url -d 'Postiz\'s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l redis-url -d 'Postiz\'s Redis (default: REDIS_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l temporal-address -d 'Postiz\'s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l connect-timeout -d 'Give up reaching the database, Redis or Temporal after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l org -d 'Only this organization, by name or id' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l stop-after -d 'Stop after this long (default: until Ctrl-C)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l timeout -d 'Deprecated spelling of --stop-after' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l grace -d 'A state consumed with no channel row written within this long is a failed token exchange' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l interval -d 'How often Redis and the channel rows are read' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l database-url -d 'Postiz\'s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l redis-url -d 'Postiz\'s Redis (default: REDIS_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l temporal-address -d 'Postiz\'s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l connect-timeout -d 'Give up reaching the database, Redis or Temporal after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l client-id -d 'The deployment\'s client id (default: the provider\'s variable in --env-file, then the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l client-secret -d 'The deployment\'s client secret (default: as --client-id)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l dry-run -d 'Say what would change; call no provider, write nothing'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from refresh" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l org -d 'The organization to add it to, by name or id' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l database-url -d 'Postiz\'s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l redis-url -d 'Postiz\'s Redis (default: REDIS_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l temporal-address -d 'Postiz\'s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l connect-timeout -d 'Give up reaching the database, Redis or Temporal after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l dry-run -d 'Print the row it would write (secrets masked); write nothing'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l replace-tokens -d 'Replace an existing row\'s tokens that differ from the channel\'s (the replaced ones are kept in a 0600 file under postiz-replaced/)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from adopt" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l database-url -d 'Postiz\'s PostgreSQL (default: DATABASE_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l redis-url -d 'Postiz\'s Redis (default: REDIS_URL from --env-file, then from the environment)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l temporal-address -d 'Postiz\'s Temporal, HOST:PORT, or `none` (default: TEMPORAL_ADDRESS from --env-file, then from the environment, then localhost:7233 as Postiz)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l connect-timeout -d 'Give up reaching the database, Redis or Temporal after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l dry-run -d 'Say what would change; write nothing'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from help" -f -a "status" -d 'Every channel\'s health, grouped by organization, the connects in progress, and Postiz\'s engine (Temporal)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from help" -f -a "refresh" -d 'Refresh channels of the deployment in place, with its own client credentials (writes their rows)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from help" -f -a "adopt" -d 'Hand a channel connected by this tool to the deployment: write its row as Postiz\'s own connect does'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put the tokens of a record `postiz refresh` kept aside back into their row'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand postiz; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand completions" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand completions" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand completions" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l instance -d 'The provider\'s instance, for providers that run on many hosts (Mastodon)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l page -d 'Two-step providers: the page, channel, blog or location to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l oauth1 -d 'X: connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic with a Postiz --env-file that has them, or when only those are set'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l oauth2 -d 'X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool\'s own; Postiz does not read them) even when the OAuth 1.0a keys are set'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l redirect-uri -d 'The redirect URI the app sends, to compare with --registered' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l registered -d 'A redirect URI registered in the provider\'s console (repeatable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l url -d 'The URL the browser ended on, to explain' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l probe-timeout -d 'Time limit of each network probe (they run at once)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l instance -d 'The provider\'s instance, for providers that run on many hosts (Mastodon)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l offline -d 'Skip every network check'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -l frontend-url -d 'Also show the redirect URI Postiz sends for this FRONTEND_URL' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -l access-ttl -d 'Access-token lifetime' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand custom" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand discord" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand dribbble" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l page -d 'The page to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand facebook" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l page -d 'The location to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand gmb" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l page -d 'The account to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand instagram-standalone" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand kick" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l page -d 'The page to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand linkedin-page" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l instance -d 'The instance to connect to (default: MASTODON_URL, else https://mastodon.social)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand mastodon" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand pinterest" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand reddit" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand slack" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand threads" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tiktok-business" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l page -d 'The blog to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand tumblr" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitch" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l oauth2 -d 'X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool\'s own; Postiz does not read them) even when the OAuth 1.0a keys are set'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l oauth1 -d 'Connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic when only those are set'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand twitter" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l oauth2 -d 'X: connect with OAuth 2.0 + PKCE (X_CLIENT_ID / X_CLIENT_SECRET, this tool\'s own; Postiz does not read them) even when the OAuth 1.0a keys are set'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l oauth1 -d 'Connect with OAuth 1.0a as Postiz does (X_API_KEY / X_API_SECRET); automatic when only those are set'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand x" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand vk" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand whop" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l client-id -d 'OAuth client id (default: the provider\'s environment variable, see `providers`)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l client-secret -d 'OAuth client secret; omit for a public client (prefer the environment variable)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l client-auth -d 'How the client authenticates at the token endpoint' -r -f -a "basic\t'HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1)'
post\t'`client_id` and `client_secret` in the form body'
none\t'Public client: `client_id` in the body, no secret'"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l env-file -d 'A Postiz .env file: what the command needs is read from it (client credentials, FRONTEND_URL, DATABASE_URL, REDIS_URL), before the environment' -r -F
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l issuer -d 'OpenID Connect / RFC 8414 issuer: endpoints come from its metadata' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l auth-url -d 'Authorization endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l token-url -d 'Token endpoint (overrides the catalog)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l userinfo-url -d 'Endpoint that names the account (OIDC userinfo or the provider\'s "me")' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l revoke-url -d 'RFC 7009 revocation endpoint, used by `logout`' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l sandbox-at -d 'Use a sandbox already running at this URL (`postiz-connect sandbox`), with its client' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l scopes -d 'Scopes to request instead of the provider\'s defaults (space or comma separated)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l account -d 'Name the account yourself: for servers that cannot say whose account it is (no identity endpoint), or to tell two logins apart; the channel is PROVIDER:NAME' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l port -d 'Listen on this port of 127.0.0.1 (default: a random free port)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l redirect-uri -d 'Use this exact redirect URI (loopback: listened on; elsewhere: needs --paste)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l browser-timeout -d 'Give up waiting for the browser after this long' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l fault -d 'Inject a fault (repeatable; connect: with --sandbox): redirect-mismatch, access-denied, invalid-grant, invalid-client, scope-downgrade, slow:<ms>, rate-limit, server-error, rotate-refresh, expire-fast, state-drop' -r -f -a "redirect-mismatch\t''
access-denied\t''
invalid-grant\t''
invalid-client\t''
scope-downgrade\t''
slow:500\t''
rate-limit\t''
server-error\t''
rotate-refresh\t''
expire-fast\t''
state-drop\t''"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l page -d 'The channel to connect, by id or name (default: ask; without a terminal, list them and exit 6)' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l replace -d 'Replace a stored channel of the same name connected another way (the other protocol, another app); without it the new one gets a name of its own'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l no-browser -d 'Do not open a browser; print the URL to open'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l paste -d 'Paste the URL the browser ended on (or the code) when the callback cannot reach this machine'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l insecure-storage -d 'Keep tokens in a 0600 file instead of the OS keychain (remembered)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l keychain -d 'Store in the OS keychain, undoing a remembered --insecure-storage'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l sandbox -d 'Connect against a local emulation of the provider: no account or credentials needed'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l auto-approve -d 'Approve at once instead of showing the consent page (connect: with --sandbox; with --sandbox-at, a sandbox started with --auto-approve: follow its login URL when no browser opens)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand youtube" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand token" -l no-refresh -d 'Print the stored token even if it has expired; never refresh'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand token" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand token" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand token" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand token" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand token" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -l local-only -d 'Delete the local copy without revoking at the provider'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -l dry-run -d 'Say what would be revoked and deleted; call no provider, delete nothing'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand logout" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l within -d 'Due when the access token expires within this window (Postiz refreshes 1 hour ahead), or at half its lifetime if sooner' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l jobs -d 'How many token requests to have in flight at once' -r
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l all -d 'Every stored channel that is due'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l force -d 'Refresh even if not due'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l dry-run -d 'Say what would be refreshed; change nothing'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l watch -d 'Keep running: refresh each channel when it becomes due, until Ctrl-C (a refresh that stays on, with the same flags and outcomes; `postiz watch` only observes connects)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -l json -d 'Print machine-readable JSON on stdout (errors as JSON on stderr)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -s q -l quiet -d 'Print only results and errors'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -s v -l verbose -d 'Show each HTTP exchange, with tokens, codes and secrets masked'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -s h -l help -d 'Print help'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand refresh" -s V -l version -d 'Print version'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "status" -d 'Show the stored channels'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "restore" -d 'Store the tokens of a recovery file (written when a refresh could not save them)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "postiz" -d 'See inside a self-hosted Postiz: its channels\' health and its connects; repair a channel'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "completions" -d 'Print a shell completion script'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "connect" -d 'Connect a channel: `connect <provider>` (each provider is also its own subcommand)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "doctor" -d 'Find the cause of a failing connection and print the fix'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "providers" -d 'List the providers in the catalog'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "sandbox" -d 'Run a local emulation of a provider\'s OAuth endpoints, until Ctrl-C'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "custom" -d 'Connect a channel: Any OAuth 2.0 / OpenID Connect server'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "discord" -d 'Connect a channel: Discord'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "dribbble" -d 'Connect a channel: Dribbble'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "facebook" -d 'Connect a channel: Facebook Page'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "gmb" -d 'Connect a channel: Google Business Profile'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "instagram" -d 'Connect a channel: Instagram (Facebook Business login)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "instagram-standalone" -d 'Connect a channel: Instagram (Instagram login)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "kick" -d 'Connect a channel: Kick'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "linkedin" -d 'Connect a channel: LinkedIn'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "linkedin-page" -d 'Connect a channel: LinkedIn Page'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "mastodon" -d 'Connect a channel: Mastodon'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "pinterest" -d 'Connect a channel: Pinterest'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "reddit" -d 'Connect a channel: Reddit'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "slack" -d 'Connect a channel: Slack'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "threads" -d 'Connect a channel: Threads'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "tiktok" -d 'Connect a channel: TikTok'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "tiktok-business" -d 'Connect a channel: TikTok Business'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "tumblr" -d 'Connect a channel: Tumblr'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "twitch" -d 'Connect a channel: Twitch'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "twitter" -d 'Connect a channel: X (Twitter)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "vk" -d 'Connect a channel: VK'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "whop" -d 'Connect a channel: Whop'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "youtube" -d 'Connect a channel: YouTube'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "token" -d 'Print a channel\'s access token, for scripts (refreshed first when expired)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "logout" -d 'Revoke a channel\'s tokens at the provider and delete them here'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "refresh" -d 'Refresh stored tokens: once, or as a watcher that refreshes each channel before it expires'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and not __fish_seen_subcommand_from status restore postiz completions connect doctor providers sandbox custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter vk whop youtube token logout refresh help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and __fish_seen_subcommand_from postiz" -f -a "status" -d 'Every channel\'s health, grouped by organization, the connects in progress, and Postiz\'s engine (Temporal)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and __fish_seen_subcommand_from postiz" -f -a "watch" -d 'Trace connects as they happen (click "Add Channel" in Postiz meanwhile), until Ctrl-C'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and __fish_seen_subcommand_from postiz" -f -a "refresh" -d 'Refresh channels of the deployment in place, with its own client credentials (writes their rows)'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and __fish_seen_subcommand_from postiz" -f -a "adopt" -d 'Hand a channel connected by this tool to the deployment: write its row as Postiz\'s own connect does'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand help; and __fish_seen_subcommand_from postiz" -f -a "restore" -d 'Put the tokens of a record `postiz refresh` kept aside back into their row'
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand completions; and not __fish_seen_subcommand_from bash elvish fish powershell zsh" -f -a "bash elvish fish powershell zsh"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand connect; and not __fish_seen_subcommand_from custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube" -f -a "custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand doctor" -f -a "custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand providers; and not __fish_seen_subcommand_from custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube" -f -a "custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube"
complete -c postiz-connect -n "__fish_postiz_connect_using_subcommand sandbox; and not __fish_seen_subcommand_from custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube" -f -a "custom discord dribbble facebook gmb instagram instagram-standalone kick linkedin linkedin-page mastodon pinterest reddit slack threads tiktok tiktok-business tumblr twitch twitter x vk whop youtube"
