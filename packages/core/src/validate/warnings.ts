import { PROVINCES_2004 } from '../codes/provinces.js';
import type { Lang } from '../i18n.js';
import { isPersonalIdShape, parseHealthInsuranceNumber, parsePersonalId } from '../id/index.js';
import type { Issue } from '../issue.js';
import { hiGroupLevelAt } from '../schemas/fields.js';
import type { RecordKind } from '../schemas/kinds.js';

// Warnings on valid records: facts the sources mark uncertain (an unknown birth-registration
// place code in a personal ID, an unusual benefit level for a health-insurance group, an unknown
// card province). They never make a record invalid. The common case is checked with table reads
// and no allocation; the identifier parser runs only when something looks unusual, and it writes
// the warning with its own code and message.

type Path = readonly (string | number)[];

const KNOWN_PROVINCE = new Uint8Array(100);
for (const p of PROVINCES_2004) KNOWN_PROVINCE[Number(p.code)] = 1;

function personalId(id: unknown, path: Path, lang: Lang, out: Issue[] | undefined): Issue[] | undefined {
  if (typeof id !== 'string' || (isPersonalIdShape(id) && id.charCodeAt(3) <= 51)) return out;
  const r = parsePersonalId(id, { lang, path });
  if (!r.ok || r.warnings.length === 0) return out;
  return appendAll(out, r.warnings);
}

function hiNumber(num: unknown, path: Path, lang: Lang, out: Issue[] | undefined): Issue[] | undefined {
  if (typeof num !== 'string') return out;
  const usual = hiGroupLevelAt(num, 0);
  const province = (num.charCodeAt(3) - 48) * 10 + (num.charCodeAt(4) - 48);
  if (usual === num.charCodeAt(2) - 48 && province >= 0 && province < 100 && KNOWN_PROVINCE[province] === 1) {
    return out;
  }
  const r = parseHealthInsuranceNumber(num, { lang, path });
  if (!r.ok || r.warnings.length === 0) return out;
  return appendAll(out, r.warnings);
}

function appendAll(out: Issue[] | undefined, more: readonly Issue[]): Issue[] {
  if (out === undefined) return [...more];
  out.push(...more);
  return out;
}

type Check = (value: Record<string, unknown>, lang: Lang) => Issue[] | undefined;

const PERSONAL_ID: Path = ['personalId'];
const byPersonalId: Check = (v, lang) => personalId(v.personalId, PERSONAL_ID, lang, undefined);

/** The warning check of each kind. */
export const WARNING_CHECKS: Readonly<Record<RecordKind, Check | undefined>> = {
  person: byPersonalId,
  address: undefined,
  household: (v, lang) => {
    let out: Issue[] | undefined;
    const members = v.members as { personalId: string }[];
    for (let i = 0; i < members.length; i++) {
      out = personalId(members[i]!.personalId, ['members', i, 'personalId'], lang, out);
    }
    return out;
  },
  'social-assistance': byPersonalId,
  'poverty-reduction': byPersonalId,
  'meritorious-services': byPersonalId,
  'unemployment-insurance': byPersonalId,
  'social-insurance': byPersonalId,
  'health-insurance': (v, lang) =>
    hiNumber(v.cardNumber, ['cardNumber'], lang, personalId(v.personalId, PERSONAL_ID, lang, undefined)),
  children: (v, lang) =>
    personalId(
      v.guardianPersonalId,
      ['guardianPersonalId'],
      lang,
      personalId(v.personalId, PERSONAL_ID, lang, undefined),
    ),
  'vocational-training': byPersonalId,
  employment: byPersonalId,
  card: (v, lang) =>
    hiNumber(
      (v.healthInsurance as { cardNumber?: string } | undefined)?.cardNumber,
      ['healthInsurance', 'cardNumber'],
      lang,
      personalId(v.personalId, PERSONAL_ID, lang, undefined),
    ),
  'payment-order': byPersonalId,
  envelope: undefined,
};
