import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import { NotFoundError } from '../shared/errors';
import { formatDate, formatDateTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import type { UnitService } from '../unit';
import {
  ACTION_LABEL,
  renderApologyPdf,
  renderControlSheetPdf,
  renderRefusalPdf,
  renderSupplementRequestPdf,
  renderTrackingBookPdf,
  TIMELINESS_LABEL,
  timeliness,
  trackingBookXlsx,
  type FormHeader,
  type TrackingBookVm,
} from '../workflow';
import * as repo from './dossier.repo';
import { STATUS_LABEL, type Dossier } from './dossier.types';
import type { DossierWorkflow } from './dossier.workflow';

/** The official forms of a dossier, filled from its data and history (renderers in workflow/). */
export class DossierForms {
  constructor(
    private readonly db: Db,
    private readonly wf: DossierWorkflow,
    private readonly catalog: CatalogService,
    private readonly units: UnitService,
  ) {}

  private async headerOf(d: Dossier, at: string): Promise<FormHeader & { unitAddress: string; unitPhone: string }> {
    const unit = await this.units.get(d.unitCode);
    const t = vnParts(at);
    return {
      unitName: unit.name,
      place: unit.name.replace(/^(Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thành phố|Tỉnh)\s+/, ''),
      date: t,
      code: d.code ?? undefined,
      unitAddress: unit.address,
      unitPhone: unit.phone,
    };
  }

  private async procedureName(d: Dossier): Promise<string> {
    return (await this.catalog.findProcedure(d.procedureCode))?.name ?? d.procedureCode;
  }

  private async last(d: Dossier, action: string) {
    return (await repo.listHistory(this.db, d.id)).filter((h) => h.action === action).at(-1);
  }

  /** Form 02, from the last request for a supplement. */
  async supplementRequest(d: Dossier): Promise<Buffer> {
    const h = await this.last(d, 'request_supplement');
    if (!h) throw new NotFoundError('Hồ sơ chưa có yêu cầu bổ sung.', 'form_not_available');
    const head = await this.headerOf(d, h.createdAt);
    return renderSupplementRequestPdf({
      ...head,
      applicant: { fullName: d.applicant.fullName, address: d.applicant.address, phone: formatPhone(d.applicant.phone), email: d.applicant.email },
      procedureName: await this.procedureName(d),
      items: (h.data.items as string[]) ?? [],
      reason: (h.data.message as string) || undefined,
      contact: { name: h.actorName, phone: head.unitPhone || undefined },
    });
  }

  /** Form 03: refused at reception, or the request refused after examination. */
  async refusal(d: Dossier): Promise<Buffer> {
    const h = (await this.last(d, 'refuse')) ?? (await this.last(d, 'reject'));
    if (!h) throw new NotFoundError('Hồ sơ không bị từ chối.', 'form_not_available');
    const procedure = await this.catalog.findProcedure(d.procedureCode);
    return renderRefusalPdf({
      ...(await this.headerOf(d, h.createdAt)),
      applicant: { fullName: d.applicant.fullName, address: d.applicant.address, phone: formatPhone(d.applicant.phone) },
      procedureName: procedure?.name ?? d.procedureCode,
      reason: String(h.data.reason ?? h.comment),
      legalBasis: procedure?.legalBasis.slice(0, 2).map((l) => [l.number, l.name].filter(Boolean).join(' ')).join('; ') || undefined,
      stage: h.action === 'refuse' ? 'reception' : 'processing',
      signer: h.actorName,
    });
  }

  /** Form 04: the signed apology, or the draft waiting for the leader (marked as such). */
  async apology(d: Dossier): Promise<Buffer> {
    const signed = await this.last(d, 'apologize');
    const draft = signed ? undefined : await this.wf.apologyDraft(d);
    if (!signed && !draft) throw new NotFoundError('Hồ sơ chưa có phiếu xin lỗi.', 'form_not_available');
    const newDueAt = String(signed?.data.newDueAt ?? draft!.newDueAt);
    const at = signed?.createdAt ?? draft!.preparedAt;
    const n = vnParts(newDueAt);
    return renderApologyPdf({
      ...(await this.headerOf(d, at)),
      applicant: { fullName: d.applicant.fullName },
      procedureName: await this.procedureName(d),
      receivedAt: d.receivedAt ? formatDate(d.receivedAt) : '',
      dueAt: d.dueAt ? formatDateTime(d.dueAt) : '',
      reason: String(signed?.data.reason ?? draft!.reason),
      newDueAt: { ...n, text: `${formatDateTime(newDueAt).slice(0, 5)}` },
      signer: signed?.actorName,
      draft: !signed,
    });
  }

  /** Form 05: every hand-over, who gave, who received, when, ahead / on time / late. */
  async controlSheet(d: Dossier): Promise<Buffer> {
    if (!d.receivedAt) throw new NotFoundError('Hồ sơ chưa được tiếp nhận.', 'form_not_available');
    const unit = await this.units.get(d.unitCode);
    const rows = (await this.wf.handovers(d)).map((h) => ({
      from: `${h.fromLabel}${h.fromName ? ` (${h.fromName})` : ''}`,
      to: h.toLabel,
      at: formatDateTime(h.at),
      plannedEnd: h.plannedEnd ? formatDateTime(h.plannedEnd) : '',
      result: h.timeliness ? TIMELINESS_LABEL[h.timeliness] : '',
      note: h.note,
    }));
    return renderControlSheetPdf({
      ...(await this.headerOf(d, d.receivedAt)),
      applicant: { fullName: d.applicant.fullName },
      procedureName: await this.procedureName(d),
      receivedAt: formatDateTime(d.receivedAt),
      dueAt: d.dueAt ? formatDateTime(d.dueAt) : '',
      handlingBody: unit.name,
      rows,
    });
  }

  /** Form 06 for the dossiers received in [from, to] (calendar days, Vietnam time). */
  async trackingBookVm(unitCodes: string[], from: string, to: string): Promise<TrackingBookVm> {
    const unit = await this.units.get(unitCodes[0]!);
    const start = new Date(`${from}T00:00:00+07:00`).toISOString();
    const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();
    const list = await repo.listReceivedBetween(this.db, unitCodes, start, end);
    const hist = await repo.historyOf(this.db, list.map((d) => d.id), ['forward', 'assign', 'mark_result_ready', 'reject']);
    const first = new Map<string, { transfer?: string; result?: string }>();
    for (const h of hist) {
      const e = first.get(h.dossierId) ?? {};
      if ((h.action === 'forward' || h.action === 'assign') && !e.transfer) e.transfer = h.at;
      if (h.action === 'mark_result_ready' || h.action === 'reject') e.result = h.at;
      first.set(h.dossierId, e);
    }
    const now = new Date();
    let onTime = 0;
    let late = 0;
    const rows = [];
    const when = (iso: string | null | undefined) => (iso ? `${formatDate(iso)}\n${formatDateTime(iso).slice(0, 5)}` : '');
    for (const d of list) {
      const e = first.get(d.id) ?? {};
      const done = d.finishedAt ?? null;
      let state: string = STATUS_LABEL[d.status];
      if (d.dueAt && (d.status === 'processed' || d.status === 'returned')) {
        const t = timeliness(new Date(done ?? d.returnedAt ?? now.toISOString()), new Date(d.dueAt));
        state = `${state} — ${TIMELINESS_LABEL[t].toLowerCase()}`;
        if (t === 'late') late++;
        else onTime++;
      } else if (d.dueAt && d.dueAt < now.toISOString() && (d.status === 'received' || d.status === 'in_progress')) {
        state = `${state} — quá hạn`;
        late++;
      }
      rows.push({
        code: d.code ?? '',
        procedureName: (await this.catalog.findProcedure(d.procedureCode))?.name ?? d.procedureCode,
        applicant: d.applicant.fullName,
        contact: [d.applicant.address, formatPhone(d.applicant.phone)].filter(Boolean).join(', '),
        receivedAt: when(d.receivedAt),
        dueAt: when(d.dueAt),
        transferredAt: when(e.transfer),
        resultAt: when(e.result),
        returnedAt: when(d.returnedAt),
        status: state,
        note: [d.supplementCount ? `Bổ sung ${d.supplementCount} lần` : '', d.rescheduledDueAt ? `Xin lỗi, hẹn lại ${formatDate(d.rescheduledDueAt)}` : '', d.outcome === 'rejected' ? ACTION_LABEL.reject! : ''].filter(Boolean).join('; '),
      });
    }
    const t = vnParts(new Date().toISOString());
    return {
      unitName: unit.name,
      place: unit.name.replace(/^(Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thành phố|Tỉnh)\s+/, ''),
      date: t,
      period: `Từ ngày ${formatDate(start)} đến ngày ${formatDate(new Date(new Date(end).getTime() - 1))}`,
      rows,
      summary: `Tổng số ${rows.length} hồ sơ tiếp nhận trong kỳ; đã có kết quả hoặc đang xử lý đúng hạn: ${onTime}; trễ hạn: ${late}.`,
    };
  }

  async trackingBookPdf(unitCodes: string[], from: string, to: string): Promise<Buffer> {
    return renderTrackingBookPdf(await this.trackingBookVm(unitCodes, from, to));
  }

  async trackingBookXlsx(unitCodes: string[], from: string, to: string): Promise<Buffer> {
    return trackingBookXlsx(await this.trackingBookVm(unitCodes, from, to));
  }
}

/** Day, month, year of an instant in Vietnam (UTC+7). */
export function vnParts(iso: string): { day: number; month: number; year: number } {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, year: t.getUTCFullYear() };
}
