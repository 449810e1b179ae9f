export { jobElection, PgJobElection } from './jobs.election';
export { listRuns as listJobRuns } from './jobs.repo';
