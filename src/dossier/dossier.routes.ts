import type { ComponentChildren } from 'preact';
import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../account';
import type { CatalogService } from '../catalog';
import type { UnitService } from '../unit';
import type { PaymentHooks } from '../payment';
import type { AuditService } from '../audit';
import type { DossierWorkflow } from './dossier.workflow';
import { dossierApiRoutes } from './dossier.api-routes';
import { citizenPageRoutes } from './dossier.citizen-routes';
import { counterPageRoutes } from './dossier.counter-routes';
import type { LinkedGroupJson } from './dossier.openapi';
import { submitRoutes, type HomeReception } from './dossier.submit-routes';
import type { DossierDrafts } from './dossier.drafts';
import { dossierProofRoutes } from './dossier.proof-routes';
import { routeKit } from './dossier.route-kit';
import type { DossierService } from './dossier.service';
import type { SigningService } from '../signing';
import type { Actor, Dossier } from './dossier.types';
import type { StoredPapers } from './dossier.papers';
import type { UploadedFile } from '../shared/uploads';
import type { RateLimitStore } from '../shared/rate-limit';

export interface DossierRoutesDeps {
  dossiers: DossierService;
  accounts: AccountService;
  catalog: CatalogService;
  units: UnitService;
  publicUrl: string;
  demo: boolean;
  requirePhoneVerification: boolean;
  rateLimit: boolean;
  /** Where budgets are counted (shared by every process on one PostgreSQL); undefined: this process's memory. */
  limits?: RateLimitStore;
  defaultUnit: () => Promise<string>;
  /** Fees and payments on the dossier's JSON and pages (payment module). */
  payments?: PaymentHooks;
  /** Processing (issue 4): the action engine, and the audit log of staff views. */
  workflow?: DossierWorkflow;
  audit?: AuditService;
  /** Label of the OpenID Connect sign-in button, when configured. */
  oidcLabel?: string;
  /** Drafts: resume links, expiry, the online form's saved state (dossier.drafts.ts). */
  drafts: DossierDrafts;
  /** The satisfaction rating box of a returned dossier's tracking page (rating module). */
  rating?: (d: Dossier, o: { strong: boolean; token?: string; csrf: string }) => Promise<ComponentChildren>;
  /** Reception at the citizen's home on a planned visit (home-visit module). */
  homeReception?: HomeReception;
  /** The citizen's document store (docstore module): stored papers reused instead of uploads. */
  storedPapers?: StoredPapers;
  /** Linked procedure groups (issue 14): a group's code ("LT-KS") as the procedure submits the whole group. */
  linked?: LinkedSubmission;
  /** The linked group a dossier is a part of (issue 14), in the officials' JSON. */
  linkedGroupOf?: (d: Dossier) => Promise<LinkedGroupJson | undefined>;
  /** Signed electronic results: the verification link of a dossier's result (issue 14). */
  signing?: Pick<SigningService, 'forDossier' | 'verifyUrl' | 'listFor'>;
}

/**
 * The linked-group module's way into `POST /api/dossiers`: a group code given as `procedureCode`
 * is submitted as one group (one dossier per member) and answered `{groupCode, members}`.
 */
export interface LinkedSubmission {
  isGroupCode(code: string): boolean;
  submit(r: { unitCode: string; raw: unknown; files: UploadedFile[]; actor: Actor; idempotencyKey?: string; phoneVerified: (phone: string, otp: string | undefined) => Promise<boolean> }): Promise<{ status: number; body: unknown }>;
}

/**
 * The dossier module's routes, in this order: the JSON API (dossier.api-routes.ts), the online form,
 * reception and drafts (dossier.submit-routes.ts), the citizen's pages (dossier.citizen-routes.ts),
 * the officials' counter pages (dossier.counter-routes.ts) and the proof routes; what they share is
 * built once (dossier.route-kit.ts).
 */
export async function dossierRoutes(app: FastifyInstance, deps: DossierRoutesDeps): Promise<void> {
  const { dossiers, accounts, catalog } = deps;
  const kit = routeKit(deps);
  const { signInLimit } = kit;

  // ------------------------------------------------------------------ JSON API
  dossierApiRoutes(app, deps, kit);

  // ------------------------------------------------------------------ citizen pages
  // The online form, the counter's reception form and drafts (dossier.submit-routes.ts).
  await submitRoutes(app, { dossiers, drafts: deps.drafts, accounts, catalog, requirePhoneVerification: deps.requirePhoneVerification, payments: deps.payments, signInLimit, homeReception: deps.homeReception, storedPapers: deps.storedPapers });
  citizenPageRoutes(app, deps, kit);

  // ------------------------------------------------------------------ counter (staff) pages
  counterPageRoutes(app, deps, kit);
  await dossierProofRoutes(app, { dossiers, accounts, demo: deps.demo });
}
