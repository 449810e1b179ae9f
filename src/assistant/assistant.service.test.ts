import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import type { AssistantService } from './assistant.service';

const staff = { id: 'staff-test', unitCode: '00004', role: 'receptionist', name: 'Nguyễn Thị Hòa' };
const admin = { ...staff, id: 'admin-test', role: 'admin', name: 'Phạm Thu Trang' };

for (const engine of engines()) {
  describe(`assistant: answers, memory, hand-over, FAQ [${engine}]`, () => {
    let env: TestEnv;
    let a: AssistantService;
    // Sunday 29/11/2026, 23:00 in Hà Nội: the office is closed, the assistant is not.
    const clock = fixedClock('2026-11-29T16:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      a = env.services.assistant;
    });
    afterAll(async () => {
      await env?.close();
    });
    const ask = (question: string, sessionKey = 'web-1', channel: 'web' | 'api' = 'web') => a.ask({ unitCode: '00004', question, channel, sessionKey });

    it('answers the papers from the catalogue record, naming the procedure and linking its page, forms and online submission', async () => {
      const r = await ask('lam giay khai sinh cho be can nhung gi', 'papers');
      expect(r.decision).toBe('answer');
      expect(r.intent).toBe('papers');
      expect(r.procedures[0]!.code).toBe('1.001193');
      expect(r.handoff).toBe(false);
      const p = await env.services.catalog.getProcedure('1.001193');
      expect(r.answer).toContain(p.name);
      // Every paper of the record is listed, nothing else invented.
      for (const c of p.componentGroups[0]!.components) expect(r.answer).toContain(c.name);
      expect(r.answer).toContain('http://motcua.test/p/00004/1.001193');
      expect(r.answer).toContain('http://motcua.test/p/00004/1.001193/nop-truc-tuyen');
      expect(r.answer).toContain(`http://motcua.test/bieu-mau/1.001193/${p.forms[0]!.id}.pdf`);
      expect(r.links.map((l) => l.kind)).toEqual(expect.arrayContaining(['page', 'submit', 'form']));
      expect(r.quickReplies).toContain('Mất bao lâu?');
    });

    it('answers the time with the unit’s own shorter promise, the fee, the place and hours, online submission', async () => {
      const time = await ask('xin giấy xác nhận độc thân mất mấy ngày', 'time');
      expect(time.intent).toBe('time');
      expect(time.answer).toMatch(/Thời hạn giải quyết: .*ngày làm việc/);
      expect(time.answer).toContain('Phường Ba Đình cam kết giải quyết trong 2 ngày làm việc');
      const fee = await ask('chứng thực chữ ký hết bao nhiêu tiền', 'fee');
      expect(fee.intent).toBe('fee');
      expect(fee.procedures[0]!.code).toBe('2.000884');
      expect(fee.answer).toContain('10.000 đồng');
      const place = await ask('đăng ký thường trú nộp ở đâu', 'place');
      expect(place.intent).toBe('place');
      expect(place.answer).toContain('Giờ làm việc: Thứ Hai – Thứ Sáu');
      const online = await ask('tách hộ làm online được không', 'online');
      expect(online.intent).toBe('online');
      expect(online.answer).toContain('nhận hồ sơ trực tuyến');
      expect(online.links.some((l) => l.kind === 'submit' && l.href === '/p/00004/1.010038/nop-truc-tuyen')).toBe(true);
      const counterOnly = await ask('sao y bản chính nộp trực tuyến được không', 'online2');
      expect(counterOnly.answer).toContain('chưa nhận hồ sơ trực tuyến');
    });

    it('remembers the last procedure for a short while: "thế phí bao nhiêu?"', async () => {
      await ask('đăng ký tạm trú cần giấy tờ gì', 'memory');
      const r = await ask('thế phí bao nhiêu?', 'memory');
      expect(r.intent).toBe('fee');
      expect(r.decision).toBe('answer');
      expect(r.procedures[0]!.code).toBe('1.004194');
      expect(r.answer).toContain('Phí, lệ phí');
      const again = await ask('còn nộp ở đâu', 'memory');
      expect(again.procedures[0]!.code).toBe('1.004194');
      // A new question of its own is not read as a follow-up.
      const other = await ask('đăng ký kết hôn với người nước ngoài cần gì', 'memory');
      expect(other.procedures.map((p) => p.code)).not.toContain('1.004194');
      // Another conversation does not share the memory.
      expect((await ask('thế phí bao nhiêu?', 'someone-else')).decision).toBe('ask');
      // Forgotten after half an hour.
      clock.advance(31 * 60_000);
      expect((await ask('thế phí bao nhiêu?', 'memory')).decision).toBe('ask');
    });

    it('declines what is outside its scope, politely and saying what it can do; no procedures', async () => {
      for (const q of ['giá vàng hôm nay bao nhiêu', 'dự báo thời tiết ngày mai', 'đặt vé tàu đi Huế']) {
        const r = await ask(q, 'oos');
        expect(r.decision, q).toBe('decline');
        expect(r.intent).toBe('out_of_scope');
        expect(r.procedures).toEqual([]);
        expect(r.handoff).toBe(false);
        expect(r.answer).toContain('thủ tục hành chính');
      }
    });

    it('greets and thanks without procedures', async () => {
      const hi = await ask('xin chào', 'smalltalk');
      expect([hi.intent, hi.decision, hi.procedures]).toEqual(['greeting', 'smalltalk', []]);
      const thanks = await ask('camr own nhes', 'smalltalk');
      expect([thanks.intent, thanks.procedures]).toEqual(['thanks', []]);
      // A greeting with a question answers the question.
      const both = await ask('chào bạn, làm căn cước lần đầu cần gì', 'smalltalk');
      expect(both.decision).toBe('answer');
      expect(both.answer.startsWith('Chào bạn!')).toBe(true);
    });

    it('offers the closest procedures as choices ("Ý bạn là…") and takes the answer by number', async () => {
      const r = await ask('thẻ căn cước', 'choices');
      expect(r.decision).toBe('clarify');
      expect(r.answer).toContain('Ý bạn là');
      expect(r.procedures.length).toBeGreaterThanOrEqual(2);
      for (const p of r.procedures) expect(p.code).toMatch(/^1\.01406[1-4]$/);
      const second = r.procedures[1]!;
      const pick = await ask('2', 'choices');
      expect(pick.decision).toBe('answer');
      expect(pick.procedures[0]!.code).toBe(second.code);
      // Asked something else before choosing: the choices come again, for that question.
      await ask('thẻ căn cước', 'choices-3');
      const again = await ask('mất bao lâu', 'choices-3');
      expect(again.decision).toBe('clarify');
      const first = await ask('1', 'choices-3');
      expect([first.decision, first.intent, first.procedures[0]!.code]).toEqual(['answer', 'time', again.procedures[0]!.code]);
      expect(first.answer).toContain('Thời hạn giải quyết');
      // Asked a fact, each choice shows it from its own record: the fee of each card.
      const fees = await ask('thẻ căn cước lệ phí bao nhiêu', 'choices-fee');
      expect(fees.decision).toBe('clarify');
      for (const [i, p] of fees.procedures.entries()) {
        const line = fees.lines.find((l) => l.startsWith(`${i + 1}. ${p.name} — Phí, lệ phí:`));
        expect(line, p.code).toBeDefined();
        const record = await env.services.catalog.getProcedure(p.code);
        const amounts = record.channels.flatMap((c) => c.fees.map((f) => f.amount)).filter((a) => a > 0);
        // A card with no fee (the under-14's, a third choice since pass 26) says so.
        expect(amounts.length ? amounts.some((a) => line!.includes(a.toLocaleString('vi-VN'))) : line!.includes('miễn phí'), line).toBe(true);
      }
      // Without a fact asked, the choices are the names alone.
      expect(r.lines.filter((l) => /^\d\. /.test(l)).every((l) => !l.includes(' — '))).toBe(true);
      // Quick replies carry the names; a name picks it too.
      const r2 = await ask('thẻ căn cước', 'choices-2');
      const byName = await ask(r2.quickReplies[0]!, 'choices-2');
      expect(byName.procedures[0]!.code).toBe(r2.procedures[0]!.code);
    });

    it('hands over what it cannot answer surely; the official’s reply reaches the web chat; one click makes it an FAQ', async () => {
      const q = 'Thủ tục xin trợ cấp cho người cao tuổi?';
      const r = await ask(q, 'handoff');
      expect(r.decision).toBe('handoff');
      expect(r.handoff).toBe(true);
      expect(r.answer).toContain('chuyển cho cán bộ');
      const inbox = await a.desk.inbox(staff);
      const h = inbox.open.find((x) => x.question === q)!;
      expect(h).toBeDefined();
      // Another unit's officials do not see it.
      expect((await a.desk.inbox({ unitCode: '00082' })).open.some((x) => x.id === h.id)).toBe(false);
      await expect(a.desk.handoffDetail({ unitCode: '00082' }, h.id)).rejects.toThrow(/Không tìm thấy/);
      const detail = await a.desk.handoffDetail(staff, h.id);
      expect(detail.messages.map((m) => m.role)).toEqual(['user', 'bot']);
      const answer = 'Người từ đủ 80 tuổi nộp tờ khai đề nghị trợ cấp xã hội tại bộ phận một cửa phường; cán bộ lao động - xã hội hướng dẫn.';
      expect(await a.desk.replyToHandoff(staff, h.id, answer)).toEqual({ delivered: true });
      const history = await a.history('web', 'handoff');
      expect(history.at(-1)).toMatchObject({ role: 'staff', text: answer });
      await expect(a.desk.replyToHandoff(staff, h.id, 'lần hai')).rejects.toThrow(/đã được trả lời/);
      // One click: the question and the answer become an FAQ entry…
      const faq = await a.desk.faqFromHandoff(staff, h.id);
      expect(faq).toMatchObject({ question: q, answer, unit_code: '00004' });
      expect((await a.desk.inbox(staff)).answered.find((x) => x.id === h.id)!.faq_id).toBe(faq.id);
      // …which answers the next citizen asking the same in other words.
      const next = await ask('xin trợ cấp người cao tuổi cần gì', 'handoff-2');
      expect(next.decision).toBe('answer');
      expect(next.answer).toContain(answer);
    });

    it('hands over at once when asked for a person', async () => {
      const r = await ask('cho tôi gặp cán bộ', 'person');
      expect([r.intent, r.decision, r.handoff]).toEqual(['human', 'handoff', true]);
    });

    it('lets unit admins teach it local words, and only them', async () => {
      const before = await ask('làm sổ trắng cho đất', 'syn-1');
      expect(before.decision).not.toBe('answer');
      await expect(a.desk.addSynonym(staff, { phrase: 'sổ trắng', expansion: 'giấy chứng nhận quyền sử dụng đất lần đầu' })).rejects.toThrow(/quản trị/);
      await a.desk.addSynonym(admin, { phrase: 'sổ trắng', expansion: 'giấy chứng nhận quyền sử dụng đất lần đầu' });
      const after = await ask('làm sổ trắng cho đất', 'syn-2');
      expect(after.decision).toBe('answer');
      expect(after.procedures[0]!.code).toBe('1.013978');
      const list = await a.desk.synonyms(staff);
      expect(list.unit.map((s) => s.phrase)).toEqual(['sổ trắng']);
      await a.desk.deleteSynonym(admin, list.unit[0]!.id);
      expect((await ask('làm sổ trắng cho đất', 'syn-3')).decision).not.toBe('answer');
    });

    it('asks for the phone number before telling a dossier’s status, and does not say which of the two was wrong', async () => {
      const r = await ask('hồ sơ 00004-261129-0001 của tôi đến đâu rồi', 'status');
      expect([r.intent, r.decision]).toEqual(['status', 'ask']);
      expect(r.answer).toContain('số điện thoại');
      const wrong = await ask('0912345678', 'status');
      expect(wrong.answer).toContain('Không tìm thấy hồ sơ với mã và số điện thoại');
      const noCode = await ask('tra cứu hồ sơ', 'status-2');
      expect(noCode.answer).toContain('mã hồ sơ');
    });

    it('counts questions per week, by outcome, and the procedures asked about most', async () => {
      const s = await a.desk.stats(staff, 4);
      expect(s.weeks).toHaveLength(4);
      const week = s.weeks[0]!;
      expect(week.weekStart).toBe('2026-11-23');
      expect(week.asked).toBeGreaterThan(10);
      expect(week.answered).toBeGreaterThan(5);
      expect(week.clarified).toBeGreaterThanOrEqual(2);
      expect(week.handedOver).toBeGreaterThanOrEqual(2);
      expect(week.declined).toBeGreaterThanOrEqual(3);
      expect(week.asked).toBe(week.answered + week.clarified + week.handedOver + week.declined + week.other);
      expect(s.topProcedures[0]!.code).toBe('1.004194');
      expect(s.recent.some((x) => x.text === 'thẻ căn cước' && x.decision === 'clarify')).toBe(true);
      // Another unit's staff see none of this.
      expect((await a.desk.stats({ unitCode: '00082' }, 4)).weeks[0]!.asked).toBe(0);
    });

    it('reaches the targets on our own questions, through the whole path', async () => {
      const qs = fs
        .readFileSync(new URL('./eval/tuning/procedures.jsonl', import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { q: string; expect: string[]; only?: string })
        .filter((q) => q.only !== 'full');
      let inScope = 0;
      let top1 = 0;
      let top3 = 0;
      let oos = 0;
      let declined = 0;
      let n = 0;
      for (const q of qs) {
        const r = await ask(q.q, `own-${n++}`, 'api');
        const shown = r.decision === 'answer' || r.decision === 'clarify' ? r.procedures.map((p) => p.code) : [];
        if (q.expect.length) {
          inScope++;
          if (shown[0] && q.expect.includes(shown[0])) top1++;
          if (shown.slice(0, 3).some((c) => q.expect.includes(c))) top3++;
        } else {
          oos++;
          if (!shown.length) declined++;
        }
      }
      // The tuning set holds the kinds that fail (slang, stories, other agencies' procedures): a
      // floor under today's figures (93 % / 96 % / 93 % on the demo catalogue), not the targets.
      expect(top1 / inScope).toBeGreaterThanOrEqual(0.91);
      expect(top3 / inScope).toBeGreaterThanOrEqual(0.94);
      expect(declined / oos).toBeGreaterThanOrEqual(0.91);
    });
  });
}
