/**
 * One bank transfer for several dossiers (a linked group's VietQR, issue 14): how the credit is
 * shared among them. It is handled as a transfer for one dossier is: the exact sum is "matched";
 * less is "partial" (recorded, waiting for a person); more — or a group already paid, i.e. paid
 * twice — is "overpaid" (recorded, waiting for a person to arrange the refund).
 */

export type TransferStatus = 'matched' | 'partial' | 'overpaid';

export interface Owed {
  /** What the dossier still owes (VND). */
  outstanding: number;
  /** Its fee after any exemption: a dossier with none takes an excess only when no other can. */
  amount: number;
}

/**
 * Each dossier's share of `credit`, in the members' order: each is paid what it owes before the
 * next (a short transfer pays the first parts in full, so their clocks run again); what is left
 * over goes to the last part that owed, or else to the first part that bears a fee, so that the
 * excess sits on one dossier's fee page for the person who refunds it.
 */
export function shareTransfer(credit: number, owed: Owed[]): { shares: number[]; status: TransferStatus } {
  if (!owed.length) throw new RangeError('a transfer is shared among at least one dossier');
  const total = owed.reduce((n, o) => n + o.outstanding, 0);
  const shares = owed.map(() => 0);
  let left = credit;
  owed.forEach((o, i) => {
    const take = Math.min(o.outstanding, left);
    shares[i] = take;
    left -= take;
  });
  if (left > 0) {
    const lastOwing = owed.findLastIndex((o) => o.outstanding > 0);
    const firstBearing = owed.findIndex((o) => o.amount > 0);
    const at = lastOwing >= 0 ? lastOwing : firstBearing >= 0 ? firstBearing : 0;
    shares[at]! += left;
  }
  return { shares, status: credit === total ? 'matched' : credit < total ? 'partial' : 'overpaid' };
}
