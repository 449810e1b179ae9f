import type { ReportDeps, ReportService } from './report.service';

/**
 * A part of ReportService kept in its own file (entering values, the DHIS2 exchange, registers):
 * built by the service with its dependencies and the service itself, whose public reads (data
 * sets, periods, permissions) the part uses as the service's own methods would.
 */
export abstract class ReportPart {
  constructor(
    protected readonly deps: ReportDeps,
    protected readonly service: ReportService,
  ) {}

  protected get db() {
    return this.deps.db;
  }
  protected now() {
    return this.deps.clock.now().toISOString();
  }
}
