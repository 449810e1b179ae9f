import { describe, expect, it } from 'vitest';
import { shareTransfer } from './payment.transfer';

describe("one transfer for a linked group's parts", () => {
  const parts = [
    { outstanding: 8000, amount: 8000 },
    { outstanding: 10000, amount: 10000 },
    { outstanding: 0, amount: 0 },
  ];

  it('the exact sum pays each part what it owes', () => {
    expect(shareTransfer(18000, parts)).toEqual({ shares: [8000, 10000, 0], status: 'matched' });
  });

  it('a short transfer pays the first parts in full, in order', () => {
    expect(shareTransfer(12000, parts)).toEqual({ shares: [8000, 4000, 0], status: 'partial' });
    expect(shareTransfer(5000, parts)).toEqual({ shares: [5000, 0, 0], status: 'partial' });
  });

  it('an excess goes to the last part that owed; paid twice, to the first part with a fee', () => {
    expect(shareTransfer(20000, parts)).toEqual({ shares: [8000, 12000, 0], status: 'overpaid' });
    const paid = [
      { outstanding: 0, amount: 0 },
      { outstanding: 0, amount: 10000 },
      { outstanding: 0, amount: 8000 },
    ];
    expect(shareTransfer(18000, paid)).toEqual({ shares: [0, 18000, 0], status: 'overpaid' });
    expect(shareTransfer(3000, [{ outstanding: 0, amount: 0 }])).toEqual({ shares: [3000], status: 'overpaid' });
  });
});
