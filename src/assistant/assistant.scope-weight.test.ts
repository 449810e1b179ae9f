import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEARNED, outOfScopeOdds, tuningModel } from './assistant.learned';

/**
 * The scope odds count each tuning file as much as any other (issue 15, pass 17): a new set of many
 * in-scope questions does not by its size alone make our out-of-scope questions look in scope.
 */
describe('the scope odds read each tuning file alike', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-scope-weight-'));
  const write = (name: string, lines: object[]) => fs.writeFileSync(path.join(dir, name), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const outside = ['quán nào bán bánh kem ngon gần chợ', 'điện thoại hư thì sửa ở tiệm nào', 'mua vé xe khách về quê ở bến nào', 'cuối tuần đi câu cá ở hồ nào'];
  const inside = ['đăng ký khai sinh cho con cần gì', 'làm giấy khai tử cho ông ở đâu', 'xác nhận tình trạng hôn nhân mất mấy ngày', 'đăng ký kết hôn ở phường nào'];
  const question = 'tiệm bánh kem gần chợ mở cửa mấy giờ';
  const odds = () => outOfScopeOdds(question, tuningModel(dir, null));

  it('counts a long set of in-scope stories no more than a short one worded alike', () => {
    write('a-outside.jsonl', outside.map((q) => ({ q, expect: [] })));
    write('b-inside.jsonl', inside.map((q) => ({ q, expect: ['1.001193'] })));
    expect(odds()).toBeGreaterThan(1);
    // In-scope stories sharing some of the question's words (a shop near the market): once, then ten times.
    const told = ['mở tiệm bánh gần chợ thì đăng ký hộ kinh doanh ở đâu', 'tiệm sửa điện thoại gần chợ cần đăng ký kinh doanh không', 'bán bánh kem tại nhà có phải đăng ký hộ kinh doanh', 'mở cửa hàng ở chợ xin giấy gì'];
    const withSet = (times: number) => {
      write('c-told.jsonl', Array.from({ length: times }, () => told.map((q) => ({ q, expect: ['2.000720'] }))).flat());
      return odds();
    };
    const kept = LEARNED.scopeEqual;
    try {
      const once = withSet(1);
      expect(once).toBeLessThan(0);
      // Ten times as long, it pulls the question a little further (its words are surer in scope), not by its size.
      const drop = once - withSet(10);
      expect(drop).toBeLessThan(3);
      // Counted line by line, the set's size alone pulled the same question far further into scope.
      LEARNED.scopeEqual = 0;
      expect(withSet(1)).toBeCloseTo(once, 5);
      expect(once - withSet(10)).toBeGreaterThan(drop + 2);
    } finally {
      LEARNED.scopeEqual = kept;
    }
  });
});
