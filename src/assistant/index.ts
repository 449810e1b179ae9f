import type { Config } from '../config';
import type { Db } from '../db/connection';
import * as repo from './assistant.repo';
import { AssistantService, type AssistantDeps } from './assistant.service';
import { OpenAiCompatibleRephraser } from './llm';
import { ZaloClient, type ZaloTokenStore } from './zalo';

export {
  AssistantService,
  type AssistantChannel,
  type AssistantReply,
  type ChatMessage,
  type Decision,
  type DossierLookup,
  type ProcedureHit,
} from './assistant.service';
export { AssistantDesk, type AssistantStats } from './assistant.desk';
export { CALIBRATION, confidence, decide, type Decided } from './assistant.decide';
export { prepareLearned } from './assistant.learned';
export { OFFER as CHAT_SUBMIT_OFFER, type ChatPhoto, type ChatSubmitDesk, type ChatSubmitTurn } from './assistant.chat-submit';
export { OpenAiCompatibleRephraser, faithful, type Rephraser } from './llm';
export { ZaloClient, verifyZaloSignature, zaloSignature, type ZaloEvent, type ZaloTokenStore } from './zalo';

/** The OA's current tokens, kept in the assistant's table (each refresh replaces both). */
export function dbZaloTokenStore(db: Db, appId: string, now: () => Date): ZaloTokenStore {
  return {
    load: async () => {
      const r = await repo.findZaloTokens(db, appId);
      return r ? { accessToken: r.access_token, refreshToken: r.refresh_token, expiresAt: r.expires_at ?? undefined } : undefined;
    },
    save: async (t) => {
      await repo.saveZaloTokens(db, { app_id: appId, access_token: t.accessToken, refresh_token: t.refreshToken, expires_at: t.expiresAt ?? null, updated_at: now().toISOString() });
    },
  };
}

/** The assistant with the Zalo client and the optional rephrasing model its settings ask for. */
export function createAssistant(
  config: Pick<Config, 'assistant' | 'publicUrl'>,
  deps: Omit<AssistantDeps, 'zalo' | 'rephraser' | 'publicUrl' | 'zaloUnit'>,
  /**
   * Where the OA tokens live. Zalo refresh tokens are single-use: when another module refreshes
   * the same OA's token, both must share one store (pass it here), or each invalidates the other.
   */
  zaloTokens?: ZaloTokenStore,
): AssistantService {
  const z = config.assistant.zalo;
  const now = () => deps.clock.now();
  const zalo = z
    ? new ZaloClient(
        { appId: z.appId, appSecret: z.appSecret, oaSecretKey: z.oaSecretKey, apiBase: z.apiBase, oauthUrl: z.oauthUrl, accessToken: z.accessToken, refreshToken: z.refreshToken },
        zaloTokens ?? dbZaloTokenStore(deps.db, z.appId, now),
        now,
      )
    : undefined;
  const l = config.assistant.llm;
  const rephraser = l ? new OpenAiCompatibleRephraser({ url: l.url, model: l.model, key: l.key, timeoutMs: l.timeoutMs }) : undefined;
  return new AssistantService({ ...deps, publicUrl: config.publicUrl, zalo, zaloUnit: z?.unit, rephraser });
}
