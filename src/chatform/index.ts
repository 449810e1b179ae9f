// Submitting a dossier from the chat (issue 15): the assistant's ChatSubmitDesk, the unit's choice
// of procedures, and what a dossier's staff page shows of the conversation.
export { ChatFormService, DEFAULT_CHAT_PROCEDURES, type ChatFormDeps } from './chatform.service';
export { chatFormRoutes, type ChatFormRoutesDeps } from './chatform.routes';
export { CHAT_CHANNEL_LABEL, ChatTranscriptBox } from './chatform.views';
export { vietnameseDate } from './chatform.answers';
