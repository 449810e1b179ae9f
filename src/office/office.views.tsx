import type { VNode } from 'preact';
import type { DayOpening, OfficePlace, OfficeService } from './office.service';

const sessionsText = (d: DayOpening) => (d.sessions.length ? d.sessions.map((s) => `${s.from}–${s.to}`).join(', ') : 'nghỉ');

/** "Nộp ở đâu" on a procedure's page: the office, its address and phone, today's and the week's hours. */
export function OfficeBox({ place }: { place: OfficePlace }) {
  const f = place.fact;
  const t = place.today;
  return (
    <section class="card office" aria-labelledby="nop-o-dau">
      <h2 id="nop-o-dau">Nộp ở đâu</h2>
      <p>
        <strong>{f.name}</strong>
      </p>
      <p>
        Địa chỉ: {f.address}
        {f.mapUrl ? (
          <>
            {' '}
            (<a href={f.mapUrl}>xem bản đồ</a>)
          </>
        ) : null}
      </p>
      {f.phone ? (
        <p>
          Điện thoại: <a href={`tel:${f.phone.replace(/\s+/g, '')}`}>{f.phone}</a>
        </p>
      ) : null}
      <p>
        Hôm nay ({t.label}): <strong>{t.sessions.length ? sessionsText(t) : 'không làm việc'}</strong>
        {t.note ? ` — ${t.note}` : ''}
      </p>
      <h3 class="h3">Giờ làm việc trong tuần</h3>
      <ul>
        {place.week.map((l) => (
          <li>
            {l.today ? (
              <strong>
                {l.days}: {l.text} (hôm nay)
              </strong>
            ) : (
              <>
                {l.days}: {l.text}
              </>
            )}
          </li>
        ))}
      </ul>
      {f.notes ? <p class="note">{f.notes}</p> : null}
    </section>
  );
}

/**
 * What the catalogue's public pages need of the offices (passed in by app.ts, so the catalogue
 * imports nothing of this module): the procedure page's box, the listings' lines, and a number
 * that changes with the offices and with the day (the pages are cached by it).
 */
export function officePageParts(offices: OfficeService) {
  return {
    async where(unit: string, procedure: { code: string; agency: string }): Promise<{ box: VNode; name: string } | undefined> {
      const place = await offices.placeOf(unit, procedure);
      return place ? { box: <OfficeBox place={place} />, name: place.fact.name } : undefined;
    },
    lines: (unit: string, procedures: Array<{ code: string; agency: string }>) => offices.linesFor(unit, procedures),
    version: () => offices.version(),
  };
}
