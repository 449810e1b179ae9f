export { AccountService, ROLE_LABEL, STAFF_ROLES, type Citizen, type Principal, type Session, type Staff, type StaffInput, type StaffRole } from './account.service';
