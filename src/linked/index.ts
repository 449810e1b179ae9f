// Linked procedure groups (liên thông, issue 14): the module's public surface.
export { LinkedService, memberLabel, SUBMISSION_CODE_RE, type LinkedDeps } from './linked.service';
export { LinkedPartnerJob } from './linked.jobs';
export { linkedRoutes, type LinkedRoutesDeps } from './linked.routes';
export { linkedStaffRoutes } from './linked.staff-routes';
export { LinkedGroupAdmin, type GroupAdminDeps } from './linked.admin';
export { linkedAdminRoutes } from './linked.admin-routes';
// A dossier that is a part of a group: the box on the officials' dossier page, and its JSON.
export { LinkedMemberBox, memberGroupJson } from './linked.member-box';
export { partnerRoutes, type PartnerRoutesDeps } from './linked.partner-routes';
export { DEMO_GROUPS, DEMO_PARTNERS, BHYT_CHILD_CODE, FUNERAL_CODE } from './linked.demo';
export { GROUP_CODE_RE, type LinkedGroup, type MemberOfGroup, type MemberState, type Partner, type SubmissionView } from './linked.types';
