// The dossier module's public surface for other modules (DESIGN.md: modules talk through index.ts).
export { dossierTimelines, TIMELINE_ACTIONS, type DossierTimeline, type TimelineEvent } from './dossier.timelines';
// For modules that learn from what officials did (performance, the weekly review).
export { dossierCodes, openDossiers, staffActivity, type OpenDossier, type StaffActivity } from './dossier.activity';
