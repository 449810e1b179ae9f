import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The redirect URI the fake provider knows for the app under test (PUBLIC_URL http://motcua.test). */
const REDIRECT_URI = 'http://motcua.test/can-bo/dang-nhap/oidc/callback';
const CLIENT_SECRET = 'a-secret-of-the-test-provider-0123456789';

/**
 * An OpenID Connect provider on loopback (the real protocol, oidc-provider) whose "login page"
 * signs everyone in as `subject`; `env` is what the app needs to use it.
 */
export async function startFakeOidcProvider(subject: string): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'motcua', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, name: 'Trần Văn Minh' }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      provider.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false }).catch((e) => {
        res.statusCode = 500;
        res.end(String(e));
      });
      return;
    }
    callback(req, res);
  });
  return {
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_LABEL: 'Đăng nhập bằng VNeID' },
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Follows the provider's redirects like a browser, with its cookies, until it points back to the app. */
export async function throughProvider(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let i = 0; i < 10; i++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const loc = res.headers.get('location');
    if (!loc) throw new Error(`provider stopped at ${url}: ${res.status} ${await res.text()}`);
    const next = new URL(loc, url);
    if (next.host === 'motcua.test') return next;
    url = next.toString();
  }
  throw new Error('too many redirects');
}
