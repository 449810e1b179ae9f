import '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { AccountService, Staff } from '../account';
import type { AuditService } from '../audit';
import type { CatalogService } from '../catalog';
import type { UnitService } from '../unit';
import type { ActionType } from '../workflow';
import type { DossierForms } from './dossier.forms';
import type { DossierService } from './dossier.service';
import type { Dossier } from './dossier.types';
import type { DossierWorkflow } from './dossier.workflow';
import { staffWorklistRoutes } from './dossier.staff-worklist';
import { staffDossierRoutes } from './dossier.staff-actions';
import { staffExportRoutes } from './dossier.staff-exports';

export interface StaffRoutesDeps {
  dossiers: DossierService;
  workflow: DossierWorkflow;
  forms: DossierForms;
  accounts: AccountService;
  catalog: CatalogService;
  units: UnitService;
  audit: AuditService;
  publicUrl: string;
  /** The fee still due on a dossier (payment module), to fill in the payment request. */
  feeDue?: (d: Dossier) => Promise<number>;
  /** A small box shown above the worklist (the official's targets, from the performance module). */
  worklistBox?: (staff: Staff) => Promise<VNode | null>;
  /** The home visit a dossier was received on (home-visit module): its date and page. */
  homeVisitOf?: (dossierCode: string) => Promise<{ date: string; href: string } | undefined>;
  /** A dossier submitted in the assistant's chat (chatform module): its channel's name and the conversation. */
  chatSubmissionOf?: (dossierCode: string) => Promise<{ channelLabel: string; box: VNode } | undefined>;
  /** The linked group a dossier is a part of (linked module): its box, or undefined for a dossier of its own. */
  linkedGroupOf?: (d: Dossier) => Promise<VNode | undefined>;
}

/**
 * The official's pages and API, and the applicant's actions from the tracking page. Registered in
 * this order (the OpenAPI document lists the paths so): pages, the applicant's actions, JSON API.
 */
export async function dossierStaffRoutes(app: FastifyInstance, deps: StaffRoutesDeps): Promise<void> {
  const worklist = staffWorklistRoutes(deps);
  const dossier = staffDossierRoutes(deps);
  const exported = staffExportRoutes(deps);

  // ------------------------------------------------------------------ pages
  worklist.pages(app);
  dossier.pages(app);
  exported.pages(app);

  // ------------------------------------------------------------------ the applicant, from the tracking page
  dossier.citizen(app);

  // ------------------------------------------------------------------ JSON API
  worklist.api(app);
  exported.api(app);
}

export type { ActionType };
