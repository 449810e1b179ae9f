import { z } from 'zod';
import { eformSchema, type EForm } from '../eform';
import type { DossierStatus } from '../dossier';
import { PROCESS_ROLES } from '../workflow';
import type { BirthReminderInput } from '../vaccination';

/**
 * A linked procedure group (liên thông, Decree 63/2024/NĐ-CP): one catalogue entry of a unit, one
 * e-form and one set of papers, several member procedures. Each member becomes its own dossier,
 * handled by the unit's officials or by a partner agency outside the unit.
 */
export const GROUP_CODE_RE = /^LT-[A-Z0-9]{1,12}$/;

const text = z.string().trim().normalize('NFC');

export const memberSchema = z.object({
  procedureCode: z.string().regex(/^\d\.\d{6}$/),
  /** Who handles the part, as the citizen reads it ("Công chức tư pháp - hộ tịch của phường"). */
  agencyName: text.min(2),
  /** The unit's own officials, or a partner of the unit (linked_partners.id). */
  partnerId: z.string().min(1).optional(),
  /** A part handled in the unit: the role of the officials who process it (the unit admin's choice). */
  role: z.enum(PROCESS_ROLES).optional(),
  /**
   * The group form's fields this part's agency receives (its share of the family's personal data:
   * a partner sees these only). Absent: the group form's fields that the member procedure's own
   * e-form also asks (see LinkedService.fieldsOf and README "Nhóm thủ tục liên thông").
   */
  fields: z.array(z.string().min(1)).optional(),
});
export type GroupMember = z.infer<typeof memberSchema>;

export const paperSchema = z.object({
  /** The file field of the form: lowercase ASCII, digits, dashes. */
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: text.min(2),
  required: z.boolean(),
  /** For each member procedure that needs this paper, its component id there ("chung.1"). */
  components: z.record(z.string(), z.string().regex(/^[a-z0-9-]{1,60}\.\d{1,3}$/)),
});
export type GroupPaper = z.infer<typeof paperSchema>;

export const definitionSchema = z.object({
  summary: text.default(''),
  members: z.array(memberSchema).min(2, 'Một nhóm liên thông có ít nhất hai thủ tục'),
  eform: eformSchema,
  papers: z.array(paperSchema).default([]),
  /** Legal basis shown with the group. */
  legalBasis: text.default(''),
  /**
   * The form offers vaccination reminders for the child (issue 14): the e-form fields that hold the
   * child's name and birth date. Absent: no opt-in on this group's form.
   */
  vaccinationReminders: z.object({ childName: z.string().min(1), birthDate: z.string().min(1) }).optional(),
});
export type GroupDefinition = z.infer<typeof definitionSchema>;

export interface LinkedGroup extends GroupDefinition {
  unitCode: string;
  code: string;
  name: string;
  eform: EForm;
  /** Offered in the unit's catalogue (the unit admin may switch a group off). */
  enabled: boolean;
  updatedAt: string;
}

export interface Partner {
  id: string;
  unitCode: string;
  name: string;
  mode: 'inbox' | 'email';
  email: string;
  username: string | null;
  active: boolean;
}

/** A partner's side of a part: when it was handed over, its answer, whether the unit was told it is late. */
export interface PartnerAnswer {
  sentAt: string | null;
  result: '' | 'approved' | 'rejected';
  resultNote: string;
  resultAt: string | null;
  resultBy: string | null;
  escalatedAt: string | null;
}

/** One part of a submitted group as the citizen and the officials read it. */
export interface MemberState extends PartnerAnswer {
  code: string;
  procedureCode: string;
  procedureName: string;
  agency: 'unit' | 'partner';
  agencyName: string;
  partnerId: string | null;
  status: DossierStatus;
  statusLabel: string;
  outcome: string;
  dueAt: string | null;
}

export interface SubmissionView {
  code: string;
  unitCode: string;
  groupCode: string;
  groupName: string;
  applicantName: string;
  applicantPhone: string;
  citizenId: string | null;
  createdAt: string;
  /** The latest member's due date: when the whole group is done (null while any has none yet). */
  dueAt: string | null;
  members: MemberState[];
}

/** What the vaccination module needs of a birth registration's opt-in (its own type). */
export type ReminderInput = BirthReminderInput;

/** The reminders asked at a birth registration, as the group's page shows them. */
export interface ReminderState {
  id: string;
  childName: string;
  statusLabel: string;
  next: { vaccine: string; dose: string; dueDate: string } | null;
  link: string;
}

/**
 * The vaccination module's opt-in, wired in app.ts from its index.ts: checked with the group's form
 * (before anything is written), made once the group's dossiers are in.
 */
export interface ReminderPort {
  /** The consent the parent ticks (the vaccination module's wording). */
  consentText: string;
  check(i: ReminderInput): Promise<Array<{ field: string; code: string; message: string }>>;
  enrol(i: ReminderInput & { dossierCode: string }): Promise<{ id: string; stopUrl: string; schedule: Array<{ vaccine: string; dose: string; dueDate: string }> }>;
  of(dossierCode: string): Promise<ReminderState | undefined>;
}

/** A group's fees: each part's, and the sum the citizen pays once (issue 14). */
export interface GroupFees {
  amount: number;
  paid: number;
  outstanding: number;
  /** VNPay can take the outstanding sum now. */
  vnpay: boolean;
  /** VietQR payload for the outstanding sum, the group's code as the transfer note (null: nothing owed or no account). */
  vietqr: string | null;
  parts: Array<{ code: string; amount: number; paid: number; outstanding: number; status: string }>;
}

/** The unit's collection account the VietQR codes pay into. */
export interface CollectionAccount {
  bankBin: string;
  account: string;
  accountName: string;
  /** The made-up account of demo mode: pages say not to transfer money. */
  demo?: boolean;
}

/**
 * The payment module's way in (wired in app.ts): the members' fees summed, paid in one VNPay order
 * or one VietQR transfer whose note is the group's code (the bank statement import matches it).
 */
export interface FeePort {
  summary(codes: string[], groupCode: string): Promise<GroupFees>;
  payVnpay(codes: string[], label: string, ip: string): Promise<{ paymentUrl: string; orderRef: string; amount: number; parts: Array<{ code: string; amount: number }> }>;
  /** The gateway's origin: the group page's form leads there (its CSP allows it). */
  gatewayOrigin?: string;
  /** The VietQR account (absent: no QR code is shown). */
  vietqrAccount?: CollectionAccount;
}

/** A dossier that is a part of a group, as the officials' dossier page and JSON show it. */
export interface MemberOfGroup {
  view: SubmissionView;
  self: MemberState;
  others: MemberState[];
  /** This part's share of the group's form (linked.fields.ts), with labels. */
  answers: Array<{ field: string; label: string; value: string }>;
}
