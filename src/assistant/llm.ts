/**
 * Optional rephrasing through an OpenAI-compatible chat endpoint (ASSISTANT_LLM_URL), for a
 * deployment that runs one. The model only rewords the facts the assistant retrieved from the
 * catalogue; an answer whose figures are not all in those facts is thrown away and the template
 * answer is sent instead. Without the setting (the default) nothing here runs, and a slow or
 * failing endpoint never delays an answer beyond the timeout.
 */

export interface Rephraser {
  rephrase(input: { question: string; facts: string[] }): Promise<string | undefined>;
}

export interface LlmOptions {
  url: string;
  model: string;
  key?: string;
  timeoutMs?: number;
}

const SYSTEM = [
  'Bạn là trợ lý của Bộ phận Một cửa cấp xã.',
  'Viết lại thông tin được cung cấp thành câu trả lời ngắn gọn, lịch sự, dễ hiểu bằng tiếng Việt cho người dân.',
  'CHỈ dùng thông tin được cung cấp; không thêm giấy tờ, số tiền, thời hạn, địa chỉ hay đường dẫn nào khác.',
  'Giữ nguyên mọi con số. Không viết đường dẫn. Không chào hỏi dài dòng.',
].join(' ');

/** Every figure of the rewording must come from the facts, and no link may be invented. */
export function faithful(text: string, facts: string[]): boolean {
  const t = text.trim();
  if (t.length < 10 || t.length > 2500 || /https?:\/\//i.test(t)) return false;
  const factNumbers = new Set((facts.join('\n').match(/\d+(?:[.,]\d+)*/g) ?? []).flatMap((n) => [n, n.replace(/[.,]/g, '')]));
  for (const n of t.match(/\d+(?:[.,]\d+)*/g) ?? []) {
    if (!factNumbers.has(n) && !factNumbers.has(n.replace(/[.,]/g, ''))) return false;
  }
  return true;
}

export class OpenAiCompatibleRephraser implements Rephraser {
  private readonly endpoint: string;

  constructor(
    private readonly opts: LlmOptions,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    const base = opts.url.replace(/\/+$/, '');
    this.endpoint = /\/chat\/completions$/.test(base) ? base : `${base}/chat/completions`;
  }

  async rephrase(input: { question: string; facts: string[] }): Promise<string | undefined> {
    try {
      const res = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.opts.key ? { authorization: `Bearer ${this.opts.key}` } : {}) },
        body: JSON.stringify({
          model: this.opts.model,
          temperature: 0.2,
          max_tokens: 700,
          messages: [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: `Câu hỏi của người dân: ${input.question}\n\nThông tin (chỉ được dùng thông tin này):\n${input.facts.join('\n')}` },
          ],
        }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 4000),
      });
      if (!res.ok) return undefined;
      const body = (await res.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
      const text = body.choices?.[0]?.message?.content;
      if (typeof text !== 'string') return undefined;
      return faithful(text, input.facts) ? text.trim() : undefined;
    } catch {
      return undefined;
    }
  }
}
