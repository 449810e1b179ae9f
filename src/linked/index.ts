// Linked procedure groups (liên thông, issue 14): the module's public surface.
export { LinkedService, memberLabel, SUBMISSION_CODE_RE, type LinkedDeps } from './linked.service';
export { LinkedPartnerJob } from './linked.jobs';
export { linkedRoutes, type LinkedRoutesDeps } from './linked.routes';
export { linkedStaffRoutes } from './linked.staff-routes';
export { partnerRoutes, type PartnerRoutesDeps } from './linked.partner-routes';
export { DEMO_GROUPS, DEMO_PARTNERS, BHYT_CHILD_CODE, FUNERAL_CODE } from './linked.demo';
export { GROUP_CODE_RE, type LinkedGroup, type MemberState, type Partner, type SubmissionView } from './linked.types';
