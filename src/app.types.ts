import type { AccountService } from './account';
import type { AppointmentService } from './appointment';
import type { AssistantService } from './assistant';
import type { AuditService } from './audit';
import type { CalendarService } from './calendar';
import type { CatalogService } from './catalog';
import type { ChatFormService } from './chatform';
import type { Broadcast } from './cluster';
import type { DashboardService } from './dashboard';
import type { Database } from './db/connection';
import type { ArchiveService, DocstoreService } from './docstore';
import type { DossierDrafts } from './dossier/dossier.drafts';
import type { DossierForms } from './dossier/dossier.forms';
import type { DossierService } from './dossier/dossier.service';
import type { DossierWorkflow } from './dossier/dossier.workflow';
import type { BlobStore } from './file';
import type { HomeVisitService } from './homevisit';
import type { IndicatorService } from './indicator';
import type { LinkedService } from './linked';
import type { NotificationService, NotificationWorker } from './notification';
import type { OfficeService } from './office';
import type { PaymentService } from './payment';
import type { PerformanceService } from './performance';
import type { QueueService } from './queue';
import type { RatingService } from './rating';
import type { ReportService } from './report';
import type { ReportReminders } from './report/summary.reminders';
import type { ScoringService } from './scoring';
import type { Clock } from './shared/clock';
import type { JobElection } from './shared/periodic-job';
import type { RateLimitStore } from './shared/rate-limit';
import type { SigningService } from './signing';
import type { UnitService } from './unit';
import type { VaccinationService } from './vaccination';
import type { WorkflowService } from './workflow';

/** Everything the app is made of, built once by buildServices (src/app.ts, the only composition root). */
export interface Services {
  database: Database;
  units: UnitService;
  catalog: CatalogService;
  notifications: NotificationService;
  accounts: AccountService;
  /** Attachments and results: DATA_DIR/files or an S3-compatible bucket (FILE_STORE). */
  files: BlobStore;
  dossiers: DossierService;
  /** Processing by officials (issue 4): processes, the action engine, the official forms, the audit log. */
  audit: AuditService;
  workflow: WorkflowService;
  dossierWorkflow: DossierWorkflow;
  dossierForms: DossierForms;
  /** Drafts citizens come back to (resume links, expiry with their files). */
  drafts: DossierDrafts;
  payments: PaymentService;
  /** Outbox delivery; started by `serve`/`start` (WORKER=on) or `motcua worker`. */
  worker: NotificationWorker;
  /** PostgreSQL: elects the one process that runs each periodic job's tick (src/jobs); SQLite: none. */
  jobElection: JobElection | undefined;
  assistant: AssistantService;
  /** Submitting a dossier from the chat (issue 15). */
  chatForm: ChatFormService;
  /** Satisfaction ratings and the follow-up of a "Không hài lòng" (issue 11). */
  ratings: RatingService;
  /** Decision 766/QĐ-TTg indicators, computed from the dossiers' history. */
  indicators: IndicatorService;
  /** The indicator dashboards, their exports and the public results page (issue 11). */
  dashboards: DashboardService;
  /** Officials' performance from the history, their targets, the weekly review (issue 11). */
  performance: PerformanceService;
  /** Monthly scoring of units by their supervisor (issue 11, the Bắc Từ Liêm model). */
  scoring: ScoringService;
  /** Appointments at the counter and the queue's statistics (issue 13). */
  appointments: AppointmentService;
  /** The counter queue: tickets, counters, display, live pages (issue 13). */
  queue: QueueService;
  /** The working calendar: national declarations, units' Saturdays, days off and hours (issue 13). */
  calendars: CalendarService;
  /** Home visits by the unit's support team (issue 13). */
  homeVisits: HomeVisitService;
  /** Report consolidation: data sets, entering, DHIS2 exchange, rollups (issue 12). */
  reports: ReportService;
  /** Reminders of reports as deadlines near and pass (issue 12, the supervisor's side); run by ReportReminderJob. */
  reportReminders: ReportReminders;
  /** The citizen's document store: results, checked papers, reuse in new dossiers (issue 14). */
  docstore: DocstoreService;
  /** Back-scanned archive records with OCR of Vietnamese text (issue 14). */
  archive: ArchiveService;
  /** Linked procedure groups (liên thông, issue 14): one form, one dossier per member, partner agencies. */
  linked: LinkedService;
  /** The unit's digital signature on PDF results and the public verification page (issue 14). */
  signing: SigningService;
  /** Vaccination reminders for children from 0 to 24 months, and the health station's lists (issue 14); run by VaccinationReminderJob. */
  vaccination: VaccinationService;
  /** The other processes on the same PostgreSQL (issue 16): told of changes, heard from (src/cluster). */
  broadcast: Broadcast;
  /** Request budgets shared by those processes (PostgreSQL); undefined: each budget in memory (SQLite, one process). */
  rateLimits: RateLimitStore | undefined;
  /** The unit's offices and which receives each procedure (issue 15: "where to go is a concrete office"). */
  offices: OfficeService;
  clock: Clock;
}

