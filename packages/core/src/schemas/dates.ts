// Date arithmetic on `YYYY-MM-DD` strings the schema has already checked. ISO dates compare
// correctly as strings, so ordering rules are plain `<`; these helpers cover the rest without
// building Date objects on the validation hot path.

function num4(text: string, at: number): number {
  return (
    (text.charCodeAt(at) - 48) * 1000 +
    (text.charCodeAt(at + 1) - 48) * 100 +
    (text.charCodeAt(at + 2) - 48) * 10 +
    (text.charCodeAt(at + 3) - 48)
  );
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return num4(date, 0);
}

/** Completed years of age on `on` for someone born on `dateOfBirth` (both `YYYY-MM-DD`). */
export function ageAt(dateOfBirth: string, on: string): number {
  let age = num4(on, 0) - num4(dateOfBirth, 0);
  // Compare MM-DD character by character: the birthday not reached yet this year.
  for (let i = 5; i < 10; i++) {
    const a = on.charCodeAt(i);
    const b = dateOfBirth.charCodeAt(i);
    if (a !== b) {
      if (a < b) age--;
      break;
    }
  }
  return age;
}

/** Whether the month of `a` (`YYYY-MM…`) is before the month of `b`. */
export function monthBefore(a: string, b: string): boolean {
  for (let i = 0; i < 7; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x < y;
  }
  return false;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
let todayText = '';
let todayEndsAt = 0;
let callsSinceClockRead = 0;

/**
 * Today's date in Vietnam (UTC+7, no daylight saving), `YYYY-MM-DD`. Hot loops call this per
 * record, so the clock is read on every 1024th call only (and whenever the cached day is over):
 * the answer can lag midnight by those few calls, never by a day.
 */
export function todayInVietnam(): string {
  if (++callsSinceClockRead < 1024 && todayText !== '') return todayText;
  callsSinceClockRead = 0;
  const now = Date.now();
  if (now >= todayEndsAt) {
    const local = now + VIETNAM_OFFSET_MS;
    todayText = new Date(local).toISOString().slice(0, 10);
    todayEndsAt = (Math.floor(local / 86_400_000) + 1) * 86_400_000 - VIETNAM_OFFSET_MS;
  }
  return todayText;
}
