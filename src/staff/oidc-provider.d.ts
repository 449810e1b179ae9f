// oidc-provider ships no type declarations; the test uses a small part of its API.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface Ctx {
    oidc: { provider: Provider; client?: { clientId: string }; session?: { accountId?: string } };
  }
  class Grant {
    constructor(o: { clientId: string; accountId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & {
      findAccount?: (ctx: Ctx, id: string) => Promise<{ accountId: string; claims: () => Promise<Record<string, unknown>> }>;
      interactions?: { url: (ctx: Ctx, interaction: { uid: string }) => string };
      loadExistingGrant?: (ctx: Ctx) => Promise<Grant>;
    });
    Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, opts?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
