/**
 * The escalation job reads only the dossiers it can still act on (issue 16: at province scale the
 * others filled its list and were each asked for their apology by a query of their own): a
 * dossier flagged overdue while its appointment is days away still gets its apology when the
 * appointment nears, and once flagged with its apology prepared it is left alone.
 */
import { expect, it } from 'vitest';
import * as repo from './dossier.repo';
import { eachEngine } from '../shared/suite.testing';
import { Desk } from './workflow.testing';

const HOUR = 3_600_000;
// Đăng ký lại kết hôn: 5 working days.
const PROC = '1.004746';

eachEngine('escalation at scale', { at: '2026-12-07T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  it('flags a step overdue days before the appointment, prepares the apology when the appointment nears, then leaves the dossier alone', async () => {
    const desk = new Desk(t.env);
    const workflow = t.env.services.dossierWorkflow;
    const d = await desk.receiveAtCounter(PROC);
    await desk.ok(d.code, 'tiepnhan', { type: 'forward' });
    const assigned = await desk.ok(d.code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
    const stepDue = new Date(assigned.workflow.stepDueAt).getTime();
    const due = new Date(d.dueAt).getTime();
    expect(due - stepDue).toBeGreaterThan(24 * HOUR);
    const outbox = async () => (await desk.outbox(d.code)).filter((m) => /^(escalation|apology_draft)/.test(m.event));

    // The examination step is late; the appointment is still days away: flagged, no apology.
    t.clock.set(new Date(stepDue + HOUR));
    await workflow.escalate();
    expect((await desk.get(d.code, 'lanhdao')).workflow.flag).toBe('overdue');
    const flagged = await outbox();
    expect(flagged.some((m) => m.event === 'escalation_overdue')).toBe(true);
    expect(flagged.some((m) => m.event === 'apology_draft')).toBe(false);
    const draft = () => repo.findApologyDraft(t.env.services.database.db, d.id);
    expect(await draft()).toBeUndefined();

    // Two hours before the appointment: the apology is prepared for the leader (the flag stays).
    t.clock.set(new Date(due - 2 * HOUR));
    await workflow.escalate();
    const prepared = await outbox();
    expect(prepared.filter((m) => m.event === 'apology_draft').length).toBeGreaterThanOrEqual(1);
    expect(prepared.filter((m) => m.event.startsWith('escalation'))).toHaveLength(flagged.length);
    expect((await draft())?.newDueAt).toBeTruthy();

    // Nothing left to do for it: not read again, and a later run sends nothing more.
    const horizon = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString();
    expect((await repo.escalationCandidates(t.env.services.database.db, t.clock.now().toISOString(), horizon)).map((c) => c.code)).not.toContain(d.code);
    t.clock.set(new Date(due + HOUR));
    await workflow.escalate();
    expect(await outbox()).toHaveLength(prepared.length);
  });

  it('leaves out a dossier flagged near whose step is not yet due and which has its apology, until its step is past', async () => {
    const desk = new Desk(t.env);
    const workflow = t.env.services.dossierWorkflow;
    const db = t.env.services.database.db;
    const d = await desk.receiveAtCounter(PROC);
    await desk.ok(d.code, 'tiepnhan', { type: 'forward' });
    const assigned = await desk.ok(d.code, 'lanhdao', { type: 'assign', assignee: 'chuyenvien' });
    const stepDue = new Date(assigned.workflow.stepDueAt).getTime();
    const candidates = async () => (await repo.escalationCandidates(db, t.clock.now().toISOString(), new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString())).map((c) => c.code);

    // Two hours before the step's deadline: flagged near.
    t.clock.set(new Date(stepDue - 2 * HOUR));
    await workflow.escalate();
    expect((await desk.get(d.code, 'lanhdao')).workflow.flag).toBe('near');
    await repo.insertApologyDraft(db, { id: `apology-${d.code}`, dossier_id: d.id, status: 'draft', reason: 'Cần thêm thời gian xác minh.', new_due_at: d.dueAt, prepared_by: 'Hệ thống', prepared_at: t.clock.now().toISOString(), signed_by: null, signed_at: null });
    expect(await candidates()).not.toContain(d.code);

    // An hour past it: read again, and flagged overdue.
    t.clock.set(new Date(stepDue + HOUR));
    expect(await candidates()).toContain(d.code);
    await workflow.escalate();
    expect((await desk.get(d.code, 'lanhdao')).workflow.flag).toBe('overdue');
  });

  it('reads a running dossier with its deadline, its flag and whether it has an apology', async () => {
    const desk = new Desk(t.env);
    t.clock.set('2026-12-21T02:00:00Z');
    const d = await desk.receiveAtCounter(PROC);
    const horizon = new Date(new Date(d.dueAt).getTime() + HOUR).toISOString();
    const found = (await repo.escalationCandidates(t.env.services.database.db, t.clock.now().toISOString(), horizon)).find((c) => c.code === d.code);
    expect(found).toMatchObject({ code: d.code, unitCode: '00004', dueAt: d.dueAt, dueFixed: true, flag: '', hasApology: false, stepNo: 0, currentRole: 'receptionist' });
  });
});
