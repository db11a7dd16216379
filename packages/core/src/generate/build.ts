import { ISSUING_AGENCIES } from '../codes/agencies.js';
import { type HiGroupCode, hiGroupUsualLevel } from '../codes/health-insurance.js';
import { PROGRAMS } from '../codes/programs.js';
import type { ProvinceCode2025 } from '../codes/provinces.js';
import { PROVINCE_2004_TO_2025, PROVINCES_2004 } from '../codes/provinces.js';
import type { Sex } from '../codes/sex.js';
import { TWO_TIER_UNITS_FROM } from '../schemas/address.js';
import { ageAt } from '../schemas/dates.js';
import { EXCHANGE_PURPOSES, LEGAL_BASES } from '../schemas/envelope.js';
import type { RecordKind } from '../schemas/kinds.js';
import { CHILD_PROTECTION_CATEGORIES } from '../schemas/programs/children.js';
import { EMPLOYMENT_SERVICES } from '../schemas/programs/employment.js';
import {
  MERITORIOUS_CATEGORIES,
  MERITORIOUS_REFERENCE_LEVEL,
} from '../schemas/programs/meritorious-services.js';
import {
  DEPRIVATION_INDICATORS,
  POVERTY_INCOME_THRESHOLDS_2022_2025,
} from '../schemas/programs/poverty-reduction.js';
import { SOCIAL_ASSISTANCE_GROUPS } from '../schemas/programs/social-assistance.js';
import { maxBenefitMonths } from '../schemas/programs/unemployment-insurance.js';
import { TRAINING_LEVELS, TRAINING_TARGET_GROUPS } from '../schemas/programs/vocational-training.js';
import { addDays, addYears, daysFromIso, firstOfMonth, isoFromDays } from './calendar.js';
import { type GenerationContext, REFERENCE_DATE, STREAM, streamOf } from './context.js';
import { OCCUPATIONS, streetAddress } from './names.js';
import { anyProvince2025, type Identity, makeIdentity } from './people.js';
import type { Rng } from './prng.js';

/** A generated record: plain JSON-ready data. */
export type JsonRecord = Record<string, unknown>;

const SCHEMA_VERSION = 1;

/** A day between `from` and `to` (inclusive), `YYYY-MM-DD`. */
function dateBetween(rng: Rng, from: string, to: string): string {
  return isoFromDays(rng.int(daysFromIso(from), daysFromIso(to)));
}

/** The later of two `YYYY-MM-DD` dates. */
function laterDate(a: string, b: string): string {
  return a < b ? b : a;
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

function address(rng: Rng, province: ProvinceCode2025, modern = rng.chance(0.85)): JsonRecord {
  const commune = rng.digits(5);
  if (modern) {
    return {
      scheme: '2025',
      provinceCode: province,
      communeCode: commune,
      street: streetAddress(rng),
      effectiveDate: dateBetween(rng, TWO_TIER_UNITS_FROM, REFERENCE_DATE),
    };
  }
  // An address recorded before the reorganisation: a 2004 province that became `province`.
  const olds = PROVINCES_2004.filter((p) => PROVINCE_2004_TO_2025[p.code] === province).map((p) => p.code);
  return {
    scheme: '2004',
    provinceCode: rng.pick(olds),
    districtCode: rng.digits(3),
    communeCode: commune,
    street: streetAddress(rng),
    effectiveDate: dateBetween(rng, '2010-01-01', '2025-06-30'),
  };
}

function identityFields(p: Identity): JsonRecord {
  return { personalId: p.personalId, fullName: p.fullName, dateOfBirth: p.dateOfBirth, sex: p.sex };
}

const RECORD_PREFIX: Partial<Record<RecordKind, string>> = {
  'social-assistance': 'TGXH',
  'poverty-reduction': 'GN',
  'meritorious-services': 'NCC',
  'unemployment-insurance': 'BHTN',
  'social-insurance': 'BHXH',
  'health-insurance': 'BHYT',
  children: 'TE',
  'vocational-training': 'GDNN',
  employment: 'VL',
};

/** Household code: unique per household (it embeds the index of the household's first record). */
export function householdCode(province: string, firstIndex: number): string {
  return `HGD-${province}-${String(firstIndex).padStart(9, '0')}`;
}

/** Shared fields of a programme record, in schema order; the caller appends the programme's fields. */
function beneficiary(
  ctx: GenerationContext,
  index: number,
  rng: Rng,
  p: Identity,
  withHousehold = rng.chance(0.5),
): JsonRecord {
  const r: JsonRecord = {
    schemaVersion: SCHEMA_VERSION,
    recordId: `${RECORD_PREFIX[ctx.kind]}-${p.province}-${String(index).padStart(9, '0')}`,
    ...identityFields(p),
    ethnicCode: p.ethnicCode,
    provinceCode: p.province,
  };
  if (withHousehold && ageAt(p.dateOfBirth, REFERENCE_DATE) >= 18) {
    // A one-person household of its own: the head, so a dataset of these never lacks heads.
    r.householdId = householdCode(p.province, index);
    r.relationToHead = 'head';
  }
  r.address = address(rng, p.province);
  return r;
}

/** A decision signed in the month of `startDate` or the one before, not before `dateOfBirth`. */
function decision(rng: Rng, startDate: string, dateOfBirth: string, issuer: string): JsonRecord {
  const decisionMonth = firstOfMonth(startDate, rng.chance(0.6) ? -1 : 0);
  return {
    decisionNumber: `${rng.int(1, 9999)}/QĐ-${issuer}`,
    decisionDate: laterDate(addDays(decisionMonth, rng.int(0, 27)), dateOfBirth),
  };
}

/** Status and end date of a benefit that started on `startDate`. */
function statusFields(rng: Rng, startDate: string): JsonRecord {
  const r = rng.float();
  if (r < 0.9 || startDate >= firstOfMonth(REFERENCE_DATE, -1)) return { status: 'active' };
  if (r < 0.95) return { status: 'suspended' };
  return { endDate: dateBetween(rng, startDate, REFERENCE_DATE), status: 'ended' };
}

const BANKS = ['VCB', 'BIDV', 'VBA', 'CTG', 'TCB', 'MBB', 'ACB', 'VPB'] as const;
const WALLETS = ['MOMO', 'ZALOPAY', 'VNPTPAY', 'VIETTELMONEY'] as const;

function paymentAccount(rng: Rng, channel: 'bank' | 'e-wallet'): JsonRecord {
  return channel === 'bank'
    ? { provider: rng.pick(BANKS), number: rng.digits(rng.int(10, 14)) }
    : { provider: rng.pick(WALLETS), number: `0${rng.digits(9)}` };
}

/** A Vietnamese mobile number: 0, a network prefix digit, 8 digits. */
function phoneNumber(rng: Rng): string {
  return `0${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(8)}`;
}

const PAYMENT_CHANNEL_CHOICES = ['post', 'cash', 'bank', 'e-wallet'] as const;
const PAYMENT_CHANNEL_WEIGHTS = [45, 25, 25, 5];

// --- programmes --------------------------------------------------------------------------------

const SA_WEIGHTS: Readonly<Record<string, number>> = {
  'elderly-80-plus-no-pension': 30,
  'elderly-poor-60-to-80': 6,
  'elderly-poor-80-plus': 3,
  'elderly-75-to-80-disadvantaged-commune': 3,
  'elderly-community-care': 1,
  'disability-especially-severe-adult': 8,
  'disability-especially-severe-child-or-elderly': 7,
  'disability-severe-adult': 14,
  'disability-severe-child-or-elderly': 12,
  'single-parent-poor': 4,
  'child-no-support-under-4': 1,
  'child-no-support-4-to-16': 4,
  'youth-16-to-22-in-education': 2,
  'child-hiv-under-4': 0.2,
  'child-hiv-4-to-16': 0.5,
  'child-under-3-disadvantaged-area': 2,
  'hiv-poor-no-income': 1,
};
const SA_GROUP_WEIGHTS = SOCIAL_ASSISTANCE_GROUPS.map((g) => SA_WEIGHTS[g.code] ?? 1);

function socialAssistance(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const group = rng.weighted(SOCIAL_ASSISTANCE_GROUPS, SA_GROUP_WEIGHTS);
  const startDate = firstOfMonth(dateBetween(rng, '2021-07-01', REFERENCE_DATE));
  let minAge: number;
  let maxAge: number;
  if ('childOrElderly' in group) [minAge, maxAge] = rng.chance(0.5) ? [0, 15] : [60, 95];
  else {
    minAge = 'minAge' in group ? group.minAge : 0;
    maxAge = 'maxAge' in group ? group.maxAge : minAge >= 60 ? 100 : 55;
  }
  const p = makeIdentity(rng, ctx.keys, { on: startDate, minAge, maxAge, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  if (ageAt(p.dateOfBirth, REFERENCE_DATE) >= 16 && rng.chance(0.6)) r.phone = phoneNumber(rng);
  const children = 'perChild' in group ? rng.int(1, 4) : undefined;
  const coefficient = children === undefined ? group.coefficient : group.coefficient * children;
  const baseLevel = 500_000;
  r.beneficiaryGroup = group.code;
  r.coefficient = coefficient;
  if (children !== undefined) r.dependentChildren = children;
  if ('disability' in group) r.disabilityLevel = group.disability;
  r.householdPovertyStatus = /poor|hiv|disadvantaged/.test(group.code)
    ? 'poor'
    : rng.pick(['poor', 'near-poor', 'none']);
  r.baseLevel = baseLevel;
  r.monthlyAmount = Math.round(baseLevel * coefficient);
  Object.assign(
    r,
    decision(rng, startDate, p.dateOfBirth, 'UBND'),
    { startDate },
    statusFields(rng, startDate),
  );
  const channel = rng.weighted(PAYMENT_CHANNEL_CHOICES, PAYMENT_CHANNEL_WEIGHTS);
  r.paymentChannel = channel;
  if (channel === 'bank' || channel === 'e-wallet') r.paymentAccount = paymentAccount(rng, channel);
  return r;
}

/** Where record `index` sits among the households of its block of four consecutive records. */
export interface HouseholdSlot {
  readonly firstIndex: number;
  readonly position: number;
  readonly size: number;
}

const BLOCK = 4;

export function householdSlot(ctx: GenerationContext, index: number): HouseholdSlot {
  const block = Math.floor(index / BLOCK);
  const rng = streamOf(ctx, block, STREAM.householdBlock);
  let start = block * BLOCK;
  let remaining = BLOCK;
  while (remaining > 0) {
    const size = Math.min(remaining, rng.weighted([1, 2, 3, 4], [2, 3, 3, 2]));
    if (index < start + size) return { firstIndex: start, position: index - start, size };
    start += size;
    remaining -= size;
  }
  return { firstIndex: index, position: 0, size: 1 };
}

const INDICATOR_CODES = DEPRIVATION_INDICATORS.map((d) => d.code);

function povertyReduction(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const slot = householdSlot(ctx, index);
  // Household-wide facts come from the household's own stream, so every member agrees on them.
  const hh = streamOf(ctx, slot.firstIndex, STREAM.household);
  const headAge = hh.int(25, 80);
  const headSex: Sex = hh.chance(0.7) ? 'male' : 'female';
  const classificationYear = hh.int(2022, 2025);
  const on = `${classificationYear}-01-01`;
  const area = hh.chance(0.75) ? 'rural' : 'urban';
  const poor = hh.chance(0.5);
  const deprivations = hh.sample(INDICATOR_CODES, poor ? hh.int(3, 7) : hh.int(0, 2));
  const threshold = POVERTY_INCOME_THRESHOLDS_2022_2025[area];
  const income = roundTo(hh.int(Math.floor(threshold * 0.3), threshold), 10_000);
  const householdAddress = address(hh, anyProvince2025(hh));
  const province =
    householdAddress.scheme === '2025'
      ? (householdAddress.provinceCode as string)
      : PROVINCE_2004_TO_2025[householdAddress.provinceCode as '01'];
  const ethnicCode = hh.chance(0.6) ? '01' : hh.pick(['02', '03', '05', '06', '07', '08', '09', '10', '12']);

  let relation: string;
  let minAge: number;
  let maxAge: number;
  let sex: Sex | undefined;
  if (slot.position === 0) [relation, minAge, maxAge, sex] = ['head', headAge, headAge, headSex];
  else if (slot.position === 1 && headAge < 70 && rng.chance(0.7)) {
    [relation, minAge, maxAge, sex] = [
      'spouse',
      Math.max(18, headAge - 5),
      headAge + 5,
      headSex === 'male' ? 'female' : 'male',
    ];
  } else if (headAge >= 60 && rng.chance(0.3))
    [relation, minAge, maxAge] = ['grandchild', 0, Math.max(0, headAge - 42)];
  else if (headAge < 45 && rng.chance(0.2))
    [relation, minAge, maxAge] = ['parent', headAge + 20, Math.min(100, headAge + 35)];
  else [relation, minAge, maxAge] = ['child', 0, Math.max(0, headAge - 18)];
  const p = makeIdentity(rng, ctx.keys, { on, minAge, maxAge, serial: index, ...(sex ? { sex } : {}) });
  return {
    schemaVersion: SCHEMA_VERSION,
    recordId: `GN-${province}-${String(index).padStart(9, '0')}`,
    ...identityFields(p),
    ethnicCode,
    provinceCode: province,
    householdId: householdCode(province, slot.firstIndex),
    relationToHead: relation,
    address: householdAddress,
    classificationYear,
    classification: poor ? 'poor' : 'near-poor',
    area,
    monthlyIncomePerCapita: income,
    deprivations,
  };
}

const MERITORIOUS_WEIGHTS: Readonly<Record<string, number>> = {
  'martyr-relative': 25,
  'war-invalid': 25,
  'resistance-participant': 20,
  'toxic-chemical-victim': 12,
  'sick-soldier': 6,
  'resistance-prisoner': 4,
  'revolution-helper': 3,
  'heroic-mother': 0.5,
  'armed-forces-hero': 0.5,
  'wartime-labour-hero': 0.3,
  'pre-1945-revolutionary': 0.1,
  'pre-uprising-revolutionary': 0.2,
};

function meritoriousServices(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const category = rng.weighted(
    MERITORIOUS_CATEGORIES,
    MERITORIOUS_CATEGORIES.map((c) => MERITORIOUS_WEIGHTS[c.code] ?? 1),
  );
  const [minAge, maxAge] =
    category.code === 'pre-1945-revolutionary'
      ? [97, 105]
      : category.code === 'pre-uprising-revolutionary' || category.code === 'heroic-mother'
        ? [95, 105]
        : category.code === 'martyr-relative'
          ? [45, 100]
          : [65, 95];
  const p = makeIdentity(rng, ctx.keys, {
    on: REFERENCE_DATE,
    minAge,
    maxAge,
    serial: index,
    ...(category.code === 'heroic-mother' ? { sex: 'female' as const } : {}),
  });
  const r = beneficiary(ctx, index, rng, p);
  const startDate = firstOfMonth(dateBetween(rng, '2015-01-01', REFERENCE_DATE));
  const earliestRecognition = addYears(p.dateOfBirth, 16);
  const recognitionDate = dateBetween(
    rng,
    earliestRecognition < '1960-01-01' ? '1960-01-01' : earliestRecognition,
    addDays(startDate, -60),
  );
  r.category = category.code;
  if (rng.chance(0.8)) r.certificateNumber = `${rng.int(1, 99999)}/GCN`;
  r.recognitionDate = laterDate(recognitionDate, p.dateOfBirth);
  let factor = 0.6 + rng.float() * 0.8;
  if ('incapacity' in category) {
    const incapacity = rng.int(category.incapacity[0], category.incapacity[1]);
    r.incapacityPercent = incapacity;
    factor = 0.4 + (incapacity / 100) * 2;
  }
  r.referenceLevel = MERITORIOUS_REFERENCE_LEVEL;
  r.monthlyAmount = roundTo(MERITORIOUS_REFERENCE_LEVEL * factor, 1000);
  Object.assign(
    r,
    decision(rng, startDate, p.dateOfBirth, 'SNV'),
    { startDate },
    statusFields(rng, startDate),
  );
  r.paymentChannel = rng.weighted(PAYMENT_CHANNEL_CHOICES, PAYMENT_CHANNEL_WEIGHTS);
  return r;
}

function taxCode(rng: Rng): string {
  return `0${rng.digits(9)}${rng.chance(0.15) ? `-${rng.digits(3)}` : ''}`;
}

/** 5 × the 2024 region I minimum wage (4,960,000 VND): the cap on the monthly benefit. */
const UNEMPLOYMENT_CAP = 24_800_000;

function unemploymentInsurance(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const terminationDate = dateBetween(rng, '2024-01-01', '2025-07-31');
  const p = makeIdentity(rng, ctx.keys, { on: terminationDate, minAge: 18, maxAge: 59, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  const contributionMonths = rng.int(
    12,
    Math.min(360, (ageAt(p.dateOfBirth, terminationDate) - 16) * 12 + 12),
  );
  const averageMonthlySalary = roundTo(rng.int(4_960_000, 40_000_000), 10_000);
  const benefitMonths = maxBenefitMonths(contributionMonths);
  const applicationDate = addDays(terminationDate, rng.int(1, 85));
  const decisionDate = addDays(applicationDate, rng.int(14, 20));
  // Benefit runs from the 16th day after the application, and never from before the decision's month.
  const dayOfRight = addDays(applicationDate, 16);
  const startDate = laterDate(dayOfRight, decisionDate);
  const endDate = addDays(firstOfMonth(startDate, benefitMonths), Number(startDate.slice(8)) - 2);
  r.socialInsuranceNumber = p.socialInsuranceNumber;
  if (rng.chance(0.8)) r.lastEmployerTaxCode = taxCode(rng);
  r.contributionMonths = contributionMonths;
  r.averageMonthlySalary = averageMonthlySalary;
  r.monthlyBenefit = Math.min(Math.round(averageMonthlySalary * 0.6), UNEMPLOYMENT_CAP);
  r.benefitMonths = benefitMonths;
  r.terminationDate = terminationDate;
  r.applicationDate = applicationDate;
  r.decisionNumber = `${rng.int(1, 9999)}/QĐ-SNV`;
  r.decisionDate = decisionDate;
  r.startDate = startDate;
  r.endDate = endDate;
  r.status = endDate < REFERENCE_DATE ? 'ended' : 'active';
  r.paymentChannel = rng.chance(0.8) ? 'bank' : 'post';
  return r;
}

function socialInsurance(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const benefitType = rng.weighted(
    [
      'pension',
      'social-pension',
      'survivor-allowance',
      'work-accident-allowance',
      'working-capacity-loss-allowance',
    ],
    [60, 15, 10, 10, 5],
  );
  const startDate = firstOfMonth(dateBetween(rng, '2005-01-01', REFERENCE_DATE));
  const [minAge, maxAge] =
    benefitType === 'pension'
      ? [55, 62]
      : benefitType === 'social-pension'
        ? [75, 95]
        : benefitType === 'working-capacity-loss-allowance'
          ? [50, 60]
          : benefitType === 'work-accident-allowance'
            ? [20, 60]
            : [0, 90];
  const p = makeIdentity(rng, ctx.keys, { on: startDate, minAge, maxAge, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  if (benefitType !== 'social-pension') r.socialInsuranceNumber = p.socialInsuranceNumber;
  r.benefitType = benefitType;
  r.participation = benefitType === 'social-pension' ? 'none' : rng.chance(0.9) ? 'compulsory' : 'voluntary';
  const years =
    benefitType === 'pension' ? rng.int(15, 38) : benefitType === 'social-pension' ? 0 : rng.int(1, 30);
  r.contributionYears = years;
  r.monthlyAmount =
    benefitType === 'social-pension'
      ? 500_000
      : roundTo(
          benefitType === 'pension' ? rng.int(3_000_000, 15_000_000) : rng.int(800_000, 4_000_000),
          1000,
        );
  Object.assign(
    r,
    decision(rng, startDate, p.dateOfBirth, 'BHXH'),
    { startDate },
    statusFields(rng, startDate),
  );
  r.paymentChannel = rng.weighted(PAYMENT_CHANNEL_CHOICES, PAYMENT_CHANNEL_WEIGHTS);
  return r;
}

/** A plausible health-insurance group for someone aged `age`. */
function hiGroupFor(rng: Rng, age: number): HiGroupCode {
  if (age < 6) return 'TE';
  if (age < 18) return rng.chance(0.9) ? 'HS' : 'HN';
  if (age < 23) return rng.weighted(['SV', 'DN', 'GD', 'HN'], [5, 3, 1, 1]);
  if (age < 60)
    return rng.weighted(
      ['DN', 'HC', 'CH', 'GD', 'HN', 'CN', 'DT', 'BT', 'TN'],
      [40, 10, 6, 15, 8, 5, 8, 3, 2],
    );
  return rng.weighted(['HT', 'GD', 'CT', 'CK', 'BT', 'CB'], [45, 20, 5, 10, 10, 10]);
}

function hiCard(
  rng: Rng,
  p: Identity,
  validFrom: string,
  province: string,
): { cardNumber: string; group: HiGroupCode; level: number; validTo: string; facility: string } {
  const group = hiGroupFor(rng, ageAt(p.dateOfBirth, validFrom));
  const level = hiGroupUsualLevel(group);
  return {
    cardNumber: `${group}${level}${province}${p.socialInsuranceNumber}`,
    group,
    level,
    validTo: addDays(addYears(validFrom, 1), -1),
    facility: `${province}${rng.digits(3)}`,
  };
}

function healthInsurance(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const validFrom = firstOfMonth(dateBetween(rng, '2024-10-01', REFERENCE_DATE));
  const p = makeIdentity(rng, ctx.keys, { on: validFrom, minAge: 0, maxAge: 90, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  const card = hiCard(rng, p, validFrom, p.province);
  r.cardNumber = card.cardNumber;
  r.group = card.group;
  r.benefitLevel = card.level;
  r.socialInsuranceNumber = p.socialInsuranceNumber;
  r.validFrom = validFrom;
  r.validTo = card.validTo;
  r.facility = card.facility;
  if (rng.chance(0.05)) r.livingArea = rng.pick(['K1', 'K2', 'K3']);
  if (ageAt(p.dateOfBirth, validFrom) >= 25 && rng.chance(0.3)) {
    r.fiveYearsContinuousFrom = dateBetween(rng, addYears(p.dateOfBirth, 23), validFrom);
  }
  return r;
}

const CHILD_CATEGORY_CODES = CHILD_PROTECTION_CATEGORIES.map((c) => c.code);
const SUPPORT_TYPES = [
  'allowance',
  'education',
  'health-care',
  'care-placement',
  'counselling',
  'legal-aid',
] as const;

function children(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const caseOpenedDate = dateBetween(rng, '2019-01-01', REFERENCE_DATE);
  const p = makeIdentity(rng, ctx.keys, { on: caseOpenedDate, minAge: 0, maxAge: 15, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  r.protectionCategory = rng.weighted(CHILD_CATEGORY_CODES, [6, 2, 3, 8, 1, 2, 1, 0.5, 1, 2, 2, 0.5]);
  if (rng.chance(0.7)) {
    const guardian = makeIdentity(rng, ctx.keys, {
      on: caseOpenedDate,
      minAge: 22,
      maxAge: 75,
      serial: index,
    });
    r.guardianPersonalId = guardian.personalId;
  }
  r.schoolEnrolled = ageAt(p.dateOfBirth, REFERENCE_DATE) >= 6 ? rng.chance(0.85) : false;
  r.supportTypes = rng.sample(SUPPORT_TYPES, rng.int(1, 3));
  if ((r.supportTypes as string[]).length === 0) r.supportTypes = ['allowance'];
  r.caseOpenedDate = caseOpenedDate;
  const closed = rng.chance(0.3);
  if (closed) r.caseClosedDate = dateBetween(rng, caseOpenedDate, REFERENCE_DATE);
  r.status = closed ? 'closed' : 'open';
  return r;
}

function vocationalTraining(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const startDate = dateBetween(rng, '2022-01-01', REFERENCE_DATE);
  const p = makeIdentity(rng, ctx.keys, { on: startDate, minAge: 15, maxAge: 45, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  const level = rng.weighted(TRAINING_LEVELS, [50, 30, 12, 8]);
  const months =
    level === 'short-course'
      ? rng.int(1, 3)
      : level === 'elementary'
        ? rng.int(3, 12)
        : level === 'intermediate'
          ? 24
          : 36;
  r.trainingLevel = level;
  r.occupationName = rng.pick(OCCUPATIONS);
  r.institutionCode = `GDNN-${p.province}-${rng.digits(3)}`;
  r.targetGroup = rng.weighted(TRAINING_TARGET_GROUPS, [20, 10, 15, 5, 30, 5, 10, 5]);
  r.supportAmount = roundTo(
    level === 'short-course' ? rng.int(1_500_000, 4_000_000) : rng.int(3_000_000, 12_000_000),
    10_000,
  );
  r.startDate = startDate;
  const endDate = addDays(firstOfMonth(startDate, months), rng.int(0, 27));
  const finished = endDate <= REFERENCE_DATE;
  const status = finished ? (rng.chance(0.9) ? 'completed' : 'dropped-out') : 'enrolled';
  if (status === 'completed') r.endDate = endDate;
  if (status === 'dropped-out') r.endDate = dateBetween(rng, startDate, endDate);
  r.status = status;
  return r;
}

function employment(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const registrationDate = dateBetween(rng, '2023-01-01', REFERENCE_DATE);
  const p = makeIdentity(rng, ctx.keys, { on: registrationDate, minAge: 18, maxAge: 60, serial: index });
  const r = beneficiary(ctx, index, rng, p);
  const serviceType = rng.weighted(EMPLOYMENT_SERVICES, [40, 25, 15, 15, 5]);
  r.serviceType = serviceType;
  r.employmentStatus = rng.weighted(
    ['unemployed', 'employed', 'self-employed', 'underemployed'],
    [60, 10, 15, 15],
  );
  r.registrationDate = registrationDate;
  const placed = serviceType === 'job-placement' && rng.chance(0.5);
  if (placed) {
    r.placementDate = dateBetween(rng, registrationDate, REFERENCE_DATE);
    r.employerTaxCode = taxCode(rng);
  }
  if (serviceType === 'preferential-loan')
    r.loanAmount = roundTo(rng.int(20_000_000, 100_000_000), 1_000_000);
  r.status = placed ? 'placed' : rng.chance(0.7) ? 'open' : 'closed';
  return r;
}

// --- other kinds -------------------------------------------------------------------------------

function person(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const p = makeIdentity(rng, ctx.keys, { on: REFERENCE_DATE, minAge: 0, maxAge: 95, serial: index });
  const r: JsonRecord = { schemaVersion: SCHEMA_VERSION, ...identityFields(p), ethnicCode: p.ethnicCode };
  if (p.dateOfBirth < '1996-01-01' && rng.chance(0.6)) r.legacyId = `${rng.int(1, 3)}${rng.digits(8)}`;
  if (rng.chance(0.7)) r.socialInsuranceNumber = p.socialInsuranceNumber;
  if (ageAt(p.dateOfBirth, REFERENCE_DATE) >= 14 && rng.chance(0.8)) {
    r.phone = phoneNumber(rng);
  }
  r.address = address(rng, p.province);
  return r;
}

function addressRecord(_ctx: GenerationContext, _index: number, rng: Rng): JsonRecord {
  return { schemaVersion: SCHEMA_VERSION, ...address(rng, anyProvince2025(rng), rng.chance(0.8)) };
}

const MAX_HOUSEHOLD_MEMBERS = 8;

function household(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const size = rng.weighted([1, 2, 3, 4, 5, 6, 7, 8], [12, 20, 22, 24, 12, 5, 3, 2]);
  const headAge = rng.int(22, 85);
  const headSex: Sex = rng.chance(0.7) ? 'male' : 'female';
  const serial = (k: number) => index * MAX_HOUSEHOLD_MEMBERS + k;
  const head = makeIdentity(rng, ctx.keys, {
    on: REFERENCE_DATE,
    minAge: headAge,
    maxAge: headAge,
    sex: headSex,
    serial: serial(0),
  });
  const members: JsonRecord[] = [{ ...identityFields(head), relationToHead: 'head' }];
  for (let k = 1; k < size; k++) {
    let m: Identity;
    let relation: string;
    if (k === 1 && headAge < 75 && rng.chance(0.75)) {
      relation = 'spouse';
      m = makeIdentity(rng, ctx.keys, {
        on: REFERENCE_DATE,
        minAge: Math.max(18, headAge - 6),
        maxAge: headAge + 4,
        sex: headSex === 'male' ? 'female' : 'male',
        serial: serial(k),
      });
    } else if (headAge >= 55 && rng.chance(0.3)) {
      relation = 'grandchild';
      m = makeIdentity(rng, ctx.keys, {
        on: REFERENCE_DATE,
        minAge: 0,
        maxAge: Math.max(0, headAge - 40),
        serial: serial(k),
      });
    } else if (headAge < 50 && rng.chance(0.15)) {
      relation = 'parent';
      m = makeIdentity(rng, ctx.keys, {
        on: REFERENCE_DATE,
        minAge: headAge + 20,
        maxAge: Math.min(100, headAge + 35),
        serial: serial(k),
      });
    } else {
      relation = rng.chance(0.9) ? 'child' : rng.pick(['sibling', 'other']);
      m = makeIdentity(rng, ctx.keys, {
        on: REFERENCE_DATE,
        minAge: 0,
        maxAge: Math.max(0, headAge - 18),
        serial: serial(k),
      });
    }
    members.push({ ...identityFields(m), relationToHead: relation });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    householdId: householdCode(head.province, index),
    provinceCode: head.province,
    address: address(rng, head.province),
    members,
  };
}

const PROGRAM_CODES = PROGRAMS.map((p) => p.code);

function card(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const p = makeIdentity(rng, ctx.keys, { on: REFERENCE_DATE, minAge: 0, maxAge: 95, serial: index });
  const type = rng.chance(0.6) ? 'social-security' : 'health-insurance';
  const r: JsonRecord = {
    schemaVersion: SCHEMA_VERSION,
    type,
    personalId: p.personalId,
    name: p.fullName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
  };
  // The SI number, when present, must be the one inside the health-insurance card number.
  if (rng.chance(0.85)) r.socialInsuranceNumber = p.socialInsuranceNumber;
  if (type === 'health-insurance' || rng.chance(0.4)) {
    const validFrom = firstOfMonth(dateBetween(rng, '2024-10-01', REFERENCE_DATE));
    const c = hiCard(rng, p, validFrom, p.province);
    const hi: JsonRecord = { cardNumber: c.cardNumber, validFrom, validTo: c.validTo };
    if (rng.chance(0.8)) hi.facility = c.facility;
    r.healthInsurance = hi;
  }
  if (rng.chance(0.6)) r.programs = rng.sample(PROGRAM_CODES, rng.int(1, 3));
  return r;
}

function paymentOrder(ctx: GenerationContext, index: number, rng: Rng): JsonRecord {
  const programCode = rng.weighted(
    ['social-assistance', 'meritorious-services', 'unemployment-insurance', 'social-insurance'],
    [45, 20, 10, 25],
  );
  const p = makeIdentity(rng, ctx.keys, { on: REFERENCE_DATE, minAge: 18, maxAge: 95, serial: index });
  const period = firstOfMonth(dateBetween(rng, '2025-01-01', '2025-09-30')).slice(0, 7);
  const amount =
    programCode === 'social-assistance'
      ? 500_000 * rng.pick([1, 1.5, 2, 2.5, 3])
      : programCode === 'meritorious-services'
        ? roundTo(rng.int(1_500_000, 8_000_000), 1000)
        : roundTo(rng.int(2_000_000, 15_000_000), 1000);
  const channel = rng.weighted(['post', 'cash', 'bank', 'e-wallet'], [40, 15, 35, 10]);
  const createdAt = `${period}-0${rng.int(1, 5)}T0${rng.int(7, 9)}:${String(rng.int(0, 59)).padStart(2, '0')}:00+07:00`;
  const status = rng.weighted(['pending', 'sent', 'paid', 'failed', 'cancelled'], [10, 10, 75, 3, 2]);
  const r: JsonRecord = {
    schemaVersion: SCHEMA_VERSION,
    orderId: `CT-${period.replace('-', '')}-${String(index).padStart(9, '0')}`,
    personalId: p.personalId,
    fullName: p.fullName,
    programCode,
    provinceCode: p.province,
    amount,
    currency: 'VND',
    period,
    channel,
  };
  if (channel === 'bank' || channel === 'e-wallet') r.account = paymentAccount(rng, channel);
  r.status = status;
  r.createdAt = createdAt;
  if (status === 'paid')
    r.paidAt = `${period}-${rng.int(10, 28)}T${rng.int(10, 16)}:${String(rng.int(0, 59)).padStart(2, '0')}:00+07:00`;
  return r;
}

const AGENCY_CODES = ISSUING_AGENCIES.filter((a) => a.current).map((a) => a.code);
const HEX = '0123456789abcdef';

function hex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += HEX[rng.int(0, 15)];
  return out;
}

function envelope(_ctx: GenerationContext, _index: number, rng: Rng): JsonRecord {
  const h = hex(rng, 32);
  // UUID version 4, variant 10xx.
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${HEX[8 + rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  const sender = rng.pick(AGENCY_CODES);
  const receiver = rng.pick(AGENCY_CODES.filter((a) => a !== sender));
  const legalBasis = rng.weighted(LEGAL_BASES, [25, 30, 40, 2, 3]);
  const created = dateBetween(rng, '2025-07-01', REFERENCE_DATE);
  const r: JsonRecord = {
    schemaVersion: SCHEMA_VERSION,
    messageId: uuid,
    sender: rng.chance(0.5) ? { agency: sender, provinceCode: anyProvince2025(rng) } : { agency: sender },
    receiver: { agency: receiver },
    purpose: rng.pick(EXCHANGE_PURPOSES),
    legalBasis,
  };
  if (legalBasis === 'consent') r.consentReference = `DY-${created.replace(/-/g, '')}-${rng.digits(6)}`;
  r.createdAt = `${created}T${String(rng.int(7, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}+07:00`;
  r.payload = { kind: rng.pick(PROGRAM_CODES), count: rng.int(1, 50_000), digest: `sha256:${hex(rng, 64)}` };
  return r;
}

type Builder = (ctx: GenerationContext, index: number, rng: Rng) => JsonRecord;

/** The builder of each kind: a valid record from the record's content stream. */
export const BUILDERS: Readonly<Record<RecordKind, Builder>> = {
  person,
  address: addressRecord,
  household,
  'social-assistance': socialAssistance,
  'poverty-reduction': povertyReduction,
  'meritorious-services': meritoriousServices,
  'unemployment-insurance': unemploymentInsurance,
  'social-insurance': socialInsurance,
  'health-insurance': healthInsurance,
  children,
  'vocational-training': vocationalTraining,
  employment,
  card,
  'payment-order': paymentOrder,
  envelope,
};

/** The valid record `index` of the context's kind. */
export function buildClean(ctx: GenerationContext, index: number): JsonRecord {
  return BUILDERS[ctx.kind](ctx, index, streamOf(ctx, index, STREAM.content));
}
