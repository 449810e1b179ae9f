/** Any of these folded phrases as whole words of a folded question: the other offices' tables (assistant.other-offices.ts, more-offices, further-offices). */
export const w = (alternatives: string[]): RegExp => new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
