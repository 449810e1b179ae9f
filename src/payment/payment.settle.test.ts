import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';

/** Monday 30 November 2026, 09:00 in Hà Nội: the counter is open. */
eachEngine("a paid fee restarts the dossier's clock", { at: '2026-11-30T02:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off' } }, (t) => {
  const inject = (o: InjectOptions) => t.env.app.inject(o);

  it('moves a dossier out of "payment requested" once the cash is recorded', async () => {
    const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
    const cookie = `motcua_sid=${login.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
    const form = (await inject({ method: 'GET', url: '/api/procedures/2.000884/form' })).json();
    const formData: Record<string, unknown> = {};
    for (const k of form.formData.required ?? []) {
      const p = form.formData.properties[k];
      formData[k] = p.enum ? p.enum[0] : p.type === 'boolean' ? true : p.type === 'integer' || p.type === 'number' ? 1 : p.format === 'date' ? '2026-11-20' : 'Giấy ủy quyền';
    }
    const created = await inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { cookie },
      payload: { procedureCode: '2.000884', channel: 'in_person', applicant: { fullName: 'Lê Văn Tâm', phone: '0977000111' }, formData, submit: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const code = created.json().code as string;
    const asked = await inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, headers: { cookie }, payload: { type: 'request_payment', amount: 10000 } });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('payment_requested');

    const d = (await t.env.services.dossiers.findByCode(code))!;
    const staff = { kind: 'staff' as const, id: 'x', unitCode: '00004', role: 'receptionist', name: 'Nguyễn Thị Hòa' };
    await t.env.services.payments.recordCash(d, staff, 10000);
    const after = await inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: { cookie } });
    expect(after.json().status).not.toBe('payment_requested');
    expect(after.json().history.some((h: any) => h.action === 'confirm_payment')).toBe(true);
    expect(after.json().payment.status).toBe('paid');
  });
});
