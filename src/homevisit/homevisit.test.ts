import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { APPLICANT, Desk, fillForm, multipart } from '../dossier/workflow.testing';
import { csrfOf, eachEngine, formBody, postStaffForm } from '../shared/suite.testing';

// Thursday 3/12/2026, 09:00 in Hà Nội.
eachEngine('home visits by the support team', { at: '2026-12-03T02:00:00Z' }, (t) => {
  let desk: Desk;
  beforeAll(() => {
    desk = new Desk(t.env);
  });
  const staffPost = async (url: string, who: string, body: Record<string, string | string[]>) => postStaffForm(t.env, await desk.cookie(who), '/can-bo/ho-tro-tai-nha', url, body);
  const REQUEST = { procedureCode: '1.004222', applicantName: 'Nguyễn Văn Thọ', requester: 'village_head', requesterName: 'Trần Văn Trưởng', phone: '0912 111 222', village: 'Tổ dân phố 5', address: 'Số 3 ngõ 12 phố Đội Cấn', preferredDays: 'sáng Thứ Bảy', note: '' };

  it('a relative or village head asks on the public page (no JS), proven by the code sent to the phone', async () => {
    const unitPage = await desk.inject({ method: 'GET', url: '/dv/00004' });
    expect(unitPage.body).toContain('href="/dv/00004/ho-tro-tai-nha"');
    const page = await desk.inject({ method: 'GET', url: '/dv/00004/ho-tro-tai-nha' });
    expect(page.statusCode).toBe(200);
    const csrf = csrfOf(page.body);
    const cookies = { motcua_csrf: page.cookies.find((c) => c.name === 'motcua_csrf')!.value };
    const bad = await desk.inject({ method: 'POST', url: '/dv/00004/ho-tro-tai-nha', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrf, ...REQUEST, phone: '12', address: '' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Số điện thoại không hợp lệ');
    expect(bad.body).toContain('Địa chỉ là bắt buộc');
    // The server's Vietnamese messages, not the browser's own bubbles (novalidate), each leading to its field.
    expect(page.body).toMatch(/<form method="post" action="\/dv\/00004\/ho-tro-tai-nha" class="card" novalidate/);
    expect(bad.body).toContain('<a href="#phone">Số điện thoại không hợp lệ');
    expect(bad.body).toContain('<label for="requester-village_head">Trưởng thôn, tổ trưởng tổ dân phố</label>');
    const ok = await desk.inject({ method: 'POST', url: '/dv/00004/ho-tro-tai-nha', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrf, ...REQUEST }) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Nhập mã xác thực');
    const id = /ho-tro-tai-nha\/([0-9a-f-]{36})/.exec(ok.body)![1]!;
    expect((await t.env.services.homeVisits.get(id)).status).toBe('unverified');
    const wrong = await desk.inject({ method: 'POST', url: `/dv/00004/ho-tro-tai-nha/${id}`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrf, code: '000000' }) });
    expect(wrong.statusCode).toBe(422);
    const otp = (await t.env.services.notifications.list({ recipient: '0912111222' })).find((x) => x.event === 'otp')!;
    const code = /(\d{6})/.exec(otp.body)![1]!;
    const done = await desk.inject({ method: 'POST', url: `/dv/00004/ho-tro-tai-nha/${id}`, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ _csrf: csrf, code }) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Đã nhận đề nghị hỗ trợ tại nhà');
    expect((await t.env.services.homeVisits.get(id)).status).toBe('requested');
  });

  it('the team plans a route by village, confirms by SMS and records a dossier received at home (channel home) or why not', async () => {
    const team = await t.env.services.homeVisits.team('00004');
    const tiepnhan = team.find((t) => t.fullName === 'Nguyễn Thị Hòa')!;
    // Only members of the support team record visits; the leader picks them.
    expect((await staffPost('/can-bo/ho-tro-tai-nha/to', 'lanhdao', { member: [tiepnhan.id] })).statusCode).toBe(303);
    expect((await staffPost('/can-bo/ho-tro-tai-nha', 'tiepnhan', { ...REQUEST, applicantName: 'Lê Thị Bà', phone: '0912333444', village: 'Tổ dân phố 2', address: 'Số 8 phố Kim Mã' })).statusCode).toBe(303);
    const open = await t.env.services.homeVisits.list('00004', ['requested']);
    expect(open).toHaveLength(2);
    for (const v of open) {
      const r = await staffPost(`/can-bo/ho-tro-tai-nha/${v.id}/xep-lich`, 'lanhdao', { date: '2026-12-05', assigneeId: tiepnhan.id });
      expect(r.statusCode, r.body).toBe(303);
    }
    const past = await t.env.services.homeVisits.request('00004', { ...REQUEST, phone: '0912555666' }, 'phone');
    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${past.id}/xep-lich`, 'lanhdao', { date: '2026-12-01', assigneeId: tiepnhan.id })).body).toContain('Ngày đến nhà đã qua');

    const page = await desk.inject({ method: 'GET', url: '/can-bo/ho-tro-tai-nha', headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(page.body).toContain('Ngày 05/12/2026 — lộ trình theo thôn');
    expect(page.body.indexOf('Tổ dân phố 2')).toBeLessThan(page.body.indexOf('Tổ dân phố 5')); // the route: by village
    const [first, second] = (await t.env.services.homeVisits.routes('00004'))[0]!.visits;

    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/xac-nhan`, 'tiepnhan', {})).statusCode).toBe(303);
    const sms = (await t.env.services.notifications.list({ recipient: '0912333444' })).filter((m) => m.event === 'home_visit_confirm');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain('05/12/2026');

    // At home: the dossier received through the counter reception with channel "home".
    const f = (await desk.inject({ method: 'GET', url: '/api/procedures/1.004222/form' })).json();
    const r = await desk.inject({ method: 'POST', url: '/api/dossiers', headers: { cookie: await desk.cookie('tiepnhan') }, payload: { procedureCode: '1.004222', channel: 'home', applicant: { ...APPLICANT, fullName: 'Lê Thị Bà' }, formData: fillForm(f.formData), submit: true } });
    expect(r.statusCode, r.body).toBe(201);
    const home = r.json();
    expect(home.channel).toBe('home');
    const counterDossier = await desk.receiveAtCounter('1.004222');

    // The leader is not in the team; an in-person dossier is not a home one.
    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/ket-qua`, 'lanhdao', { dossierCode: home.code })).statusCode).toBe(403);
    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/ket-qua`, 'tiepnhan', { dossierCode: counterDossier.code })).body).toContain('không phải hồ sơ tiếp nhận tại nhà');
    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${first!.id}/ket-qua`, 'tiepnhan', { dossierCode: home.code })).statusCode).toBe(303);
    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${second!.id}/ket-qua`, 'tiepnhan', { reason: '' })).body).toContain('Ghi lý do không tiếp nhận được hồ sơ');
    expect((await staffPost(`/can-bo/ho-tro-tai-nha/${second!.id}/ket-qua`, 'tiepnhan', { reason: 'Cụ ông nằm viện, hẹn tuần sau' })).statusCode).toBe(303);
    expect((await t.env.services.homeVisits.get(first!.id)).dossier_code).toBe(home.code);
    expect(await t.env.services.homeVisits.counts('00004', '2026-12-01', '2026-12-31')).toEqual({ planned: 0, received: 1, notReceived: 1 });
    // The worklist can filter the channel.
    const wl = await desk.inject({ method: 'GET', url: '/can-bo?kenh=home', headers: { cookie: await desk.cookie('tiepnhan') } });
    expect(wl.body).toContain('Tại nhà (tổ hỗ trợ)');
  });

  it('on a Saturday the official opens the reception from the visit, photographs the papers on the phone: the dossier and the visit name each other, and the counts are reported', async () => {
    const team = await t.env.services.homeVisits.team('00004');
    const member = team.find((t) => t.fullName === 'Nguyễn Thị Hòa')!; // made a member above
    const v = await t.env.services.homeVisits.request('00004', { ...REQUEST, applicantName: 'Phạm Văn Cụ', phone: '0912777888', village: 'Tổ dân phố 7', address: 'Số 20 phố Liễu Giai' }, 'phone');
    await t.env.services.homeVisits.plan('00004', v.id, { date: '2026-12-05', assigneeId: member.id });
    t.clock.set('2026-12-05T02:30:00Z'); // Saturday 5/12, 09:30 at the citizen's home
    const cookie = await desk.cookie('tiepnhan');

    // The team page offers the reception on the visit; the form is the visit's: applicant filled in, channel fixed, a camera input per paper.
    const team1 = await desk.inject({ method: 'GET', url: '/can-bo/ho-tro-tai-nha', headers: { cookie } });
    const href = `/can-bo/tiep-nhan?thu_tuc=1.004222&amp;kenh=home&amp;chuyen=${v.id}`;
    expect(team1.body).toContain(href);
    const formUrl = `/can-bo/tiep-nhan?thu_tuc=1.004222&kenh=home&chuyen=${v.id}&truong-hop=khong`;
    const page = await desk.inject({ method: 'GET', url: formUrl, headers: { cookie } });
    expect(page.statusCode, page.body.slice(0, 500)).toBe(200);
    expect(page.body).toContain('Tiếp nhận tại nhà người dân (tổ hỗ trợ): Phạm Văn Cụ, Số 20 phố Liễu Giai, Tổ dân phố 7');
    expect(page.body).toContain('value="Phạm Văn Cụ"');
    expect(page.body).toMatch(/<input[^>]*type="file"[^>]*capture="environment"/);
    // The leader (not in the team) cannot open it.
    expect((await desk.inject({ method: 'GET', url: formUrl, headers: { cookie: await desk.cookie('lanhdao') } })).statusCode).toBe(403);

    const f = (await desk.inject({ method: 'GET', url: '/api/procedures/1.004222/form?unit=00004' })).json();
    const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#f4f1e8' } }).jpeg().toBuffer();
    const required = f.cases.flatMap((g: any) => (g.kind === 'general' ? g.components : [])).filter((c: any) => c.required);
    expect(required.length).toBeGreaterThan(0);
    const mp = multipart([
      { name: '_csrf', value: csrfOf(page.body) },
      { name: 'case', value: '' },
      { name: 'applicant.fullName', value: 'Phạm Văn Cụ' },
      { name: 'applicant.phone', value: '0912777888' },
      { name: 'applicant.idNumber', value: APPLICANT.idNumber },
      { name: 'applicant.address', value: 'Số 20 phố Liễu Giai' },
      { name: 'delivery', value: 'counter' },
      ...Object.entries(fillForm(f.formData)).map(([k, x]) => ({ name: k, value: String(x) })),
      ...required.map((c: any) => ({ name: `file:${c.id}`, value: photo, filename: 'IMG_20261205_093000.jpg', type: 'image/jpeg' })),
    ]);
    const done = await desk.inject({ method: 'POST', url: formUrl, headers: { cookie, ...mp.headers }, payload: mp.body });
    expect(done.statusCode, done.body.slice(0, 2000)).toBe(303);
    const code = /\/can-bo\/ho-so\/([\d-]+)\?moi=1/.exec(done.headers.location as string)![1]!;

    // The dossier: channel home, the photos kept, received at home on that visit; the receipt sent by SMS and printable.
    const d = await desk.get(code, 'tiepnhan');
    expect(d.channel).toBe('home');
    expect(d.attachments.filter((x: any) => x.mime === 'image/jpeg')).toHaveLength(required.length);
    const dossierPage = await desk.inject({ method: 'GET', url: `/can-bo/ho-so/${code}`, headers: { cookie } });
    expect(dossierPage.body).toContain('Tại nhà (tổ hỗ trợ)');
    expect(dossierPage.body).toContain(`Tiếp nhận tại nhà người dân ngày 05/12/2026, trong <a href="/can-bo/ho-tro-tai-nha/${v.id}">`);
    expect(dossierPage.body).toContain(`/can-bo/ho-so/${code}/giay-hen.pdf`);
    const sms = (await t.env.services.notifications.list({ recipient: '0912777888' })).filter((m) => m.event === 'received');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain(code);
    // The visit: received, naming the dossier.
    expect(await t.env.services.homeVisits.get(v.id)).toMatchObject({ status: 'received', dossier_code: code });
    const visitPage = await desk.inject({ method: 'GET', url: `/can-bo/ho-tro-tai-nha/${v.id}`, headers: { cookie } });
    expect(visitPage.body).toContain(`<a href="/can-bo/ho-so/${code}">${code}</a>`);
    expect(visitPage.body).toContain('Đã tiếp nhận hồ sơ tại nhà');
    // A visit already recorded cannot take a second dossier.
    expect((await desk.inject({ method: 'GET', url: formUrl, headers: { cookie } })).statusCode).toBe(409);

    // Reported: 2 home dossiers in December (Thursday's and today's), 1 received on a Saturday; the lists behind them.
    const api = await desk.inject({ method: 'GET', url: '/api/home-visits/figures?from=2026-12-01&to=2026-12-31', headers: { cookie } });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toEqual({ unit: '00004', from: '2026-12-01', to: '2026-12-31', homeDossiers: 2, saturdayDossiers: 1, visits: { planned: 0, received: 2, notReceived: 1 } });
    const sat = (await desk.inject({ method: 'GET', url: '/api/home-visits/dossiers?kind=saturday&from=2026-12-01&to=2026-12-31', headers: { cookie } })).json();
    expect(sat.items.map((i: any) => i.code)).toEqual([code]);
    const bad = await desk.inject({ method: 'GET', url: '/api/home-visits/figures?from=2026-12-31&to=2026-12-01', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', message: 'Ngày cuối kỳ phải sau ngày đầu kỳ.' });
    expect((await desk.inject({ method: 'GET', url: '/api/home-visits/figures' })).statusCode).toBe(401);
    // On the unit's dashboard for the month, each figure opens its list.
    const dash = await desk.inject({ method: 'GET', url: '/can-bo/chi-so?ky=2026-12', headers: { cookie: await desk.cookie('lanhdao') } });
    const line = /<p data-figure="reception">[\s\S]*?<\/p>/.exec(dash.body)![0]!;
    expect(line).toContain('tu=2026-12-01&amp;den=2026-12-31&amp;loai=home">2</a>');
    expect(line).toContain('loai=saturday">1</a>');
    const list = await desk.inject({ method: 'GET', url: '/can-bo/ho-tro-tai-nha/so-lieu?tu=2026-12-01&den=2026-12-31&loai=saturday', headers: { cookie } });
    expect(list.body).toContain('Hồ sơ tiếp nhận ngày Thứ Bảy (1)');
    expect(list.body).toContain(`<a href="/can-bo/ho-so/${code}">${code}</a>`);
  });
});
