import { VietQrPay } from '../payment';
import type { CollectionAccount, GroupFees, MemberState } from './linked.types';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** How the group's sum can be paid once, beside each part's fee: VNPay, a VietQR transfer, or both. */
export interface GroupPayWays {
  /** The pay-once form's action (a proof that may change the group). */
  vnpayHref?: string;
  /** One VietQR code for the sum still owed, the group's code as the transfer note. */
  vietqr?: { qrSvg: string; account: CollectionAccount; pngHref: string };
}

/** The group's fees: each part that bears one, the sum, and one payment for all (issue 14: pays once). */
export function FeesCard(p: { code: string; fees: GroupFees; members: MemberState[]; pay: GroupPayWays }) {
  const f = p.fees;
  const nameOf = (code: string) => p.members.find((m) => m.code === code)?.procedureName ?? code;
  const owes = f.outstanding > 0;
  return (
    <section class="card" aria-labelledby="phi-nhom">
      <h2 id="phi-nhom">Phí, lệ phí của cả nhóm</h2>
      <ul>
        {f.parts
          .filter((x) => x.amount > 0)
          .map((x) => (
            <li>
              {nameOf(x.code)} ({x.code}): {vnd(x.amount)}
              {x.outstanding === 0 ? ' — đã nộp' : x.paid > 0 ? ` — còn ${vnd(x.outstanding)}` : ''}
            </li>
          ))}
      </ul>
      <p>
        <strong>{owes ? `Còn phải nộp: ${vnd(f.outstanding)}` : `Đã nộp đủ ${vnd(f.paid)}`}</strong>
      </p>
      {p.pay.vnpayHref && owes ? (
        <form method="post" action={p.pay.vnpayHref}>
          <button type="submit" class="primary">
            Thanh toán một lần {vnd(f.outstanding)} qua VNPay
          </button>
        </form>
      ) : null}
      {p.pay.vietqr && owes ? (
        <>
          <h3>Chuyển khoản một lần {vnd(f.outstanding)} bằng mã VietQR</h3>
          <VietQrPay code={p.code} amount={f.outstanding} qrSvg={p.pay.vietqr.qrSvg} account={p.pay.vietqr.account} pngHref={p.pay.vietqr.pngHref} of="group" />
        </>
      ) : null}
      {owes ? (
        <p class="note">
          Một lần thanh toán cho mọi phần của nhóm; biên lai có trên trang của từng phần. Mỗi phần vẫn có thể nộp riêng trên trang của phần đó, hoặc nộp tại bộ phận một cửa.
        </p>
      ) : null}
    </section>
  );
}
