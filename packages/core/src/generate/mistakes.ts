import { PROVINCES_2025 } from '../codes/provinces.js';
import { isProgramKind, type RecordKind } from '../schemas/kinds.js';
import { buildClean, type JsonRecord } from './build.js';
import { addYears, firstOfMonth } from './calendar.js';
import { type GenerationContext, STREAM, streamOf } from './context.js';
import type { Rng } from './prng.js';

/**
 * The mistakes the generator can plant, with the issue code that must find each. `record` scope:
 * `validateRecord` reports the code on that record. `dataset` scope: the record is valid on its
 * own, and the dataset validator's cross-record rules report the code (the record duplicates an
 * earlier one, or its household has no head).
 */
export const MISTAKES = {
  'wrong-dob': {
    scope: 'record',
    code: 'PERSONAL_ID_DOB_MISMATCH',
    description: 'date of birth one year off the year in the personal ID',
  },
  'wrong-sex': {
    scope: 'record',
    code: 'PERSONAL_ID_SEX_MISMATCH',
    description: 'sex contradicting the sex digit of the personal ID',
  },
  'bad-personal-id': {
    scope: 'record',
    code: 'PERSONAL_ID_LENGTH',
    description: 'personal ID with its last digit dropped (11 digits)',
  },
  'unknown-province': {
    scope: 'record',
    code: 'UNKNOWN_CODE',
    description: 'province code 03, which no scheme assigns',
  },
  'missing-required-field': {
    scope: 'record',
    code: 'REQUIRED',
    description: 'a required field removed (the name, or the key field of the kind)',
  },
  'bad-date': {
    scope: 'record',
    code: 'INVALID_FORMAT',
    description: 'a date that does not exist (30 February) or a 13th month',
  },
  'unknown-field': {
    scope: 'record',
    code: 'UNKNOWN_FIELD',
    description: 'an extra field "ghiChu" the schema does not define',
  },
  'dates-out-of-order': {
    scope: 'record',
    code: 'DATES_OUT_OF_ORDER',
    description: 'a later date moved before the date it follows',
  },
  'amount-mismatch': {
    scope: 'record',
    code: 'AMOUNT_MISMATCH',
    description: 'monthly allowance not equal to base level × coefficient',
  },
  'bad-hi-number': {
    scope: 'record',
    code: 'HI_NUMBER_GROUP_UNKNOWN',
    description: 'health-insurance card number with the unknown group ZZ',
  },
  'hi-card-mismatch': {
    scope: 'record',
    code: 'HI_CARD_LEVEL_MISMATCH',
    description: 'benefit level differing from character 3 of the card number',
  },
  'wrong-scheme-date': {
    scope: 'record',
    code: 'ADDRESS_SCHEME_DATE',
    description: 'a 2025-scheme address dated before 1 July 2025 (or a 2004 one after)',
  },
  'fractional-amount': {
    scope: 'record',
    code: 'INVALID_TYPE',
    description: 'an amount in VND with a fractional part',
  },
  'missing-account': {
    scope: 'record',
    code: 'REQUIRED_WITH',
    description: 'a bank payment without an account',
  },
  'missing-consent-reference': {
    scope: 'record',
    code: 'REQUIRED_WITH',
    description: 'legal basis "consent" without a consent reference',
  },
  'two-heads': {
    scope: 'record',
    code: 'HOUSEHOLD_MULTIPLE_HEADS',
    description: 'a second member marked as head of household',
  },
  'household-without-head': {
    scope: 'record',
    code: 'HOUSEHOLD_WITHOUT_HEAD',
    description: 'the head of household marked as spouse (in programme kinds: a dataset-level mistake)',
  },
  'duplicate-personal-id': {
    scope: 'dataset',
    code: 'DUPLICATE_PERSONAL_ID',
    description: 'an earlier beneficiary enrolled again in the same programme and province',
  },
  'enrolled-in-two-provinces': {
    scope: 'dataset',
    code: 'ENROLLED_IN_TWO_PROVINCES',
    description: 'an earlier beneficiary enrolled again in the same programme in another province',
  },
} as const satisfies Readonly<
  Record<string, { scope: 'record' | 'dataset'; code: string; description: string }>
>;

export type MistakeCode = keyof typeof MISTAKES;

/** Where and what a planted mistake is, so tests can check that validation finds it. */
export interface PlantedMistake {
  readonly index: number;
  readonly mistake: MistakeCode;
  /** The issue code that must report it (record scope: from `validateRecord`; dataset scope: from the dataset validator). */
  readonly code: string;
  readonly scope: 'record' | 'dataset';
  readonly path: readonly (string | number)[];
  /** For duplicates: the index of the earlier record this one repeats. */
  readonly relatedIndex?: number;
}

interface Applied {
  readonly path: readonly (string | number)[];
  readonly scope?: 'record' | 'dataset';
  readonly relatedIndex?: number;
}

type Plant = (
  r: JsonRecord,
  ctx: GenerationContext,
  index: number,
  rng: Rng,
  errorRate: number,
) => Applied | undefined;

const IDENTITY_HOLDER: Partial<Record<RecordKind, readonly (string | number)[]>> = {
  household: ['members', 0],
};

/** The object holding personalId / dateOfBirth / sex in a record of this kind. */
function identityOf(
  ctx: GenerationContext,
  r: JsonRecord,
): { holder: JsonRecord; path: readonly (string | number)[] } | undefined {
  const path = IDENTITY_HOLDER[ctx.kind] ?? [];
  let holder: unknown = r;
  for (const key of path) holder = (holder as Record<string | number, unknown>)[key];
  if (holder === undefined || typeof (holder as JsonRecord).personalId !== 'string') return undefined;
  return { holder: holder as JsonRecord, path };
}

const IMPOSSIBLE_PROVINCE = '03';

/** The field the `unknown-field` mistake adds (Vietnamese for "note", a typical hand-added column). */
export const PLANTED_EXTRA_FIELD = 'ghiChu';

function isPlanted(ctx: GenerationContext, index: number, errorRate: number): boolean {
  return errorRate > 0 && streamOf(ctx, index, STREAM.planted).float() < errorRate;
}

/** An earlier record with no planted mistake, near `index` (or undefined). */
function cleanEarlier(
  ctx: GenerationContext,
  index: number,
  rng: Rng,
  errorRate: number,
): number | undefined {
  if (index === 0) return undefined;
  let j = index - 1 - rng.int(0, Math.min(index - 1, 99));
  for (let tries = 0; tries < 50 && j >= 0; tries++, j--) {
    if (!isPlanted(ctx, j, errorRate)) return j;
  }
  return undefined;
}

/** Record `index` replaced by a re-enrolment of the clean earlier record `j`. */
function reEnrol(r: JsonRecord, ctx: GenerationContext, j: number): JsonRecord {
  const copy = buildClean(ctx, j);
  copy.recordId = r.recordId;
  if (r.householdId === undefined) {
    delete copy.householdId;
    delete copy.relationToHead;
  } else {
    copy.householdId = r.householdId;
    copy.relationToHead = r.relationToHead;
  }
  for (const key of Object.keys(r)) delete r[key];
  return Object.assign(r, copy);
}

const DATE_ORDER: Partial<Record<RecordKind, readonly [string, string]>> = {
  'social-assistance': ['decisionDate', 'startDate'],
  'meritorious-services': ['decisionDate', 'startDate'],
  'social-insurance': ['decisionDate', 'startDate'],
  'unemployment-insurance': ['terminationDate', 'applicationDate'],
  'health-insurance': ['validFrom', 'validTo'],
  children: ['dateOfBirth', 'caseOpenedDate'],
  'vocational-training': ['startDate', 'endDate'],
  employment: ['registrationDate', 'placementDate'],
};

const PLANTS: Readonly<Record<MistakeCode, Plant>> = {
  'wrong-dob': (r, ctx) => {
    const id = identityOf(ctx, r);
    if (id === undefined || typeof id.holder.dateOfBirth !== 'string') return undefined;
    id.holder.dateOfBirth = addYears(id.holder.dateOfBirth as string, -1);
    return { path: [...id.path, 'personalId'] };
  },
  'wrong-sex': (r, ctx) => {
    const id = identityOf(ctx, r);
    if (id === undefined || typeof id.holder.sex !== 'string') return undefined;
    id.holder.sex = id.holder.sex === 'male' ? 'female' : 'male';
    return { path: [...id.path, 'personalId'] };
  },
  'bad-personal-id': (r, ctx) => {
    const id = identityOf(ctx, r);
    if (id === undefined) return undefined;
    id.holder.personalId = (id.holder.personalId as string).slice(0, 11);
    return { path: [...id.path, 'personalId'] };
  },
  'unknown-province': (r, ctx) => {
    if (typeof r.provinceCode === 'string') {
      r.provinceCode = IMPOSSIBLE_PROVINCE;
      return { path: ['provinceCode'] };
    }
    if (ctx.kind === 'person') {
      (r.address as JsonRecord).provinceCode = IMPOSSIBLE_PROVINCE;
      return { path: ['address', 'provinceCode'] };
    }
    return undefined;
  },
  'missing-required-field': (r, ctx) => {
    const key =
      ctx.kind === 'address'
        ? 'communeCode'
        : ctx.kind === 'envelope'
          ? 'messageId'
          : ctx.kind === 'card'
            ? 'name'
            : ctx.kind === 'household'
              ? 'householdId'
              : 'fullName';
    delete r[key];
    return { path: [key] };
  },
  'bad-date': (r, ctx) => {
    if (ctx.kind === 'envelope' || ctx.kind === 'payment-order') {
      r.createdAt = `${(r.createdAt as string).slice(0, 4)}-13-01T08:00:00+07:00`;
      return { path: ['createdAt'] };
    }
    if (ctx.kind === 'address') {
      r.effectiveDate = `${(r.effectiveDate as string).slice(0, 4)}-02-30`;
      return { path: ['effectiveDate'] };
    }
    const id = identityOf(ctx, r);
    if (id === undefined || typeof id.holder.dateOfBirth !== 'string') return undefined;
    id.holder.dateOfBirth = `${(id.holder.dateOfBirth as string).slice(0, 4)}-02-30`;
    return { path: [...id.path, 'dateOfBirth'] };
  },
  'unknown-field': (r) => {
    r[PLANTED_EXTRA_FIELD] = 'nhập tay';
    return { path: [PLANTED_EXTRA_FIELD] };
  },
  'dates-out-of-order': (r, ctx) => {
    if (ctx.kind === 'card') {
      const hi = r.healthInsurance as JsonRecord | undefined;
      if (hi === undefined) return undefined;
      hi.validTo = addYears(hi.validFrom as string, -1);
      return { path: ['healthInsurance', 'validTo'] };
    }
    const pair = DATE_ORDER[ctx.kind];
    if (pair === undefined || typeof r[pair[0]] !== 'string' || typeof r[pair[1]] !== 'string')
      return undefined;
    // Two months before the earlier date: before it, and in an earlier month too.
    r[pair[1]] = firstOfMonth(r[pair[0]] as string, -2);
    return { path: [pair[1]] };
  },
  'amount-mismatch': (r, ctx) => {
    if (ctx.kind !== 'social-assistance') return undefined;
    r.monthlyAmount = (r.monthlyAmount as number) + 50_000;
    return { path: ['monthlyAmount'] };
  },
  'bad-hi-number': (r, ctx) => {
    const holder =
      ctx.kind === 'health-insurance'
        ? r
        : ctx.kind === 'card'
          ? (r.healthInsurance as JsonRecord | undefined)
          : undefined;
    if (holder === undefined) return undefined;
    holder.cardNumber = `ZZ${(holder.cardNumber as string).slice(2)}`;
    return { path: ctx.kind === 'card' ? ['healthInsurance', 'cardNumber'] : ['cardNumber'] };
  },
  'hi-card-mismatch': (r, ctx) => {
    if (ctx.kind !== 'health-insurance') return undefined;
    r.benefitLevel = ((r.benefitLevel as number) % 5) + 1;
    return { path: ['cardNumber'] };
  },
  'wrong-scheme-date': (r, ctx) => {
    const a = ctx.kind === 'address' ? r : undefined;
    if (a === undefined) return undefined;
    a.effectiveDate = a.scheme === '2025' ? '2025-06-30' : '2025-07-01';
    return { path: ['effectiveDate'] };
  },
  'fractional-amount': (r, ctx) => {
    if (ctx.kind !== 'payment-order') return undefined;
    r.amount = (r.amount as number) + 0.5;
    return { path: ['amount'] };
  },
  'missing-account': (r, ctx) => {
    if (ctx.kind === 'social-assistance') {
      r.paymentChannel = 'bank';
      delete r.paymentAccount;
      return { path: ['paymentAccount'] };
    }
    if (ctx.kind !== 'payment-order') return undefined;
    r.channel = 'bank';
    delete r.account;
    return { path: ['account'] };
  },
  'missing-consent-reference': (r, ctx) => {
    if (ctx.kind !== 'envelope') return undefined;
    r.legalBasis = 'consent';
    delete r.consentReference;
    return { path: ['consentReference'] };
  },
  'two-heads': (r, ctx) => {
    const members = ctx.kind === 'household' ? (r.members as JsonRecord[]) : undefined;
    if (members === undefined || members.length < 2) return undefined;
    members[1]!.relationToHead = 'head';
    return { path: ['members', 1, 'relationToHead'] };
  },
  'household-without-head': (r, ctx) => {
    if (ctx.kind === 'household') {
      (r.members as JsonRecord[])[0]!.relationToHead = 'spouse';
      return { path: ['members'] };
    }
    if (!isProgramKind(ctx.kind) || r.relationToHead !== 'head') return undefined;
    r.relationToHead = 'spouse';
    return { path: ['relationToHead'], scope: 'dataset' };
  },
  'duplicate-personal-id': (r, ctx, index, rng, errorRate) => {
    if (!isProgramKind(ctx.kind)) return undefined;
    const j = cleanEarlier(ctx, index, rng, errorRate);
    if (j === undefined) return undefined;
    reEnrol(r, ctx, j);
    return { path: ['personalId'], relatedIndex: j };
  },
  'enrolled-in-two-provinces': (r, ctx, index, rng, errorRate) => {
    if (!isProgramKind(ctx.kind)) return undefined;
    const j = cleanEarlier(ctx, index, rng, errorRate);
    if (j === undefined) return undefined;
    reEnrol(r, ctx, j);
    const others = PROVINCES_2025.filter((p) => p.code !== r.provinceCode);
    r.provinceCode = rng.pick(others).code;
    return { path: ['provinceCode'], relatedIndex: j };
  },
};

const MISTAKE_CODES = Object.keys(MISTAKES) as MistakeCode[];

/**
 * Plants one mistake in `record` (record `index`, already built clean) when the seed's draw for
 * this index falls under `errorRate`; returns what was planted. Mistakes that do not apply to the
 * record (no health-insurance block, no earlier record to duplicate…) are skipped for the next.
 */
export function plantMistake(
  ctx: GenerationContext,
  index: number,
  record: JsonRecord,
  errorRate: number,
): PlantedMistake | undefined {
  if (!isPlanted(ctx, index, errorRate)) return undefined;
  const rng = streamOf(ctx, index, STREAM.mistake);
  // Uniform among the mistakes that apply: draw, and draw again when the one drawn does not
  // apply (each planter checks applicability before it changes anything).
  for (let tries = 0; tries < 200; tries++) {
    const mistake = MISTAKE_CODES[rng.int(0, MISTAKE_CODES.length - 1)]!;
    const applied = PLANTS[mistake](record, ctx, index, rng, errorRate);
    if (applied !== undefined) {
      const spec = MISTAKES[mistake];
      return {
        index,
        mistake,
        code: spec.code,
        scope: applied.scope ?? spec.scope,
        path: applied.path,
        ...(applied.relatedIndex === undefined ? {} : { relatedIndex: applied.relatedIndex }),
      };
    }
  }
  return undefined;
}
