// A real OAuth 2.0 / OpenID Connect authorization server for the end-to-end tests:
// panva's oidc-provider (OpenID-certified), on 127.0.0.1 only, with consent automated by
// its interaction API. Behaviour is chosen by environment variables so one script serves
// every test case:
//   PORT            port to listen on (0: any free port); prints "READY <port>" when up
//   ACCOUNT         the account that logs in (default "alice")
//   DECLINE_SCOPES  space-separated scopes the "user" unticks at consent
//   DENY            "1": the user clicks Cancel (access_denied)
//   ACCESS_TTL      access-token lifetime in seconds (default 3600)
//   ROTATE          "1": refresh tokens rotate (the old one is refused, and its reuse
//                   revokes the grant)
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const account = process.env.ACCOUNT || 'alice';
const declined = (process.env.DECLINE_SCOPES || '').split(/\s+/).filter(Boolean);
const deny = process.env.DENY === '1';
const accessTtl = Number(process.env.ACCESS_TTL || 3600);

const loopbackRedirects = ['http://127.0.0.1/callback', 'http://localhost/callback', 'http://[::1]/callback'];
const common = {
  application_type: 'native',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: loopbackRedirects,
};

function start(issuer) {
  const provider = new Provider(issuer, {
    clients: [
      { ...common, client_id: 'public-client', token_endpoint_auth_method: 'none' },
      { ...common, client_id: 'basic-client', client_secret: 'basic-secret', token_endpoint_auth_method: 'client_secret_basic' },
      { ...common, client_id: 'post-client', client_secret: 'post-secret', token_endpoint_auth_method: 'client_secret_post' },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, name: `${id[0].toUpperCase()}${id.slice(1)} Example`, preferred_username: id, email: `${id}@example.test` }),
    }),
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: process.env.ROTATE === '1',
    ttl: { AccessToken: accessTtl, AuthorizationCode: 60, RefreshToken: 86400, Grant: 86400, Session: 86400, Interaction: 600, IdToken: 3600 },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  provider.proxy = false;

  const callback = provider.callback();
  return async (req, res) => {
    if (!req.url.startsWith('/interaction/')) {
      return callback(req, res);
    }
    try {
      const details = await provider.interactionDetails(req, res);
      if (deny) {
        return await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user declined the request' }, { mergeWithLastSubmission: false });
      }
      if (details.prompt.name === 'login') {
        return await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      }
      const requested = String(details.params.scope || '').split(' ').filter(Boolean);
      const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const granted = requested.filter((s) => !declined.includes(s));
      grant.addOIDCScope(granted.join(' '));
      const refused = requested.filter((s) => declined.includes(s));
      if (refused.length) grant.rejectOIDCScope(refused.join(' '));
      grant.addOIDCClaims(['sub', 'name', 'preferred_username', 'email']);
      const grantId = await grant.save();
      return await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  };
}

// Bind first, so the issuer names the real port; then install the handler.
let handler = null;
const server = http.createServer((req, res) => handler(req, res));
server.listen(port, '127.0.0.1', () => {
  const actual = server.address().port;
  handler = start(`http://127.0.0.1:${actual}`);
  process.stdout.write(`READY ${actual}\n`);
});
