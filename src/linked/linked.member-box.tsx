import type { LinkedGroupJson } from '../dossier';
import { formatDate } from '../shared/format';
import { StaffTable } from '../shared/staff-table';
import type { MemberOfGroup } from './linked.types';
import { PartRow } from './linked.staff-views';
import { AnswerList } from './linked.views';

/** The officials' page of the whole group. */
const groupHref = (code: string) => `/can-bo/lien-thong/${code}`;

/**
 * On the officials' page of a dossier that is a part of a linked group: the group it belongs to,
 * with a link to it, the other parts (code, procedure, agency, state) and this part's share of the
 * group's one form (the fields its own procedure's form may not ask, such as the child's
 * registration address for the residence part).
 */
export function LinkedMemberBox({ g }: { g: MemberOfGroup }) {
  const v = g.view;
  return (
    <section class="card linked-member-box" aria-labelledby="lt-thuoc-nhom">
      <h2 id="lt-thuoc-nhom">
        Thuộc nhóm liên thông <a href={groupHref(v.code)}>{v.code}</a>
      </h2>
      <p>
        {v.groupName} ({v.groupCode}). Dự kiến xong cả nhóm: {v.dueAt ? formatDate(v.dueAt) : 'khi mọi phần được tiếp nhận'}. Mỗi phần là một hồ sơ; yêu cầu bổ sung ở phần này chỉ tạm dừng phần này.
      </p>
      <div class="table-scroll">
        <StaffTable caption={`Các phần khác của nhóm (${g.others.length})`} head={['Mã hồ sơ', 'Thủ tục', 'Cơ quan giải quyết', 'Tình trạng']}>
          {g.others.map((m) => (
            <PartRow m={m} />
          ))}
        </StaffTable>
      </div>
      {g.answers.length ? (
        <details>
          <summary>Tờ khai liên thông: thông tin dành cho phần này ({g.answers.length} mục)</summary>
          <AnswerList answers={g.answers} />
        </details>
      ) : null}
    </section>
  );
}

/** The same for the officials' dossier JSON (`linkedGroup` of GET /api/dossiers/{code}). */
export function memberGroupJson(g: MemberOfGroup, publicUrl: string): LinkedGroupJson {
  const v = g.view;
  return {
    code: v.code,
    groupCode: v.groupCode,
    name: v.groupName,
    url: `${publicUrl}${groupHref(v.code)}`,
    dueAt: v.dueAt,
    members: v.members.map((m) => ({ code: m.code, procedureCode: m.procedureCode, procedureName: m.procedureName, agency: m.agency, agencyName: m.agencyName, status: m.status, statusLabel: m.statusLabel, self: m.code === g.self.code })),
  };
}
