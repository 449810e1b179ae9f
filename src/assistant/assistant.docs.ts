import type { Procedure } from '../catalog';
import { doneAtCommune } from './assistant.scope';
import { ABBREVIATIONS } from './assistant.synonyms';

// What the assistant indexes: a procedure or a staff FAQ entry as a document of weighted fields
// (assistant.retrieval.ts ranks them).

export interface DocField {
  text: string;
  weight: number;
  /** Name, keywords, FAQ question: what the document is about, not what it mentions. */
  strong: boolean;
}

export interface IndexDoc {
  /** Procedure code, or "faq:<id>". */
  id: string;
  kind: 'procedure' | 'faq';
  name: string;
  fields: DocField[];
  /** Prior for the unit's level (a commune's own procedures first). */
  prior: number;
  /**
   * Carried out at the unit's level ("Cấp xã" for a ward): false for a ministry's or province's
   * procedure a ward's catalogue lists only because the whole national catalogue was offered.
   */
  here?: boolean;
}

/**
 * A national name's abbreviations spelt out as a question's are ("cấp lại sổ BHXH" is read "sổ bảo
 * hiểm xã hội"): a citizen typing the words finds the record that abbreviates them.
 */
export function spellOut(text: string): string {
  return text.replace(/(?<!\p{L})\p{Lu}[\p{Lu}Đ]{2,}(?!\p{L})/gu, (m) => ABBREVIATIONS[m.toLowerCase().replace(/đ/g, 'd')] ?? m);
}

/**
 * A record named as a province's publication of a list ("Công bố Danh mục và Quy trình nội bộ thủ
 * tục hành chính … về thực hiện một số chính sách …"): its name says nothing of what it does.
 */
const namesNothing = (name: string): boolean => /^Công bố Danh mục\b/u.test(name) && /Quy trình nội bộ/u.test(name);

/**
 * What such a record is about, read from its first papers' names (the forms it asks for: "Bản khai
 * … hưởng chế độ trợ cấp … đối với thanh niên xung phong"), as strongly as a keyword (issue 15, pass 16).
 */
function papersSay(p: Procedure): DocField[] {
  return p.componentGroups.flatMap((g) => g.components.slice(0, 1)).slice(0, 2).map((c) => ({ text: spellOut(c.name.slice(0, 300)), weight: 2.5, strong: true }));
}

/** A procedure as the assistant indexes it. */
export function procedureDoc(p: Procedure, opts: { commune: boolean }): IndexDoc {
  const name = spellOut(p.name);
  const fields: DocField[] = [
    { text: name, weight: 3, strong: true },
    ...p.keywords.map((k) => ({ text: k, weight: 2.5, strong: true })),
    { text: p.summary, weight: 0.8, strong: false },
    { text: p.field, weight: 1, strong: false },
    ...p.results.map((r) => ({ text: r.name, weight: 0.5, strong: false })),
    ...p.componentGroups.flatMap((g) => g.components.map((c) => ({ text: c.name, weight: 0.3, strong: false }))),
    ...(namesNothing(p.name) ? papersSay(p) : []),
  ];
  // A commune's assistant is asked about the commune's procedures first; the same procedure
  // "carried out at the central/provincial level" is a different record (assistant.scope.ts).
  const here = !opts.commune || doneAtCommune(p);
  return { id: p.code, kind: 'procedure', name, fields, prior: here ? 1 : 0.85, here };
}

/** An FAQ entry written by staff. */
export function faqDoc(f: { id: string; question: string; answer: string }): IndexDoc {
  return {
    id: `faq:${f.id}`,
    kind: 'faq',
    name: f.question,
    fields: [
      { text: f.question, weight: 3, strong: true },
      { text: f.answer, weight: 0.5, strong: false },
    ],
    prior: 1,
  };
}
