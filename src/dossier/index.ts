// The dossier module's public surface for other modules (DESIGN.md: modules talk through index.ts).
// For modules that learn from what officials did (performance, the weekly review).
export { dossierCodes, openDossierCounts, openDossiers, receivedDossiers, staffActivity, type OpenDossier, type ReceivedDossier, type StaffActivity } from './dossier.activity';
// The proof a citizen gives to change a dossier (the rating module's routes): the one proof gate
// (PROOF_ROUTE) and the one rule (requireChangeProof), reused instead of written again.
export { PROOF_ROUTE, requireChangeProof, STRONGER_PROOF_MESSAGE } from './dossier.proof';
export type { DossierService } from './dossier.service';
// The drafts a chat submission (issue 15) fills in as the web form does.
export type { DossierDrafts } from './dossier.drafts';
// The workflow's service (composition root, demo history) and the worklist tab names (audit views).
export { WORKLIST_TAB_LABEL, type DossierWorkflow } from './dossier.workflow';
export { STATUS_LABEL, type Actor, type Dossier, type DossierStatus } from './dossier.types';
export { changedDossiers, dossierIdsAfter, dossierTimelines, lastChangeId, timelinesOf, TIMELINE_ACTIONS, type DossierTimeline, type FullTimeline, type TimelineEvent } from './dossier.timelines';
export type { HomeReception } from './dossier.submit-routes';
// The citizen's document store (issue 14): the files of a citizen's dossiers, the components of a
// procedure, and the port through which a stored paper is reused in a new dossier.
export { citizenFiles, dossierFileOwner, type AttachmentUpload, type CitizenFile, type PaperHolder, type StoredPaperOffer, type StoredPapers } from './dossier.papers';
export { componentsOf } from './dossier.components';
export { sendStored } from './dossier.download';
export { RESULT_COMPONENT } from './dossier.types';
// Linked procedure groups (issue 14): the group's way into POST /api/dossiers, and what a member's submission takes.
export type { LinkedSubmission } from './dossier.routes';
export type { LinkedGroupJson } from './dossier.openapi';
export type { NewDossierInput } from './dossier.intake';
