import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const base = { DATA_DIR: '/tmp/motcua-config-test', LOG_LEVEL: 'silent' };
// The OA app's settings, shared with the notifications module (which wants all three together).
const oa = { ZALO_APP_ID: '123', ZALO_APP_SECRET: 'app-secret', ZALO_REFRESH_TOKEN: 'r1' };

describe('assistant settings (read only in src/config.ts)', () => {
  it('are off by default: no Zalo, no rephrasing model', () => {
    const c = loadConfig(base);
    expect(c.assistant).toEqual({});
  });

  it('turn Zalo on with the OA secret key, with defaults for the API and OAuth addresses', () => {
    const c = loadConfig({ ...base, ...oa, ZALO_OA_SECRET_KEY: 'k', ZALO_ACCESS_TOKEN: 'a', ZALO_UNIT: '00004' });
    expect(c.assistant.zalo).toMatchObject({
      appId: '123',
      oaSecretKey: 'k',
      apiBase: 'https://openapi.zalo.me',
      oauthUrl: 'https://oauth.zaloapp.com/v4/oa/access_token',
      appSecret: 'app-secret',
      accessToken: 'a',
      refreshToken: 'r1',
      unit: '00004',
    });
  });

  it('say in Vietnamese what is missing or wrong', () => {
    expect(() => loadConfig({ ...base, ZALO_OA_SECRET_KEY: 'k', ZALO_ACCESS_TOKEN: 'a' })).toThrow(/ZALO_OA_SECRET_KEY cần đi kèm ZALO_APP_ID/);
    expect(() => loadConfig({ ...base, ...oa, ZALO_OA_SECRET_KEY: 'k', ZALO_UNIT: 'abc' })).toThrow(/ZALO_UNIT/);
    expect(() => loadConfig({ ...base, ...oa, ZALO_OA_SECRET_KEY: 'k', ZALO_API_BASE: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ASSISTANT_LLM_URL: 'http://127.0.0.1:8080/v1' })).toThrow(/ASSISTANT_LLM_MODEL/);
    expect(() => loadConfig({ ...base, ASSISTANT_LLM_MODEL: 'm' })).toThrow(/chỉ dùng khi có ASSISTANT_LLM_URL/);
    expect(() => loadConfig({ ...base, ASSISTANT_LLM_URL: 'http://127.0.0.1:8080/v1', ASSISTANT_LLM_MODEL: 'm', ASSISTANT_LLM_TIMEOUT_MS: '10' })).toThrow(/ASSISTANT_LLM_TIMEOUT_MS/);
  });

  it('take an OpenAI-compatible endpoint for rephrasing', () => {
    const c = loadConfig({ ...base, ASSISTANT_LLM_URL: 'http://127.0.0.1:8080/v1/', ASSISTANT_LLM_MODEL: 'qwen', ASSISTANT_LLM_KEY: 's' });
    expect(c.assistant.llm).toEqual({ url: 'http://127.0.0.1:8080/v1', model: 'qwen', key: 's', timeoutMs: 4000 });
  });
});
