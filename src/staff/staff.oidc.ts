import * as client from 'openid-client';
import type { OidcConfig } from '../config';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { RuleViolationError } from '../shared/errors';

/**
 * Staff sign-in with OpenID Connect (authorization code flow with PKCE, state and nonce), so that
 * a deployment can use the national e-ID or the province's identity provider. The identity's
 * subject (OIDC_SUBJECT_CLAIM, "sub" by default) must be linked to a staff account by a unit
 * admin (staff.oidc_subject); nothing is created automatically.
 *
 * The state, PKCE verifier and nonce of a sign-in in progress are kept in the database for ten
 * minutes (any node of a cluster can finish it); each is used once.
 */
export class OidcSignIn {
  private config: Promise<client.Configuration> | undefined;

  constructor(
    private readonly cfg: OidcConfig,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  get label(): string {
    return this.cfg.label;
  }

  private discover(): Promise<client.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.cfg.issuer);
      // http is accepted only for a provider on this machine (tests, a local proxy): config.ts checks.
      const insecure = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
      this.config = client.discovery(issuer, this.cfg.clientId, this.cfg.clientSecret, undefined, insecure).catch((e) => {
        this.config = undefined;
        throw new RuleViolationError('oidc_unavailable', `Không kết nối được nhà cung cấp định danh (${e instanceof Error ? e.message : String(e)}). Xin đăng nhập bằng mật khẩu hoặc thử lại sau.`);
      });
    }
    return this.config;
  }

  /** The provider's authorization URL to send the browser to. */
  async start(next: string): Promise<URL> {
    const config = await this.discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = this.clock.now();
    await this.db.deleteFrom('oidc_logins').where('expires_at', '<', now.toISOString()).execute();
    await this.db
      .insertInto('oidc_logins')
      .values({ state, verifier, nonce, next, created_at: now.toISOString(), expires_at: new Date(now.getTime() + 10 * 60_000).toISOString() })
      .execute();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.cfg.redirectUri,
      scope: this.cfg.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /** Back from the provider: exchange the code, check the ID token, return the linked subject. */
  async finish(callbackUrl: URL): Promise<{ subject: string; next: string; claims: Record<string, unknown> }> {
    const bad = (why: string) => new RuleViolationError('oidc_failed', `Đăng nhập bằng định danh điện tử không thành công: ${why}. Xin thử lại.`);
    const state = callbackUrl.searchParams.get('state');
    if (!state) throw bad('thiếu tham số state');
    const row = await this.db.selectFrom('oidc_logins').selectAll().where('state', '=', state).executeTakeFirst();
    if (!row) throw bad('phiên đăng nhập không tồn tại hoặc đã dùng');
    await this.db.deleteFrom('oidc_logins').where('state', '=', state).execute();
    if (row.expires_at < this.clock.now().toISOString()) throw bad('phiên đăng nhập đã hết hạn');
    const error = callbackUrl.searchParams.get('error');
    if (error) throw bad(callbackUrl.searchParams.get('error_description') ?? error);
    const config = await this.discover();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: row.verifier, expectedState: state, expectedNonce: row.nonce }, { redirect_uri: this.cfg.redirectUri });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (e) {
      throw bad(e instanceof Error ? e.message : String(e));
    }
    const subject = claims?.[this.cfg.subjectClaim];
    if (typeof subject !== 'string' || !subject) throw bad(`mã định danh không có trường ${this.cfg.subjectClaim}`);
    return { subject, next: row.next, claims: claims ?? {} };
  }
}
