import type { Composed } from './assistant.answer';

/**
 * Submitting a dossier from the chat (issue 15): the port through which the assistant hands a
 * message (or a photo) to the chat-submission module (src/chatform, wired in app.ts). The module
 * leads the conversation and keeps its state; the assistant keeps the messages and delivers them.
 */
export interface ChatPhoto {
  data: Buffer;
  filename: string;
  declaredType?: string;
}

export interface ChatSubmitTurn {
  composed: Composed;
  decision: 'answer' | 'ask';
  /** The reply asks for a photo: the web chat shows its upload button. */
  upload?: boolean;
}

export interface ChatSubmitDesk {
  /**
   * One message of a chat submission, or undefined when it is not for one (the assistant then
   * answers as usual). `procedure`: the procedure the conversation is about, to start from.
   */
  turn(input: { unitCode: string; channel: string; sessionKey: string; text: string; procedure?: string; photo?: ChatPhoto }): Promise<ChatSubmitTurn | undefined>;
  /** Whether this chat has a submission under way (its messages are the submission's). */
  active(channel: string, sessionKey: string): Promise<boolean>;
  /** Whether the unit offers this procedure's submission in the chat. */
  offered(unitCode: string, procedureCode: string): Promise<boolean>;
}

/** The words of the offer; sending them starts the submission. */
export const OFFER = 'Nộp ngay trong cuộc trò chuyện';

/** An answer about an offered procedure gets the offer as a line and a quick reply. */
export function withOffer(c: Composed): Composed {
  if (c.quickReplies.includes(OFFER)) return c;
  return { lines: [...c.lines, `Bạn có thể nộp hồ sơ ngay trong cuộc trò chuyện này: nhắn “${OFFER}”.`], links: c.links, quickReplies: [OFFER, ...c.quickReplies] };
}
