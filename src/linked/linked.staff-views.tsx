import { formatDate, formatDateTime } from '../shared/format';
import { StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import type { MemberState, SubmissionView } from './linked.types';

/** The unit's linked groups, newest first. */
export function StaffGroupsPage(p: StaffNavProps & { items: Array<{ code: string; groupName: string; applicantName: string; createdAt: string; waiting: number }> }) {
  return (
    <StaffLayout {...p} title="Hồ sơ liên thông" current="/can-bo/lien-thong">
      <h1>Hồ sơ liên thông</h1>
      <p>Mỗi nhóm gồm nhiều hồ sơ (một hồ sơ một thủ tục). Tiếp nhận cả nhóm một lần; phần của cơ quan phối hợp được chuyển đi khi tiếp nhận.</p>
      {p.items.length ? (
        <div class="table-scroll">
          <StaffTable caption={`${p.items.length} nhóm gần nhất`} head={['Mã nhóm', 'Nhóm thủ tục', 'Người nộp', 'Nộp lúc', 'Chờ tiếp nhận']}>
            {p.items.map((x) => (
              <tr>
                <td>
                  <a href={`/can-bo/lien-thong/${x.code}`}>{x.code}</a>
                </td>
                <td>{x.groupName}</td>
                <td>{x.applicantName}</td>
                <td>{formatDateTime(x.createdAt)}</td>
                <td>{x.waiting ? `${x.waiting} phần` : '—'}</td>
              </tr>
            ))}
          </StaffTable>
        </div>
      ) : (
        <p>Chưa có hồ sơ liên thông nào.</p>
      )}
    </StaffLayout>
  );
}

/** One group for the officials: its parts, and "receive the whole group" while some wait. */
export function StaffGroupPage(p: StaffNavProps & { v: SubmissionView; message?: string; canAccept: boolean }) {
  const v = p.v;
  const waiting = v.members.filter((m) => m.status === 'new').length;
  return (
    <StaffLayout {...p} title={`Hồ sơ liên thông ${v.code}`} current="/can-bo/lien-thong">
      <h1>Hồ sơ liên thông {v.code}</h1>
      <p class="lead">{v.groupName}</p>
      <StatusMessage>{p.message}</StatusMessage>
      <p>
        Người nộp: {v.applicantName} — nộp lúc {formatDateTime(v.createdAt)} — dự kiến xong cả nhóm: {v.dueAt ? formatDate(v.dueAt) : 'khi mọi phần được tiếp nhận'}
      </p>
      <div class="table-scroll">
        <StaffTable caption="Các phần của nhóm" head={['Mã hồ sơ', 'Thủ tục', 'Cơ quan giải quyết', 'Tình trạng', 'Hẹn trả']}>
          {v.members.map((m) => (
            <PartRow m={m} due />
          ))}
        </StaffTable>
      </div>
      {waiting && p.canAccept ? (
        <form method="post" action={`/can-bo/lien-thong/${v.code}/tiep-nhan`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <p>
            <button type="submit" class="primary">
              Tiếp nhận cả nhóm ({waiting} phần) và chuyển cơ quan phối hợp
            </button>
          </p>
        </form>
      ) : null}
    </StaffLayout>
  );
}

/** One part of a group in the officials' tables: its dossier, procedure, agency and state (and date). */
export function PartRow({ m, due }: { m: MemberState; due?: boolean }) {
  return (
    <tr>
      <td>
        <a href={`/can-bo/ho-so/${m.code}`}>{m.code}</a>
      </td>
      <td>{m.procedureName}</td>
      <td>
        {m.agencyName}
        {m.agency === 'partner' ? ' (cơ quan phối hợp)' : ''}
      </td>
      <td>
        {m.statusLabel}
        {m.resultNote ? ` — ${m.resultNote}` : ''}
      </td>
      {due ? <td>{m.dueAt ? formatDate(m.dueAt) : '—'}</td> : null}
    </tr>
  );
}
