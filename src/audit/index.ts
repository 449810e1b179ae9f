export { AuditService, hashOf, GENESIS, type AuditActor, type AuditEntry, type AuditEntryInput, type AuditProblem, type AuditVerification } from './audit.service';
