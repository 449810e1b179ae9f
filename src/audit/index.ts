export { AuditService, hashOf, macOf, GENESIS, type AuditActor, type AuditEntry, type AuditEntryInput, type AuditProblem, type AuditVerification, type ChainPlace } from './audit.service';
export { AuditCheckpointJob, FileCheckpointStore, checkpointMac, type Checkpoint, type CheckpointStore } from './audit.checkpoints';
