/** Home visits by the unit's support team (issue 13). */
export { HomeVisitService, REQUESTER_LABEL, VISIT_STATUS_LABEL, type HomeVisit, type HomeVisitDeps, type ReceivedDossier, type ReceptionFigures, type ReceptionKind } from './homevisit.service';
export { homeVisitReportRoutes, homeVisitRoutes, type HomeVisitRouteDeps } from './homevisit.routes';
